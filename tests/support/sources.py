"""Where the tests find the source article: the folder named by ``MLIS_SOURCES``.

The article is not ours to ship. CI sets ``MLIS_SOURCES``; elsewhere the tests that read the
article are skipped with a note saying how to run them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import pytest

from knowledge import load_knowledge_base
from source_check.paragraphs import find_source

SOURCES_VARIABLE = "MLIS_SOURCES"


def sources_dir() -> Optional[Path]:
    value = os.environ.get(SOURCES_VARIABLE, "")
    return Path(value) if value else None


def article_path() -> Path:
    """The article's text file, or a skip when no sources folder is given (a failure when one is given
    but the article is not in it)."""
    directory = sources_dir()
    if directory is None:
        pytest.skip(f"set {SOURCES_VARIABLE} to the folder holding the source article to check the knowledge base against it")
    article = load_knowledge_base().article
    return find_source(directory, article.title, article.author)
