"""Buttons in `make shell` that can be picked by typing their number.

Rasa's console (``rasa.core.channels.console.print_buttons``) lists a message's buttons
as "1: title (payload)" in a questionary select without shortcuts: typing "3" does
nothing and Enter answers with the highlighted first option, so a person who types the
number they see is answered for another choice. Here each button is shown as
"1) title" and its number (1-9, then 0 and letters, questionary's shortcut keys) moves
the choice to it; the arrow keys still work. The value of each choice keeps Rasa's
"(payload)" form, which the console reads back (``payload_from_button_question``).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

import questionary
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl
from rasa.cli.utils import FREE_TEXT_INPUT_PROMPT
from rasa.core.channels import console
from rasa.shared.utils.io import bcolors

_STYLE = Style([("qmark", "#6d91d3"), ("", "#6d91d3"), ("answer", "#b373d6")])  # Rasa's console colours
_rasa_print_buttons = console.print_buttons


def numbered_choices(message: Dict[Text, Any]) -> list:
    """One choice per button ("title", valued "N: title (payload)" as Rasa's console reads it), then free text."""
    choices = []
    for number, button in enumerate(message.get("buttons") or [], 1):
        title = str(button.get("title", ""))
        payload = button.get("payload")
        value = f"{number}: {title}" + (f" ({payload})" if payload else "")
        choices.append(questionary.Choice(title=title, value=value))
    choices.append(questionary.Choice(title=FREE_TEXT_INPUT_PROMPT, value=FREE_TEXT_INPUT_PROMPT))
    return choices


def print_buttons(message: Dict[Text, Any], is_latest_message: bool = False,
                  color: Text = bcolors.OKBLUE) -> Optional[Any]:
    """Rasa's ``print_buttons`` with number shortcuts on the latest message's choices."""
    choices = numbered_choices(message)
    if not is_latest_message or len(choices) > len(InquirerControl.SHORTCUT_KEYS):
        return _rasa_print_buttons(message, is_latest_message, color)
    return questionary.select(message.get("text"), choices, use_shortcuts=True, style=_STYLE)


def install() -> None:
    """Use the numbered buttons in this process's Rasa console (idempotent)."""
    console.print_buttons = print_buttons
