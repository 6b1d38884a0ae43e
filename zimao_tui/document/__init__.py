"""The document: from a report's text to its tree, one step per module.

Read it in the order the text goes through it:

- ``lines.py``     text -> normalised lines (newline conventions, edge spaces);
- ``metadata.py``  lines -> the document's metadata (title, date, issuer, number ...) and which
                   lines are its body; everything else is recorded as dropped, with why;
- ``styles.py``    the numbering styles a line can start with (第X章, 第X条, 一、, （一）, 1., 一是,
                   附件1 ...), one small rule each: a new style is added there and nowhere else;
- ``tree.py``      body lines + styles -> the heading tree (preamble, divisions, closing, attachments);
- ``pipeline.py``  ties them together into a :class:`zimao_tui.document.report.Report`.

Around the pipeline: ``report.py`` (the immutable Report tree everything else reads),
``parse.py`` (files -> Reports: the public entry points), ``decode.py`` (bytes -> text, encoding
named), ``sentences.py`` (a paragraph -> measures), ``errors.py`` (``ReportError``/``UserError``),
and the text rules every layer shares: ``shorten.py`` (cutting a label), ``inert.py`` (making
untrusted text safe to display) and ``coined.py`` (what “…” and 《…》 mark as a coined term or
a cited title, for the glossary and the search index alike). A new input format goes in ``parse.py``/``decode.py`` as a step
that yields text. Parsed reports are cached by ``store/report_cache.py``.

Pure Python: may import ``store`` (safe reads, TOML), ``i18n`` and ``paths``; nothing here
imports Textual, ``ui`` or ``cli`` (import-linter contracts in pyproject.toml), and the patterns
compile on the first parse, not at import (the app reads its reports from the report cache and
never needs them at start-up).
"""
