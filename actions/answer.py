"""The shape of every reply the actions send: text plus optional quick-reply buttons.

An answer that did not answer (not understood, out of scope, the article does not say,
which one do you mean?) also says so in ``kind`` and ``about``: Rasa stores them in the
bot event's metadata (channels ignore it), where the maintainer's report reads them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple


# The bot event's metadata key, and the kinds of answers that did not answer.
ANSWER_METADATA_KEY = "advisor_answer"
NOT_UNDERSTOOD, OUT_OF_SCOPE, CLOSEST_FACTS, NOT_GIVEN, CLARIFICATION = (
    "not_understood", "out_of_scope", "closest_facts", "not_given", "clarification",
)
ANSWER_KINDS = (NOT_UNDERSTOOD, OUT_OF_SCOPE, CLOSEST_FACTS, NOT_GIVEN, CLARIFICATION)


def about(attribute: Optional[str] = None, programs: Sequence[str] = ()) -> Tuple[Tuple[str, Any], ...]:
    """The ``about`` of an answer: the attribute asked and the programs it was asked of."""
    return tuple(item for item in (("attribute", attribute), ("programs", list(programs))) if item[1])


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
    # One of ANSWER_KINDS when the answer is not an answer; "" when it is.
    kind: str = ""
    # What was asked: {"attribute": "cost", "programs": ["rbs-certificate"]}, as far as known.
    about: Tuple[Tuple[str, Any], ...] = field(default_factory=tuple)

    def as_message(self) -> Dict[str, Any]:
        """Keyword arguments for ``dispatcher.utter_message``."""
        message: Dict[str, Any] = {"text": self.text}
        if self.buttons:
            message["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        if self.kind:
            message[ANSWER_METADATA_KEY] = {"kind": self.kind, **dict(self.about)}
        return message

    def button_list(self) -> List[Dict[str, str]]:
        return [{"title": b.title, "payload": b.payload} for b in self.buttons]
