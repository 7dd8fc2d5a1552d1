"""The one knowledge base the action server answers from, loaded once."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from knowledge import KnowledgeBase, load_knowledge_base

KNOWLEDGE_DIR_VARIABLE = "MLIS_ADVISOR_KNOWLEDGE_DIR"


@lru_cache(maxsize=1)
def shared_knowledge_base() -> KnowledgeBase:
    """Load the knowledge base named by ``$MLIS_ADVISOR_KNOWLEDGE_DIR`` (default: the shipped one)."""
    directory = os.environ.get(KNOWLEDGE_DIR_VARIABLE)
    return load_knowledge_base(Path(directory) if directory else None)
