"""The bot's messages as Slack shows them: Markdown turned into mrkdwn, quick replies into Block Kit.

Pure functions, no I/O: ``AdvisorSlackBot`` (``slack_output``) calls them at the edge,
so answers stay channel-neutral inside the assistant.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Sequence, Text

logger = logging.getLogger(__name__)

# Block Kit limits (https://api.slack.com/reference/block-kit).
SECTION_TEXT_LIMIT = 3000
BUTTON_TITLE_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ROW = 5
MAX_BUTTONS = 25

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
