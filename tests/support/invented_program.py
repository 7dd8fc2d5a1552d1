"""A knowledge base with one invented program added in YAML only, to show code needs no change."""
from __future__ import annotations

import shutil
from pathlib import Path

from knowledge import DEFAULT_DIRECTORY

INVENTED_PROGRAM_YAML = """
providers:
  - id: north-pole
    name: North Pole University
    school: School of Elf Studies
    aliases: [NPU]
    tuition: {per_course_usd: 900, applies_to: an online course, courses_for_certificate: 4, rule: Four courses., source: landscape}
    funding: {traditional_financial_aid: unknown, departmental_funding: unknown, scholarships: unknown, source: landscape}
    source: landscape
topics:
  - {id: puppetry, label: puppetry, synonyms: [puppets]}
programs:
  - id: npu-puppetry
    name: Certificate in Library Puppetry
    aliases: [puppetry certificate]
    provider: north-pole
    credential: certificate
    topics: [puppetry]
    summary: Invented for this test.
    source: landscape
"""


def knowledge_dir_with_invented_program(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge base plus ``invented.yml`` (4 courses at $900)."""
    directory = tmp_path / "kb"
    shutil.copytree(DEFAULT_DIRECTORY, directory)
    (directory / "invented.yml").write_text(INVENTED_PROGRAM_YAML, encoding="utf-8")
    return directory
