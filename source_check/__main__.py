"""``make check-sources SOURCES=DIR``: the knowledge base's figures and names against the article in DIR.

Exit status: 0 when everything is found (or nothing was checked: no SOURCES), 1 on a
mismatch, 2 when the article is not in DIR.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from knowledge import DEFAULT_DIRECTORY
from source_check.check import check
from source_check.paragraphs import SourceNotFound

DECLARATIONS = DEFAULT_DIRECTORY.parent / "source_checks.yml"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="?", default="", help="folder holding the source texts")
    parser.add_argument("--knowledge", type=Path, default=DEFAULT_DIRECTORY, help="knowledge-base folder")
    parser.add_argument("--declarations", type=Path, default=DECLARATIONS)
    args = parser.parse_args(argv)
    if not args.sources:
        print("check-sources: no SOURCES folder given, so nothing was checked "
              "(make check-sources SOURCES=DIR, DIR holding the article the knowledge base cites).")
        return 0
    try:
        outcome = check(args.knowledge, Path(args.sources), args.declarations)
    except SourceNotFound as error:
        print(f"check-sources: {error}", file=sys.stderr)
        return 2
    for line in outcome.unchecked:
        print(f"not checked: {line}")
    for problem in outcome.problems:
        print(f"check-sources: {problem}", file=sys.stderr)
    for mismatch in outcome.mismatches:
        print(f"check-sources: {mismatch}", file=sys.stderr)
    failed = len(outcome.mismatches) + len(outcome.problems)
    verdict = f"{failed} not found in their paragraph" if failed else "all found in their paragraphs"
    print(f"check-sources: {outcome.checked} figures and names of {args.knowledge} against {outcome.source.name}: {verdict}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
