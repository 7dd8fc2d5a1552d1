"""Run one user turn so that the user always hears back, and never hears an answer that is then lost.

Rasa drops a turn's bot messages when the action server is down or an action
fails, and the user hears nothing. Every channel of the advisor hands its turns
to ``answer_turn``, which sends an apology when a turn ends with nothing to say
(an error, a dead action server, a turn slower than the limit).

The limit matters for an action server that is stuck rather than dead: it
accepts the call and never answers, and Rasa would wait 300 s for it. A turn
over the limit is cancelled, not left running: it releases the conversation's
lock at once and can never send a late answer after the apology.

Rasa sends a turn's bot messages while it runs and saves the conversation last.
During a database outage that answered the user and then lost the turn. Here the
messages are held until the turn, its user message included, is stored
(``rasa_project/stores/turn_outcome.py``, ``strict.py``); if the conversation
could not be read or saved, they are dropped and the user is told to send the
message again. A turn is thus answered exactly when it is stored.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, List, Text, Tuple

from rasa.core.channels.channel import OutputChannel, UserMessage

from rasa_project.settings import current
from rasa_project.stores import strict, turn_outcome

logger = logging.getLogger(__name__)

DEFAULT_APOLOGY = (
    "Sorry, I can't reach my knowledge base right now, so I can't answer that. "
    "Please try again in a minute."
)
NOT_SAVED_APOLOGY = (
    "Sorry, I couldn't save our conversation just now, so I didn't answer; "
    "please send that again in a minute."
)

# Channels hand turns over before Rasa builds its agent, so this is in place in time.
strict.install()


def turn_timeout_seconds() -> float:
    """How long one turn may take before the user gets the apology ($MLIS_ADVISOR_TURN_TIMEOUT, 5 s)."""
    return current().turn_timeout


class HeldOutputChannel(OutputChannel):
    """Keeps a turn's bot messages until ``release`` passes them on to the real channel."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.held: List[Tuple[Text, Dict[Text, Any]]] = []

    def name(self) -> Text:  # type: ignore[override] - responses varied by channel see the real one
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.held.append((recipient_id, message))

    async def release(self) -> int:
        """Send the held messages in order; how many were sent."""
        held, self.held = self.held, []
        for recipient_id, message in held:
            await self.inner.send_response(recipient_id, message)
        return len(held)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


async def answer_turn(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    message: UserMessage,
    *,
    apology: Text = DEFAULT_APOLOGY,
    not_saved: Text = NOT_SAVED_APOLOGY,
    timeout: float = 0.0,
) -> int:
    """Handle one user message; send its answer once the turn is stored, else one apology.

    Args:
        on_new_message: the handler Rasa gives each input channel.
        message: the user's message; its output channel is wrapped to hold the replies.
        apology: what the user gets when the turn fails or sends nothing.
        not_saved: what the user gets when the conversation store failed or kept retrying.
        timeout: seconds before giving up on the turn (default ``turn_timeout_seconds()``).

    Returns:
        How many bot messages the turn sent, the apology included.
    """
    held = HeldOutputChannel(message.output_channel)
    message.output_channel = held
    with turn_outcome.recording(message.sender_id, message.message_id) as outcome:
        try:
            await asyncio.wait_for(on_new_message(message), timeout or turn_timeout_seconds())
        except asyncio.TimeoutError:
            logger.error("sender=%s turn timed out; sending apology", message.sender_id)
        except strict.StoreUnavailable as error:
            logger.error("%s; telling the user", error)
        except Exception:  # noqa: BLE001 - whatever failed, the user must hear back
            logger.exception("sender=%s turn failed; sending apology", message.sender_id)
    if outcome.saved:
        try:
            sent = await held.release()
        except Exception:  # noqa: BLE001 - stored; the channel could not deliver (a closed socket...)
            logger.exception("sender=%s turn stored, but its answer could not be delivered", message.sender_id)
            return 0
        if sent:
            return sent
        logger.warning("sender=%s turn produced no reply; sending apology", message.sender_id)
    elif held.held:
        logger.warning("sender=%s turn not stored; %d message(s) dropped", message.sender_id, len(held.held))
    text = not_saved if outcome.store_trouble and not outcome.saved else apology
    await held.inner.send_response(message.sender_id, {"text": text})
    return 1
