"""Start the action server, refusing to start on an invalid knowledge base.

Usage: ``python -m actions.server [--port 5055]`` (other rasa_sdk options pass through).
The knowledge base is loaded and validated before any request is taken, so a
broken YAML entry stops start-up with a message naming its file, entry and field.
"""
from __future__ import annotations

import logging
import sys
from typing import List

from knowledge import KnowledgeBaseError


def main(argv: List[str]) -> int:
    from actions.shared_knowledge import shared_knowledge_base

    try:
        kb = shared_knowledge_base()
    except KnowledgeBaseError as error:
        print(f"Action server not started. {error}", file=sys.stderr)
        return 1
    logging.getLogger(__name__).info("Knowledge base loaded: %d programs.", len(kb.programs))

    from rasa_sdk.__main__ import main as rasa_sdk_main

    sys.argv = ["rasa_sdk", "--actions", "actions", *argv]
    rasa_sdk_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
