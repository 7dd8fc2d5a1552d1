"""Slack for the advisor: Rasa's Slack channel, acknowledged at once and answered once.

Built on ``rasa.core.channels.slack`` (``SlackInput`` / ``SlackBot``), changing only
what loses or doubles answers with the stock channel (docs/slack.md). This module
is the input channel named in ``credentials.slack.yml``; its parts live beside it:

- Slack wants a 200 within 3 s or it sends the event again. The webhook here checks
  the signature, claims the delivery, answers 200 and runs the turn in a background
  task, wrapped by ``answer_turn`` so that a failed turn posts an apology, not silence.
- ``slack_ledger``: deliveries are claimed by Slack's ``event_id`` (and by the
  message's channel and ``ts``), never by the retry header alone (RasaHQ/rasa #3882),
  in this process or in Redis (``$SLACK_DEDUPE_REDIS_URL``) shared by replicas.
- ``slack_events``: which message or click to answer, and in which conversation
  (one per thread; one per DM outside a thread).
- ``slack_output`` and ``slack_format``: posts in mrkdwn, quick replies as Block Kit
  buttons, the clicked message showing the choice; the Web API base URL from
  ``$SLACK_API_URL`` and HTTP 429 retried after ``Retry-After``.
"""
from __future__ import annotations

import asyncio
import json
import logging
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa_project.channels.slack_events import Delivery, read_click, read_event
from rasa_project.channels.slack_ledger import DeliveryLedger, ledger_for
from rasa_project.channels.slack_output import DEFAULT_SLACK_API_URL, AdvisorSlackBot
from rasa_project.channels.turns import DEFAULT_APOLOGY, answer_turn
from rasa_project.settings import current

logger = logging.getLogger(__name__)


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
            api_url=credentials.get("api_url") or current().slack_api_url or DEFAULT_SLACK_API_URL,
            ledger=ledger_for(current()),
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
