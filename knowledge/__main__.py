"""``python -m knowledge [DIR]``: validate the knowledge base and print a summary (exit 1 if invalid)."""
import sys
from pathlib import Path

from knowledge import KnowledgeBaseError, load_knowledge_base


def main(argv: list) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else None
    try:
        kb = load_knowledge_base(directory)
    except KnowledgeBaseError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"Knowledge base OK: {len(kb.programs)} programs, {len(kb.providers)} providers, "
        f"{len(kb.topics)} topics, {len(kb.goals)} goals, {len(kb.advice)} pieces of advice, "
        f"{len(kb.people)} people, {len(kb.attributes)} attributes asked about."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
