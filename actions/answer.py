"""The shape of every reply the actions send: text plus optional quick-reply buttons."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple


@dataclass(frozen=True)
class Button:
    """A quick reply: the title shown and the payload sent when clicked."""

    title: str
    payload: str

    @classmethod
    def for_intent(cls, title: str, intent: str, entities: Optional[Dict[str, str]] = None) -> "Button":
        """A button that sends ``/intent{"entity": "value"}``, which Rasa parses without NLU."""
        payload = f"/{intent}" + (json.dumps(entities, separators=(",", ":")) if entities else "")
        return cls(title, payload)


@dataclass(frozen=True)
class Answer:
    """One bot message."""

    text: str
    buttons: Tuple[Button, ...] = field(default_factory=tuple)

    def as_message(self) -> Dict[str, Any]:
        """Keyword arguments for ``dispatcher.utter_message``."""
        message: Dict[str, Any] = {"text": self.text}
        if self.buttons:
            message["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        return message

    def button_list(self) -> List[Dict[str, str]]:
        return [{"title": b.title, "payload": b.payload} for b in self.buttons]
