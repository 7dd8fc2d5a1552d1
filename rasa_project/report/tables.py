"""The findings as named tables: the same rows go to the HTML page and to the CSV files."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from actions.answer import CLARIFICATION, CLOSEST_FACTS, NOT_GIVEN, NOT_UNDERSTOOD, OUT_OF_SCOPE
from actions.slots import QUESTIONS
from rasa_project.report.findings import BEFORE_FIRST_QUESTION, Example, Findings, Groups, LOW_CONFIDENCE

KIND_LABELS = {
    NOT_UNDERSTOOD: "not understood",
    OUT_OF_SCOPE: "out of scope",
    CLOSEST_FACTS: "no direct answer (closest facts)",
    NOT_GIVEN: "the article does not say",
    CLARIFICATION: "asked which one",
}
OTHER = "(other)"


@dataclass(frozen=True)
class Table:
    """One table: ``name`` is its CSV file's name; ``chart`` names the label and count columns to draw."""

    name: str
    title: str
    note: str
    columns: Tuple[str, ...]
    rows: Tuple[Tuple[object, ...], ...]
    chart: Optional[Tuple[int, int]] = None


def _examples(examples: Sequence[Example]) -> Tuple[str, str]:
    return " | ".join(e.text for e in examples), " ".join(sorted({e.conversation for e in examples}))


def _with_other(rows: List[Tuple[object, ...]], other: int, width: int) -> Tuple[Tuple[object, ...], ...]:
    if other:
        rows.append((OTHER, *([""] * (width - 2)), other))
    return tuple(rows)


def _grouped(groups: Groups, label) -> List[Tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(*label(key), count, *_examples(examples)) for key, count, examples in groups.most_common()]


def tables(found: Findings) -> List[Table]:
    """Every table of the report, in the order the page shows them."""
    result = [
        Table("summary", "Summary", "", ("measure", "value"), (
            ("conversations", found.conversations), ("user messages", found.user_messages),
            ("first day", found.first_day or ""), ("last day", found.last_day or ""),
            ("answers that did not answer", sum(found.unanswered_kinds.values())),
            ("guided interviews started", found.interviews_started),
            ("guided interviews completed", found.interviews_completed),
        )),
        Table("unanswered-kinds", "Answers that did not answer, by kind",
              "Every reply the advisor marked as not answering the question.",
              ("kind", "answers"),
              tuple((KIND_LABELS.get(kind, kind), count) for kind, count in found.unanswered_kinds.most_common()),
              chart=(0, 1)),
        Table("fallbacks", "Questions the advisor did not understand or could not place",
              "Grouped by the user's words (case and spacing ignored); the list to work from.",
              ("kind", "question", "times", "conversations"),
              _with_other([(KIND_LABELS.get(kind, kind), examples[0].text if examples else question, count,
                            _examples(examples)[1]) for (kind, question), count, examples in found.fallbacks.most_common()],
                          found.fallbacks.counter.other, 4),
              ),
        Table("article-does-not-say", "Asked, but the article does not say",
              "Which attribute of which program people asked for and the knowledge base has no value for.",
              ("attribute", "program", "times", "examples", "conversations"),
              _with_other(_grouped(found.not_given, lambda key: (key[0] or "(any)", key[1] or "(any program)")),
                          found.not_given.counter.other, 5)),
        Table("unresolved-clarifications", "Clarifications never resolved",
              "The advisor asked which program or school was meant, and the conversation ended or the next reply "
              "was again no answer.",
              ("asked back about", "question", "times", "conversations"),
              _with_other([(attribute or "(which one)", examples[0].text if examples else question, count,
                            _examples(examples)[1]) for (attribute, question), count, examples in found.unresolved.most_common()],
                          found.unresolved.counter.other, 4)),
        Table("intents", "What people ask: intents", "", ("intent", "messages"),
              _with_other(list(found.intents.counts.most_common()), found.intents.other, 2), chart=(0, 1)),
        Table("attributes", "What people ask: attributes", "What each answered question was about (cost, funding...).",
              ("attribute", "questions"),
              _with_other(list(found.attributes.counts.most_common()), found.attributes.other, 2), chart=(0, 1)),
        Table("entities", "What people ask about: programs, schools, topics, people",
              "Names the advisor recognised in user messages.", ("kind", "value", "mentions"),
              _with_other([(kind, value, count) for (kind, value), count in found.entities.counts.most_common()],
                          found.entities.other, 3), chart=(1, 2)),
        Table("conversations-per-day", "Conversations per day", "By the day (UTC) each conversation started.",
              ("day", "conversations"), tuple(sorted(found.per_day.items())), chart=(0, 1)),
        Table("conversations-per-channel", "Conversations per channel", "", ("channel", "conversations"),
              tuple(found.per_channel.most_common()), chart=(0, 1)),
        _interview(found),
        Table("interview-stopped", "Guided interview: where people stopped",
              "The last question asked in interviews that never reached the shortlist.", ("question", "interviews"),
              tuple(sorted(found.interview_stopped.items(), key=_question_order)), chart=(0, 1)),
        Table("interview-asked-again", "Guided interview: questions asked again",
              "A question asked again in the same interview: the answer before it was not taken, or the user digressed.",
              ("question", "times", "examples", "conversations"),
              tuple(sorted(_grouped(found.asked_again, lambda key: (key,)), key=_question_order))),
        Table("low-confidence", "Low-confidence intents (candidates for training data)",
              f"User messages NLU placed with confidence under {LOW_CONFIDENCE} or sent to the fallback; "
              f"{found.low_confidence_count} in all, the least confident first.",
              ("confidence", "intent", "text", "conversation"),
              tuple((f"{item.confidence:.2f}", item.intent, item.text, item.conversation) for item in found.low_confidence)),
    ]
    return result


def _interview(found: Findings) -> Table:
    rows = [("started", found.interviews_started)]
    rows += [(f"reached: {slot}", found.interview_reached.get(slot, 0)) for slot in QUESTIONS]
    rows += [("completed (shortlist shown)", found.interviews_completed)]
    return Table("interview-funnel", "Guided interview: how far people get", "", ("step", "interviews"),
                 tuple(rows), chart=(0, 1))


def _question_order(row: Tuple[object, ...]) -> Tuple[int, str]:
    question = str(row[0])
    if question == BEFORE_FIRST_QUESTION:
        return -1, question
    return (QUESTIONS.index(question) if question in QUESTIONS else len(QUESTIONS)), question
