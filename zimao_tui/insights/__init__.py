"""Insights: what a reader wants out of a report beyond its text.

``figures.py`` (every quantity, normalised), ``terms.py`` (coined terms “…” and cited documents
《…》), ``keywords.py`` (jieba TF-IDF per chapter, cached, computed off the start-up path) and
``citation.py`` (how a measure is quoted), ``summary.py`` (what the detail pane lists for a
measure or heading), ``align.py`` (which measure of one text is which of another: compare and
bookmark re-anchoring), ``diff.py`` (character diff, numbers whole), ``compare.py`` (two reports
paired, with terms and figures across the pair) and ``trends.py`` (term counts per report). Pure Python: may import ``document``, ``search``
(for segmentation), ``store`` (for caches), ``i18n`` and ``paths``; never Textual, ``ui`` or ``cli``
(import-linter contracts in pyproject.toml).
"""
