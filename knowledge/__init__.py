"""The MLIS Advisor knowledge base: validated records from "After the MLIS" and queries over them."""
from knowledge.errors import KnowledgeBaseError, Problem
from knowledge.knowledge_base import KnowledgeBase, UnknownEntry
from knowledge.loader import DEFAULT_DIRECTORY, load_knowledge_base

__all__ = [
    "DEFAULT_DIRECTORY",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Problem",
    "UnknownEntry",
    "load_knowledge_base",
]
