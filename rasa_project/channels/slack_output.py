"""Posting the advisor's answers to Slack: one post per bot message, mrkdwn and Block Kit.

The Web API base URL is configurable (``$SLACK_API_URL``, Slack's by default) and
rate-limited posts (HTTP 429) are retried after Slack's ``Retry-After``.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.slack import SlackBot
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from rasa_project.channels.slack_format import blocks_with_choice, button_blocks, to_mrkdwn

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
RATE_LIMIT_RETRIES = 3


class AdvisorSlackBot(SlackBot):
    """Posts the advisor's messages to one Slack channel or thread, in mrkdwn and Block Kit."""

    def __init__(
        self,
        token: Text,
        slack_channel: Optional[Text] = None,
        thread_id: Optional[Text] = None,
        proxy: Optional[Text] = None,
        api_url: Text = DEFAULT_SLACK_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(
            token,
            base_url=api_url,
            proxy=proxy,
            retry_handlers=[
                AsyncConnectionErrorRetryHandler(),
                # chat.postMessage allows about one message per second per channel.
                AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
            ],
        )

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """One Slack message per bot message (Rasa's splits at blank lines, which costs rate limit)."""
        await self._post_message(channel=self.slack_channel or recipient_id, text=to_mrkdwn(text.strip()), mrkdwn=True)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Text as mrkdwn sections and the quick replies as Block Kit buttons (rows of five)."""
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            text=to_mrkdwn(text.strip()),
            blocks=button_blocks(text.strip(), buttons),
        )

    async def show_choice(self, clicked: Dict[Text, Any]) -> None:
        """Replace the buttons of a clicked message by the choice, so it cannot be clicked twice."""
        if not clicked.get("ts") or not clicked.get("blocks"):
            return
        await self.client.chat_update(
            channel=self.slack_channel,
            ts=clicked["ts"],
            text=clicked.get("text") or clicked["choice"],
            blocks=blocks_with_choice(clicked["blocks"], clicked["choice"]),
        )
