"""The one knowledge base the action server answers from, loaded once."""
from __future__ import annotations

from functools import lru_cache

from knowledge import KnowledgeBase, load_knowledge_base
from rasa_project.settings import current


@lru_cache(maxsize=1)
def shared_knowledge_base() -> KnowledgeBase:
    """Load the knowledge base named by ``$MLIS_ADVISOR_KNOWLEDGE_DIR`` (default: the shipped one)."""
    return load_knowledge_base(current().knowledge_dir)
