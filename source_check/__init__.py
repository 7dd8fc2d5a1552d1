"""Facts checked against their source: every figure and person's name in the knowledge base
must be in the paragraph of the article its entry cites (``make check-sources SOURCES=DIR``).

Modules: ``paragraphs`` (a source text split into the paragraphs passages cite),
``figures`` (the figures and names a text contains, in comparable forms), ``citations``
(what each YAML field says and which passage it cites), ``check`` (the comparison).
The code lives outside ``knowledge/`` because every file there is a training input.
"""
