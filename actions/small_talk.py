"""Small talk NLU did not place ("thanks, bye", "ok cool ty"): the domain response it calls for.

A message is small talk only when every word in it is a small-talk word, so "thanks, how much
is RBS?" stays a question. When a message both thanks and says goodbye, the goodbye is answered.
"""
from __future__ import annotations

import re
from typing import Optional

# Words of each kind, in the order their responses win.
_KINDS = (
    ("utter_goodbye", {"bye", "byebye", "goodbye", "cya", "later", "farewell", "ciao", "night", "goodnight"}),
    ("utter_you_are_welcome", {"thanks", "thank", "thx", "ty", "tysm", "cheers", "appreciate", "appreciated",
                               "helpful", "grateful"}),
    ("utter_greet", {"hi", "hello", "hey", "hiya", "howdy", "greetings", "morning", "afternoon", "evening"}),
)
# Words that go with them and change nothing: "ok thanks so much, that was helpful, see you".
_FILLERS = {"ok", "okay", "k", "kk", "cool", "great", "awesome", "perfect", "nice", "good", "alright", "all", "right",
            "so", "much", "very", "a", "lot", "lots", "you", "u", "for", "the", "help", "that", "was", "this", "is",
            "it", "see", "ya", "talk", "to", "soon", "have", "day", "again", "and", "then", "well", "got", "gotcha",
            "i", "it's", "that's", "really", "super", "oh", "ah", "there", "yes", "yeah", "yep", "no", "nope",
            "will", "do", "bot", "advisor", "all", "set", "done", "for", "now", "info", "information",
            "thats", "needed", "wanted", "just", "exactly", "what", "me"}


# "I'm a school librarian, just browsing. What is this for?": what the advisor can do, however the message began.
_WHAT_IS_THIS = re.compile(r"(^|[.!?,]\s*)(so |and |but |ok |okay )?(what is this|what's this|whats this|what are you|what do you do|"
                           r"what can you do|how does this work|what is this thing|what's this thing)( for| about)?\s*\??\s*$", re.I)


# "What can you help me with? I'm a school librarian": the same, wherever it stands.
_HOW_CAN_YOU_HELP = re.compile(r"\b(what (can|could|do) you help( me)? with|how (can|could) you help( me)?\W*($|[.!?,]))", re.I)


def small_talk_response(text: str) -> Optional[str]:
    """The response for a message made only of thanks, goodbyes and greetings (or ending by asking what this
    is), else ``None``."""
    if _WHAT_IS_THIS.search((text or "").strip()) or _HOW_CAN_YOU_HELP.search(text or ""):
        return "utter_help"
    words = re.findall(r"[a-z']+", (text or "").lower())
    if not words or len(words) > 12:
        return None
    if words[0] in _KINDS[2][1] and len(words) <= 8 and not any(word in _KINDS[0][1] for word in words):
        return "utter_greet"  # "hi! first time using this"
    kinds = [name for name, vocabulary in _KINDS if any(word in vocabulary for word in words)]
    every = set().union(*(vocabulary for _, vocabulary in _KINDS)) | _FILLERS
    if not kinds or any(word not in every for word in words):
        return None
    return kinds[0]
