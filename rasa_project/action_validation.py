"""Validate action server responses with a JSON-schema validator built once, not once per turn.

Why: Rasa 3.6's ``RemoteAction._validate_action_result`` calls ``jsonschema.validate`` on
every action server response, and ``validate`` first re-checks the response schema, a
constant, against the draft 2020-12 meta-schema. Every turn of the advisor calls the action
server, so this was the largest single cost of the Rasa server under load: 31 % of its
samples at 8 users; building the validator once took the advisor from 0.55x to 1.04x the
stock bot's throughput at 8 users (docs/benchmarks.md, "What dominates each figure" and
"What was tried").

The replacement keeps everything else of Rasa's: the same schema
(``action_response_format_spec()`` of the action's class), the same validator class
(``jsonschema.validators.validator_for``, as ``validate`` picks it), the same error
(``best_match``, a ``jsonschema.ValidationError`` with Rasa's message appended) and the same
``True`` for a valid response. Only the repeated meta-schema check goes.

It is written against Rasa 3.6 (``rasa/core/actions/action.py``). On another Rasa, or if the
method is gone, ``install`` leaves Rasa's own validation in place and logs a warning, and
``tests/faults/test_speedups.py`` fails, so an upgrade is noticed rather than silently
running either a stale copy or nothing.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Dict, Optional, Text

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.shared.constants import DOCS_BASE_URL

logger = logging.getLogger(__name__)

SUPPORTED_RASA = "3.6."
MARKER = "_mlis_advisor_validator_built_once"

_lock = threading.Lock()
_validators: Dict[type, Any] = {}
rasa_original: Optional[Callable[[Any, Dict[Text, Any]], bool]] = None


def install() -> bool:
    """Put the validator-built-once in place of ``RemoteAction._validate_action_result``; idempotent.

    Returns:
        True when ours is in place (now or already), False when Rasa's own was kept.
    """
    global rasa_original
    import rasa
    from rasa.core.actions.action import RemoteAction

    with _lock:
        current = getattr(RemoteAction, "_validate_action_result", None)
        if getattr(current, MARKER, False):
            return True
        problem = _unsupported(rasa.__version__, RemoteAction)
        if problem:
            logger.warning("Action server responses keep Rasa's own (slower) validation: %s.", problem)
            return False
        _validator_for(RemoteAction)  # build and check the schema once, now rather than in a turn
        rasa_original = current
        RemoteAction._validate_action_result = _validate_action_result
        logger.debug("Action server responses are validated with a validator built once.")
        return True


def _unsupported(version: Text, remote_action: type) -> Optional[Text]:
    """Why the replacement cannot be trusted with this Rasa, or None."""
    if not version.startswith(SUPPORTED_RASA):
        return f"written for Rasa {SUPPORTED_RASA}x, this is Rasa {version}"
    for attribute in ("_validate_action_result", "action_response_format_spec"):
        if not callable(getattr(remote_action, attribute, None)):
            return f"RemoteAction.{attribute} is missing"
    return None


def _validator_for(action_class: type) -> Any:
    """The validator of the class's response schema, checked against its meta-schema once."""
    validator = _validators.get(action_class)
    if validator is None:
        schema = action_class.action_response_format_spec()
        validator_class = validator_for(schema)
        validator_class.check_schema(schema)
        validator = _validators[action_class] = validator_class(schema)
    return validator


def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """Rasa 3.6's ``RemoteAction._validate_action_result`` with the validator built once per class."""
    error = best_match(_validator_for(type(self)).iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


setattr(_validate_action_result, MARKER, True)
