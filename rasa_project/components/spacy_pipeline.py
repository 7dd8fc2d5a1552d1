"""Build the blank English spaCy pipeline that Rasa's SpacyNLP loads.

No pretrained model can be downloaded here, so the pipeline is made from the
installed spaCy: its English tokenizer plus a lookup lemmatizer whose tables
come from ``spacy-lookups-data`` and are saved inside the pipeline, so nothing
is fetched when Rasa loads it.

Usage: ``python -m rasa_project.components.spacy_pipeline OUTPUT_DIR``
"""
import sys
from pathlib import Path

import spacy


def build_pipeline(output: Path) -> Path:
    """Create the pipeline and save it to ``output``.

    Args:
        output: the folder to write (``nlp.to_disk``); SpacyNLP's ``model`` points at it.

    Returns:
        The folder written.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "mlis_advisor_blank"
    nlp.meta["description"] = "Blank English tokenizer with lookup lemmas (spacy-lookups-data)."
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return output


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m rasa_project.components.spacy_pipeline OUTPUT_DIR")
    print(f"spaCy pipeline written to {build_pipeline(Path(sys.argv[1]))}")
