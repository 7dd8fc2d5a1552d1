"""Slack for the advisor: Rasa's Slack channel, acknowledged at once and answered once.

Built on ``rasa.core.channels.slack`` (``SlackInput`` / ``SlackBot``), changing only
what loses or doubles answers with the stock channel (see RASA-NOTES):

- Slack wants a 200 within 3 s or it sends the event again. The webhook checks the
  signature, claims the delivery, answers 200 and runs the turn in a background task,
  wrapped by ``answer_turn`` so that a failed turn posts an apology, not silence.
- Deliveries are claimed by Slack's ``event_id`` (and by the message's channel and
  ``ts``, because one message can come as both a ``message`` and an ``app_mention``
  event), never by the retry header alone (RasaHQ/rasa #3882). The claims live in
  an in-process TTL cache, or in Redis when ``$SLACK_DEDUPE_REDIS_URL`` is set, so
  that replicas behind a load balancer share them.
- One conversation per thread: a reply goes to the thread it was asked in, a
  top-level @-mention in a channel is answered in a thread under it, and a direct
  message outside a thread is one conversation per DM.
- Quick replies become Block Kit buttons; a click is answered in the same place and
  the clicked message shows the choice instead of the buttons.
- Bot text is converted to Slack mrkdwn at this edge (links, bold, bullets, escaping).
- The Web API base URL comes from ``$SLACK_API_URL`` (Slack's by default), and
  rate-limited posts (HTTP 429) are retried after Slack's ``Retry-After``.
"""
from __future__ import annotations

import asyncio
import html
import json
import logging
import os
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Sequence, Text, Tuple
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from rasa_project.channels.turns import DEFAULT_APOLOGY, answer_turn

logger = logging.getLogger(__name__)

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
# Slack retries after about 0 s, 1 min and 5 min; an hour outlives all of them.
DEFAULT_DEDUPE_TTL_SECONDS = 3600.0
DEFAULT_DEDUPE_MAX_ENTRIES = 100_000
DEDUPE_KEY_PREFIX = "mlis-advisor:slack:"
RATE_LIMIT_RETRIES = 3

# Block Kit limits (https://api.slack.com/reference/block-kit).
SECTION_TEXT_LIMIT = 3000
BUTTON_TITLE_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ROW = 5
MAX_BUTTONS = 25

# Message subtypes a person sends; the others are edits, deletions, joins, bots...
USER_MESSAGE_SUBTYPES = {None, "thread_broadcast", "file_share"}


# -- mrkdwn -------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_BOLD_MARK = "\x01"
_LINK_MARK = "\x02"


def escape_mrkdwn(text: Text) -> Text:
    """Escape the three characters Slack reads as markup (``&``, ``<``, ``>``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: Text) -> Text:
    """Markdown as the bot writes it, turned into Slack mrkdwn.

    ``[label](url)`` becomes ``<url|label>``, ``**bold**`` becomes ``*bold*``,
    ``*italic*`` becomes ``_italic_``, ``~~gone~~`` becomes ``~gone~``, headings
    become bold lines, ``-``/``*`` bullets become ``•``, and ``&``, ``<``, ``>``
    are escaped so that Slack shows them as typed.
    """
    links: List[Text] = []

    def keep_link(match: "re.Match[str]") -> Text:
        label = escape_mrkdwn(match.group(1)).replace("|", "/")
        links.append(f"<{match.group(2)}|{label}>")
        return f"{_LINK_MARK}{len(links) - 1}{_LINK_MARK}"

    text = escape_mrkdwn(_LINK.sub(keep_link, text))
    text = _HEADING.sub(lambda m: f"{_BOLD_MARK}{m.group(1)}{_BOLD_MARK}", text)
    text = _BULLET.sub(lambda m: f"{m.group(1)}• ", text)
    text = _BOLD.sub(lambda m: f"{_BOLD_MARK}{m.group(1) or m.group(2)}{_BOLD_MARK}", text)
    text = _ITALIC.sub(r"_\1_", text)
    text = _STRIKE.sub(r"~\1~", text)
    text = text.replace(_BOLD_MARK, "*")
    return re.sub(f"{_LINK_MARK}(\\d+){_LINK_MARK}", lambda m: links[int(m.group(1))], text)


def split_text(text: Text, limit: int = SECTION_TEXT_LIMIT) -> List[Text]:
    """``text`` in pieces of at most ``limit`` characters, cut at line ends where possible."""
    pieces: List[Text] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return pieces + ([text] if text else [])


def button_blocks(text: Text, buttons: Sequence[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Block Kit for a message with quick replies: mrkdwn sections, then rows of buttons.

    A button whose payload Slack cannot carry (over 2,000 characters) is left out
    with a warning rather than making Slack refuse the whole message.
    """
    blocks: List[Dict[Text, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece}} for piece in split_text(to_mrkdwn(text))
    ]
    elements = []
    for index, button in enumerate(buttons[:MAX_BUTTONS]):
        payload = str(button.get("payload", ""))
        if not payload or len(payload) > BUTTON_VALUE_LIMIT:
            logger.warning("quick reply %r has no payload or one too long for Slack; left out", button.get("title"))
            continue
        title = str(button.get("title") or payload)
        elements.append({
            "type": "button",
            "text": {"type": "plain_text", "text": title[:BUTTON_TITLE_LIMIT], "emoji": True},
            "value": payload,
            "action_id": f"quick_reply_{index}",
        })
    for start in range(0, len(elements), BUTTONS_PER_ROW):
        blocks.append({"type": "actions", "elements": elements[start:start + BUTTONS_PER_ROW]})
    return blocks


def blocks_with_choice(blocks: Sequence[Dict[Text, Any]], choice: Text) -> List[Dict[Text, Any]]:
    """The clicked message's blocks with its buttons replaced by a line naming the choice."""
    kept = [block for block in blocks if block.get("type") != "actions"]
    kept.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"You chose: *{escape_mrkdwn(choice)}*"}]})
    return kept


# -- de-duplication -----------------------------------------------------------

class DeliveryLedger:
    """Which Slack deliveries were already taken, remembered for ``ttl_seconds``.

    In-process and bounded: the oldest entries go first once ``max_entries`` is
    reached. Enough for one Rasa process; ``RedisDeliveryLedger`` shares it.
    """

    def __init__(
        self,
        ttl_seconds: float = DEFAULT_DEDUPE_TTL_SECONDS,
        max_entries: int = DEFAULT_DEDUPE_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self.clock = clock
        self._expiry: "OrderedDict[str, float]" = OrderedDict()

    def size(self) -> int:
        """How many deliveries are remembered now."""
        return len(self._expiry)

    def where(self) -> Text:
        """Where claims are kept, for the start-up log line."""
        return f"in this process for {self.ttl_seconds:.0f}s"

    def _forget_expired(self, now: float) -> None:
        # Every entry lives equally long, so insertion order is expiry order.
        while self._expiry and (next(iter(self._expiry.values())) <= now or len(self._expiry) > self.max_entries):
            self._expiry.popitem(last=False)

    def claim_here(self, keys: Iterable[Text]) -> bool:
        """Mark ``keys`` as taken in this process; ``True`` only if none was taken before."""
        now = self.clock()
        self._forget_expired(now)
        fresh = True
        for key in keys:
            if key in self._expiry:
                fresh = False
            else:
                self._expiry[key] = now + self.ttl_seconds
        self._forget_expired(now)
        return fresh

    async def claim(self, keys: Sequence[Text]) -> bool:
        """Mark ``keys`` as taken; ``True`` only if none of them was taken before.

        Args:
            keys: every identity of one delivery (event id, channel and message ts...).

        Returns:
            ``True`` when the delivery is new and must be answered.
        """
        return self.claim_here(keys)


class RedisDeliveryLedger(DeliveryLedger):
    """The ledger shared by every replica through Redis (``SET key NX EX ttl``).

    While Redis cannot be reached, claims fall back to this process's memory and
    an error is logged: a user may then, at worst, get a duplicate from another
    replica, but is never left without an answer.
    """

    def __init__(self, url: Text, ttl_seconds: float = DEFAULT_DEDUPE_TTL_SECONDS, **kwargs: Any) -> None:
        super().__init__(ttl_seconds, **kwargs)
        self.url = url
        self._client: Any = None

    def where(self) -> Text:
        address = urlsplit(self.url)
        return f"in Redis at {address.hostname}:{address.port} for {self.ttl_seconds:.0f}s"

    def _redis(self) -> Any:
        # Created on first use, inside the server's event loop.
        if self._client is None:
            import redis.asyncio

            self._client = redis.asyncio.Redis.from_url(self.url, socket_timeout=1.0, socket_connect_timeout=1.0)
        return self._client

    async def claim(self, keys: Sequence[Text]) -> bool:
        ttl = max(1, int(self.ttl_seconds))
        try:
            async with self._redis().pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.set(DEDUPE_KEY_PREFIX + key, "1", nx=True, ex=ttl)
                results = await pipe.execute()
        except Exception as error:  # noqa: BLE001 - any Redis failure: fall back, keep answering
            logger.error("Slack de-duplication store unreachable (%s); using this process's memory", error)
            return self.claim_here(keys)
        self.claim_here(keys)
        return all(bool(result) for result in results)


def ledger_from_environment(environ: Optional[Dict[str, str]] = None) -> DeliveryLedger:
    """The ledger chosen by ``$SLACK_DEDUPE_REDIS_URL`` and ``$SLACK_DEDUPE_TTL_SECONDS``."""
    environ = dict(os.environ if environ is None else environ)
    ttl = float(environ.get("SLACK_DEDUPE_TTL_SECONDS") or DEFAULT_DEDUPE_TTL_SECONDS)
    url = environ.get("SLACK_DEDUPE_REDIS_URL")
    return RedisDeliveryLedger(url, ttl) if url else DeliveryLedger(ttl)


# -- reading Slack requests -----------------------------------------------------

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
    """(thread to reply in, conversation id) for a message: one conversation per thread."""
    if thread_ts:
        return thread_ts, f"{channel}:{thread_ts}"
    if is_direct:
        return None, channel
    # A top-level mention in a channel is answered in a thread under it; later
    # messages in that thread carry thread_ts == ts and so join this conversation.
    return ts, f"{channel}:{ts}"


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


# -- output -------------------------------------------------------------------

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


# -- input --------------------------------------------------------------------

class AdvisorSlackInput(SlackInput):
    """``slack`` channel at ``/webhooks/slack/webhook``: signed, acknowledged at once, answered once."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        """Secrets from the credentials file (``${VAR}``), optional settings from the environment."""
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            slack_token=credentials.get("slack_token", ""),
            slack_signing_secret=credentials.get("slack_signing_secret", ""),
            slack_channel=credentials.get("slack_channel"),
            proxy=credentials.get("proxy"),
            api_url=credentials.get("api_url") or os.environ.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL,
            ledger=ledger_from_environment(),
            apology=credentials.get("apology", DEFAULT_APOLOGY),
        )

    def __init__(
        self,
        slack_token: Text,
        slack_signing_secret: Text,
        slack_channel: Optional[Text] = None,
        proxy: Optional[Text] = None,
        api_url: Text = DEFAULT_SLACK_API_URL,
        ledger: Optional[DeliveryLedger] = None,
        apology: Text = DEFAULT_APOLOGY,
    ) -> None:
        super().__init__(
            slack_token, slack_channel, proxy, use_threads=True, slack_signing_secret=slack_signing_secret
        )
        self.api_url = api_url
        self.ledger = ledger if ledger is not None else DeliveryLedger()
        self.apology = apology
        logger.info("Slack channel on: Web API %s, deliveries remembered %s", api_url, self.ledger.where())

    def _validate_credentials(self) -> None:
        super()._validate_credentials()
        if not self.slack_token:
            raise InvalidConfigException("The Slack channel needs `slack_token` (set SLACK_BOT_TOKEN).")

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return AdvisorSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)

    async def _run_turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], delivery: Delivery) -> None:
        output = self.get_output_channel(delivery.channel, delivery.reply_thread)
        try:
            if delivery.clicked and isinstance(output, AdvisorSlackBot):
                try:
                    await output.show_choice(delivery.clicked)
                except Exception as error:  # noqa: BLE001 - cosmetic; the answer matters more
                    logger.warning("sender=%s could not mark the clicked choice: %s", delivery.conversation_id, error)
            message = UserMessage(
                delivery.text, output, delivery.conversation_id,
                input_channel=self.name(), metadata=delivery.metadata(),
            )
            sent = await answer_turn(on_new_message, message, apology=self.apology)
            logger.debug("sender=%s turn done, %d message(s) posted", delivery.conversation_id, sent)
        except Exception:  # noqa: BLE001 - a background task has nobody else to report to
            logger.exception("sender=%s could not answer on Slack", delivery.conversation_id)

    def start_turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], delivery: Delivery) -> None:
        """Answer ``delivery`` in the background, so Slack gets its 200 before the turn runs."""
        task = asyncio.create_task(self._run_turn(on_new_message, delivery))
        # Keep a reference, or the task may be garbage-collected mid-turn.
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def accept(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]], delivery: Optional[Delivery], request: Request
    ) -> HTTPResponse:
        """Claim and start a delivery; a repeated one is acknowledged and dropped."""
        if delivery is None:
            return response.text("ignored")
        if not await self.ledger.claim(delivery.keys):
            logger.info(
                "sender=%s duplicate Slack delivery %s (retry #%s, %s) dropped",
                delivery.conversation_id, delivery.keys[0],
                request.headers.get("x-slack-retry-num", "-"), request.headers.get("x-slack-retry-reason", "-"),
            )
            return response.text("duplicate", headers={"X-Slack-No-Retry": "1"})
        self.start_turn(on_new_message, delivery)
        return response.text("")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", "rasa_project.channels.slack")

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                logger.warning("Slack request refused: missing, stale or wrong signature")
                return response.text("missing, stale or invalid X-Slack-Signature", status=HTTPStatus.UNAUTHORIZED)
            content_type = (request.headers.get("content-type") or "").split(";")[0].strip()
            try:
                if content_type == "application/json":
                    body = json.loads(request.body)
                    if body.get("type") == "url_verification":
                        return response.json({"challenge": body.get("challenge", "")})
                    return await self.accept(on_new_message, read_event(body, self.slack_channel), request)
                if content_type == "application/x-www-form-urlencoded":
                    payload = json.loads(request.form.get("payload") or "{}")
                    return await self.accept(on_new_message, read_click(payload), request)
            except (ValueError, AttributeError, TypeError) as error:
                return response.text(f"unreadable Slack payload: {error}", status=HTTPStatus.BAD_REQUEST)
            return response.text("unsupported content type", status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)

        return webhook
