"""What the Slack tests wait for: the bot's posts as the stand-in Web API receives them."""
from __future__ import annotations

from typing import Any, List

from tests.slack.slack_client import SlackSender, message_event
from tests.slack.stand_in import ApiCall, SlackApiStandIn

RBS_COST = "How much does the Rare Book School certificate cost?"


def answered(api: SlackApiStandIn, channel: str, needle: str, since: int = 0) -> ApiCall:
    """The bot's post to ``channel`` containing ``needle`` (received after bookmark ``since``)."""
    return api.wait_for(lambda c: c.body.get("channel") == channel and needle in c.text, since=since)


def answers_with(api: SlackApiStandIn, channel: str, needle: str) -> List[ApiCall]:
    """Every post the bot made to ``channel`` that contains ``needle``, oldest first."""
    return [post for post in api.posts(channel) if needle in post.text]


def settle(api: SlackApiStandIn, sender: SlackSender, channel: str, **where: Any) -> None:
    """Ask one more question in the same conversation and wait for its answer.

    Turns in one conversation run in order, so once this answer is posted any
    answer to an earlier delivery would have been posted too.
    """
    bookmark = api.mark()
    status, _ = sender.event(message_event("How much is the CalRBS rare books certificate?", channel=channel, **where))
    assert status == 200
    answered(api, channel, "$1,200", since=bookmark)
