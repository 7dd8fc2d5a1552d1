"""Judge the advisor's replies to newcomer conversations, and run a set over REST.

A conversation set (``measure.yml``, ``dev.yml``; their format is in ``README.md`` beside
this file) gives, for each turn, what a right reply must show: facts for an answer,
an honest "the article does not say", a clarifying question, or "outside what I know".
Each turn gets one outcome:

- ``correct``: the facts are there (or, for an unknown, the reply says the article does not say);
- ``clarify``: the advisor asked which program instead of answering;
- ``miss``: "didn't understand", "outside what I know" or "does not say" when the article does;
- ``wrong``: a reply that names a program the question was not about (``wrong_program``
  too), contains a fact marked wrong, or answers without the facts asked for.

Usage: ``python -m tests.newcomers.judge SET.yml --url http://localhost:5005 [--out DIR]``
(``make run`` serves 5005). The report is written outside the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import unicodedata
import uuid
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence

import yaml

from knowledge import KnowledgeBase, load_knowledge_base
from tests.support.net import RestClient

UNKNOWN_MARKERS = ("does not say", "doesn't say", "gives no", "not given", "says nothing", "names no", "does not give")
CLARIFY_MARKERS = ("which certificate do you mean", "which one do you mean", "which school's certificate",
                   "which two certificates", "which of them do you mean")
OUT_OF_SCOPE_MARKERS = ("outside what i know",)
NOT_UNDERSTOOD_MARKERS = ("didn't understand",)
OUTCOMES = ("correct", "clarify", "miss", "wrong")


def normalise(text: str) -> str:
    """Lower case, no accents, straight quotes, no thousands separators: "$6,975" reads "$6975"."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def _has(reply: str, item: Any) -> bool:
    options = item if isinstance(item, list) else [item]
    return any(normalise(str(option)) in reply for option in options)


def programs_named(reply: str, kb: KnowledgeBase) -> List[str]:
    """The programs a reply names by their full names."""
    return [p.id for p in kb.programs if normalise(p.name) in reply]


@dataclass
class Verdict:
    conversation: str
    category: str
    user: str
    expect: str
    outcome: str
    reply: str
    wrong_program: List[str] = field(default_factory=list)
    missing: List[Any] = field(default_factory=list)


def judge(turn: Dict[str, Any], reply_text: str, kb: KnowledgeBase, conversation: str = "", category: str = "") -> Verdict:
    """One turn's outcome (see the module docstring)."""
    reply = normalise(reply_text)
    expect = turn.get("expect", "answer")
    about = turn.get("about", ["any"])
    named = programs_named(reply, kb)
    stray = [] if "any" in (about or []) else [p for p in named if p not in (about or [])]
    missing = [item for item in turn.get("must_include") or [] if not _has(reply, item)]
    forbidden = [item for item in turn.get("must_not_include") or [] if _has(reply, item)]
    says = lambda markers: any(m in reply for m in markers)  # noqa: E731

    if stray or forbidden:
        outcome = "wrong"
    elif expect == "answer":
        if not missing:
            outcome = "correct"
        elif says(CLARIFY_MARKERS):
            outcome = "clarify"
        elif says(OUT_OF_SCOPE_MARKERS) or says(NOT_UNDERSTOOD_MARKERS) or says(UNKNOWN_MARKERS):
            outcome = "miss"
        else:
            outcome = "wrong"
    elif expect == "unknown":
        if says(UNKNOWN_MARKERS) and not missing:
            outcome = "correct"
        elif says(CLARIFY_MARKERS):
            outcome = "clarify"
        elif says(OUT_OF_SCOPE_MARKERS) or says(NOT_UNDERSTOOD_MARKERS):
            outcome = "miss"
        else:
            outcome = "wrong"
    elif expect == "clarify":
        outcome = "correct" if says(CLARIFY_MARKERS) and not missing else "miss"
    elif expect == "out_of_scope":
        outcome = "correct" if says(OUT_OF_SCOPE_MARKERS) or says(NOT_UNDERSTOOD_MARKERS) else "wrong"
    else:  # chat
        outcome = "miss" if says(NOT_UNDERSTOOD_MARKERS) else "correct"
    return Verdict(conversation, category, turn["user"], expect, outcome, reply_text, stray, missing)


@dataclass
class Report:
    verdicts: List[Verdict]

    def counts(self, verdicts: Optional[Iterable[Verdict]] = None) -> Dict[str, int]:
        found = Counter(v.outcome for v in (self.verdicts if verdicts is None else verdicts))
        return {outcome: found.get(outcome, 0) for outcome in OUTCOMES}

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def honest_unknowns(self) -> int:
        return sum(1 for v in self.verdicts if v.expect == "unknown" and v.outcome == "correct")

    @property
    def wrong_program(self) -> int:
        return sum(1 for v in self.verdicts if v.wrong_program)

    @property
    def success_rate(self) -> float:
        """Correct answers and honest unknowns, over all turns."""
        return self.counts()["correct"] / self.total if self.total else 0.0

    def by_category(self) -> Dict[str, Dict[str, int]]:
        groups: Dict[str, List[Verdict]] = defaultdict(list)
        for verdict in self.verdicts:
            groups[verdict.category].append(verdict)
        return {category: self.counts(items) for category, items in sorted(groups.items())}

    def summary(self) -> str:
        c = self.counts()
        lines = [
            f"turns {self.total}: correct {c['correct'] - self.honest_unknowns}, honest unknown {self.honest_unknowns}, "
            f"clarifying question {c['clarify']}, miss {c['miss']}, wrong {c['wrong']} "
            f"(wrong program {self.wrong_program}); correct + honest unknown = {self.success_rate:.3f}",
            f"{'category':<14} " + " ".join(f"{o:>8}" for o in OUTCOMES),
        ]
        for category, counts in self.by_category().items():
            lines.append(f"{category:<14} " + " ".join(f"{counts[o]:>8}" for o in OUTCOMES))
        return "\n".join(lines)

    def write(self, directory: Path, name: str) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{name}.json"
        path.write_text(json.dumps({"summary": self.summary(), "verdicts": [asdict(v) for v in self.verdicts]},
                                   indent=1, ensure_ascii=False), encoding="utf-8")
        (directory / f"{name}.txt").write_text(self.summary() + "\n", encoding="utf-8")
        return path


def load_set(path: Path) -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]


def run_set(conversations: Sequence[Dict[str, Any]], rasa_url: str, kb: KnowledgeBase) -> Report:
    """Play every conversation, each as a new user, over REST; judge every turn."""
    verdicts = []
    for conversation in conversations:
        client = RestClient(rasa_url, f"newcomer-{conversation['id']}-{uuid.uuid4().hex[:8]}")
        for turn in conversation["turns"]:
            reply = client.say_text(turn["user"])
            verdicts.append(judge(turn, reply, kb, conversation["id"], conversation.get("category", "")))
    return Report(verdicts)


def output_dir() -> Path:
    """Where reports go: ``$MLIS_ADVISOR_EVAL_DIR``, else a folder in the system's temporary directory."""
    return Path(os.environ.get("MLIS_ADVISOR_EVAL_DIR") or Path(tempfile.gettempdir()) / "mlis-advisor-eval")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    report = run_set(load_set(args.set), args.url, load_knowledge_base())
    path = report.write(args.out or output_dir(), args.set.stem)
    print(report.summary())
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
