"""Run one user turn so that the user always hears back.

Rasa drops a turn's bot messages when the action server is down or an action
fails, and the user hears nothing. Every channel of the advisor hands its turns
to ``answer_turn``, which counts what the bot sends and, when a turn ends with
nothing sent (an error, a dead action server, a turn slower than the limit),
sends an apology instead.

The limit matters for an action server that is stuck rather than dead: it
accepts the call and never answers, and Rasa would wait 300 s for it. A turn
over the limit is cancelled, not left running: it releases the conversation's
lock at once and can never send a late answer after the apology.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import OutputChannel, UserMessage

from rasa_project.settings import current

logger = logging.getLogger(__name__)

DEFAULT_APOLOGY = (
    "Sorry, I can't reach my knowledge base right now, so I can't answer that. "
    "Please try again in a minute."
)


def turn_timeout_seconds() -> float:
    """How long one turn may take before the user gets the apology ($MLIS_ADVISOR_TURN_TIMEOUT, 5 s)."""
    return current().turn_timeout


class CountingOutputChannel(OutputChannel):
    """Passes every bot message on to the real channel and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    @classmethod
    def name(cls) -> Text:
        return "counting"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


async def answer_turn(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    message: UserMessage,
    *,
    apology: Text = DEFAULT_APOLOGY,
    timeout: float = 0.0,
) -> int:
    """Handle one user message; send ``apology`` if the bot would otherwise stay silent.

    Args:
        on_new_message: the handler Rasa gives each input channel.
        message: the user's message; its output channel is wrapped to count replies.
        apology: what the user gets when the turn fails or sends nothing.
        timeout: seconds before giving up on the turn (default ``turn_timeout_seconds()``).

    Returns:
        How many bot messages the turn sent, the apology included.
    """
    counting = CountingOutputChannel(message.output_channel)
    message.output_channel = counting
    try:
        await asyncio.wait_for(on_new_message(message), timeout or turn_timeout_seconds())
    except asyncio.TimeoutError:
        logger.error("sender=%s turn timed out; sending apology", message.sender_id)
    except Exception:  # noqa: BLE001 - whatever failed, the user must hear back
        logger.exception("sender=%s turn failed; sending apology", message.sender_id)
    if counting.sent == 0:
        logger.warning("sender=%s turn produced no reply; sending apology", message.sender_id)
        await counting.send_response(message.sender_id, {"text": apology})
    return counting.sent
