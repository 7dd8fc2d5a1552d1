"""What the guided interview says while it asks: questions, re-prompts and acknowledgements.

Each function returns text or an ``Answer`` (text plus buttons); channels render the
buttons (web widget and Slack as buttons, ``rasa shell`` as a numbered choice).
"""
from __future__ import annotations

from typing import Any, Dict, Optional

from actions.answer import Answer, Button
from actions.answers import join_words, usd
from actions.guided.parsers import (
    CAN_TRAVEL,
    ENROLLED_ELSEWHERE,
    ENROLLED_SCHOOL_UNSAID,
    NOT_ENROLLED,
    ONLINE_ONLY,
    SKIPPED,
    decode_interest,
)
from actions.slots import BUDGET, CODING, ENROLLED, INTEREST, QUESTIONS, ROLE, TRAVEL
from knowledge import KnowledgeBase

# Budget buttons are ranges a learner picks from, not prices from the article.
BUDGET_CHOICES_USD = (2000, 5000, 10000)
MAX_TOPIC_BUTTONS = 8


def _skip_button() -> Button:
    return Button("Not sure", "/skip")


def question_answer(slot: str, kb: KnowledgeBase) -> Answer:
    """The interview question for one slot, with its quick replies and a "Not sure" skip."""
    if slot == INTEREST:
        labels: Dict[str, str] = {}
        for program in kb.programs:
            if program.topics and program.topics[0] not in labels:
                labels[program.topics[0]] = kb.topic(program.topics[0]).label
        buttons = [Button.for_intent(label.capitalize(), "find_certificate", {"topic": topic_id})
                   for topic_id, label in list(labels.items())[:MAX_TOPIC_BUTTONS]]
        text = ("What do you want a certificate for? Name a topic (for example data science or rare books) "
                "or a goal (for example \"move into a higher position\").")
        return Answer(text, tuple(buttons) + (_skip_button(),))
    if slot == ROLE:
        return Answer("What is your current role, and how many years have you worked in the field? "
                      "For example: \"metadata librarian, 8 years\".", (_skip_button(),))
    if slot == CODING:
        buttons = [Button.for_intent(title, "inform_coding", {"coding": level})
                   for title, level in (("None", "none"), ("Some", "some"), ("Comfortable", "comfortable"))]
        return Answer("Do you have a coding background?", tuple(buttons) + (_skip_button(),))
    if slot == TRAVEL:
        buttons = (Button.for_intent("I can travel", "inform_travel", {"travel": CAN_TRAVEL}),
                   Button.for_intent("Online only", "inform_travel", {"travel": ONLINE_ONLY}))
        return Answer("Could you travel to attend courses in person, or must it be online only?", buttons + (_skip_button(),))
    if slot == BUDGET:
        buttons = [Button.for_intent(f"Up to {usd(amount)}", "inform_budget", {"budget": str(amount)})
                   for amount in BUDGET_CHOICES_USD]
        return Answer("About how much could you spend on tuition, in US dollars? "
                      "For example \"$3,000\" or \"3k\" (or \"no budget\").", tuple(buttons) + (_skip_button(),))
    if slot == ENROLLED:
        buttons = [Button.for_intent("No", "inform_enrollment", {"enrolled": NOT_ENROLLED})]
        buttons += [Button.for_intent(f"Yes, at {p.name}", "inform_enrollment", {"institution": p.id}) for p in kb.providers]
        buttons.append(Button.for_intent("Yes, another school", "inform_enrollment", {"enrolled": ENROLLED_ELSEWHERE}))
        return Answer("Are you enrolled at a school right now?", tuple(buttons) + (_skip_button(),))
    raise ValueError(f"no interview question for slot {slot!r}")


def reprompt_text(slot: str, value: Any = None) -> str:
    """What to say when an answer could not be read, before the question is asked again."""
    if slot == ENROLLED and value == ENROLLED_SCHOOL_UNSAID:
        return "Which school are you enrolled at? Pick it below, or choose \"another school\"."
    return {
        INTEREST: "I didn't find a topic or goal from the article in that. Pick a topic below, name a goal, "
                  "or say \"not sure\".",
        ROLE: "Tell me your role in a few words, for example \"cataloger, 5 years\", or say \"skip\".",
        CODING: "How much coding have you done: none, some, or are you comfortable with it?",
        TRAVEL: "I didn't catch that: could you travel to in-person courses, or online only?",
        BUDGET: "I couldn't find an amount in that. Give a number such as \"$3,000\", \"3000 dollars\" or \"3k\", "
                "or say \"no budget\".",
        ENROLLED: "Are you enrolled at a school now? Say \"no\", name the school, or say \"not sure\".",
    }[slot]



# -- describing answers -----------------------------------------------------------------------

def describe_answer(slot: str, value: Any, kb: KnowledgeBase, years: Optional[int] = None) -> str:
    """A stored answer in words ("budget $3,000", "online only")."""
    if value is None or value == SKIPPED:
        return {INTEREST: "topic: not sure", ROLE: "role: not said", CODING: "coding: not sure",
                TRAVEL: "travel: not sure", BUDGET: "budget: not said", ENROLLED: "enrolment: not sure"}[slot] + (
            f" ({years} years in the field)" if slot == ROLE and years is not None else "")
    if slot == INTEREST:
        ids = decode_interest(value, kb) or ((), ())
        return "interest: " + join_words([kb.topic(t).label for t in ids[0]] + [kb.goal(g).label for g in ids[1]])
    if slot == ROLE:
        return f"role: {value}" + (f" ({years} years in the field)" if years is not None else "")
    if slot == CODING:
        return {"none": "no coding experience", "some": "some coding", "comfortable": "comfortable with coding"}[value]
    if slot == TRAVEL:
        return "can travel to in-person courses" if value == CAN_TRAVEL else "online only"
    if slot == BUDGET:
        return f"budget {usd(int(value))}"
    if slot == ENROLLED:
        if value == NOT_ENROLLED:
            return "not enrolled at a school"
        if value == ENROLLED_ELSEWHERE:
            return "enrolled at another school"
        provider = kb.resolve("provider", str(value))
        return f"enrolled at {kb.provider(provider).name}" if provider else "enrolled at a school"
    raise ValueError(f"no interview question for slot {slot!r}")


def correction_text(slot: str, value: Any, kb: KnowledgeBase, years: Optional[int] = None) -> str:
    """The acknowledgement of a changed answer ("Got it: budget $3,000.")."""
    return f"Got it, I've noted that: {describe_answer(slot, value, kb, years)}."


def answers_summary(answers: Dict[str, Any], kb: KnowledgeBase, years: Optional[int]) -> str:
    """All the interview's answers in one line."""
    parts = [describe_answer(slot, answers.get(slot), kb, years) for slot in QUESTIONS]
    return "Your answers: " + "; ".join(parts) + "."


# -- after a changed answer ------------------------------------------------------------------

def continue_answer() -> Answer:
    """After a changed answer when there is no shortlist yet."""
    return Answer("I'll use that when I suggest certificates.",
                  (Button("Help me choose a certificate", "/start_guided_advice"),))


def unreadable_answer(slot: str) -> Answer:
    """A changed answer outside the questions that could not be read; the earlier answer stays."""
    return Answer(reprompt_text(slot) + " I've kept your earlier answer.")
