"""The maintainer's report: what people asked, and what the advisor could not answer.

``python -m rasa_project.report [--since YYYY-MM-DD]`` (``make report``) reads the
conversations from the tracker store the launcher's endpoints file configures,
event by event, and writes ``reports/report-<date>.html`` and one CSV per table.

Modules: ``store`` (where the conversations are, and the events streamed from SQL),
``conversations`` (events grouped into conversations), ``findings`` (what is counted),
``tables`` (the findings as tables), ``charts`` (inline SVG), ``page`` (the HTML),
``pseudonyms`` (sender ids replaced by keyed hashes).
"""
