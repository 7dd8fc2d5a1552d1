"""Reading Slack's requests: which user message or button click to answer, and where.

One conversation per thread: a reply goes to the thread it was asked in, a
top-level @-mention in a channel is answered in a thread under it, and a direct
message outside a thread is one conversation per DM. Pure functions over the
parsed JSON; signatures are checked before any of this runs.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa.core.channels.slack import SlackInput

from rasa_project.channels.conversation_ids import slack_conversation

# Message subtypes a person sends; the others are edits, deletions, joins, bots...
USER_MESSAGE_SUBTYPES = {None, "thread_broadcast", "file_share"}


@dataclass(frozen=True)
class Delivery:
    """One user message or button click read from Slack, and where its answer goes."""

    text: Text
    user: Text
    channel: Text
    reply_thread: Optional[Text]
    conversation_id: Text
    keys: Tuple[Text, ...]
    clicked: Dict[Text, Any] = field(default_factory=dict)

    def metadata(self) -> Dict[Text, Any]:
        """What the turn's ``UserMessage`` carries about where it came from."""
        return {"out_channel": self.channel, "thread_id": self.reply_thread, "slack_user": self.user}


def bot_user_ids(body: Dict[Text, Any]) -> List[Text]:
    """The app's own bot user ids, from the event's ``authorizations``."""
    return [a["user_id"] for a in body.get("authorizations") or [] if a.get("is_bot") and a.get("user_id")]


def clean_user_text(text: Text, own_ids: Sequence[Text]) -> Text:
    """The user's words without the bot's @-mention and with Slack's markup undone."""
    text = SlackInput._sanitize_user_message(text, list(own_ids))
    text = re.sub(r"<#[A-Z0-9]+\|([^>]*)>", r"#\1", text)
    text = re.sub(r"<(https?://[^|>]+)>", r"\1", text)
    return html.unescape(text).strip()


def where_to_answer(channel: Text, ts: Text, thread_ts: Optional[Text], is_direct: bool) -> Tuple[Optional[Text], Text]:
    """(thread to reply in, conversation id) for a message: one conversation per thread.

    Conversation ids are ``slack:``-prefixed, so no other channel's ids can name them.
    """
    if thread_ts:
        return thread_ts, slack_conversation(f"{channel}:{thread_ts}")
    if is_direct:
        return None, slack_conversation(channel)
    # A top-level mention in a channel is answered in a thread under it; later
    # messages in that thread carry thread_ts == ts and so join this conversation.
    return ts, slack_conversation(f"{channel}:{ts}")


def read_event(body: Dict[Text, Any], watched_channel: Optional[Text] = None) -> Optional[Delivery]:
    """The user message in an Events API callback, or ``None`` if the bot must not answer it."""
    event = body.get("event") or {}
    kind, channel, ts = event.get("type"), event.get("channel"), event.get("ts")
    if body.get("type") != "event_callback" or kind not in ("message", "app_mention") or not channel or not ts:
        return None
    own_ids = bot_user_ids(body)
    if event.get("bot_id") or event.get("subtype") not in USER_MESSAGE_SUBTYPES or event.get("user") in own_ids:
        return None
    if not event.get("user") or not event.get("text"):
        return None
    is_direct = event.get("channel_type") == "im"
    # In channels the bot answers @-mentions (app_mention); a plain message there
    # is answered only in the channel the credentials name.
    if kind == "message" and not is_direct and channel != watched_channel:
        return None
    text = clean_user_text(event["text"], own_ids + list(body.get("authed_users") or []))
    if not text:
        return None
    reply_thread, conversation_id = where_to_answer(channel, ts, event.get("thread_ts"), is_direct)
    keys = tuple(k for k in (body.get("event_id") and f"event:{body['event_id']}", f"message:{channel}:{ts}") if k)
    return Delivery(text, event["user"], channel, reply_thread, conversation_id, keys)


def read_click(payload: Dict[Text, Any]) -> Optional[Delivery]:
    """The quick reply chosen in an interactive (``block_actions``) payload, or ``None``."""
    if not SlackInput._is_interactive_message(payload):
        return None
    action = payload["actions"][0]
    value = SlackInput._get_interactive_response(action)
    channel = (payload.get("channel") or {}).get("id") or (payload.get("container") or {}).get("channel_id")
    user = (payload.get("user") or {}).get("id")
    if not value or not channel or not user:
        return None
    message = payload.get("message") or {}
    ts = message.get("ts") or (payload.get("container") or {}).get("message_ts") or ""
    # The bot writes top level only in direct messages, so a top-level message is a DM's.
    reply_thread, conversation_id = where_to_answer(channel, ts, message.get("thread_ts"), is_direct=True)
    identity = payload.get("trigger_id") or f"{channel}:{ts}:{action.get('action_ts')}"
    title = ((action.get("text") or {}).get("text")) or value
    clicked = {"ts": ts, "text": message.get("text", ""), "blocks": message.get("blocks") or [], "choice": title}
    return Delivery(value, user, channel, reply_thread, conversation_id, (f"action:{identity}",), clicked)
