"""Trackers built in memory, for tests of the tracker stores."""
from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker


def conversation(sender: str, *texts: str) -> DialogueStateTracker:
    """A started session in which the user said ``texts`` and the bot answered each."""
    tracker = DialogueStateTracker(sender, [])
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    for text in texts:
        tracker.update(UserUttered(text))
        tracker.update(BotUttered(f"answer to {text}"))
        tracker.update(ActionExecuted("action_listen"))
    return tracker
