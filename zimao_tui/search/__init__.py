"""Search: the query language, the index, jieba segmentation, the domain vocabulary.

``query.py`` says what a search box string means (a new operator goes there and into
``search.py``'s matcher); ``search.py`` ranks measures; ``segment.py`` is the only module that
imports jieba and pypinyin, and runs as a child process (``child.py``) on a cold index;
``groups.py`` groups hits by report for result lists over several reports;
``labels.py`` matches short labels (palette headings) by pinyin and initials;
``index_cache.py`` keeps the segmented text on disk; ``vocab.py`` reads content/'s user
dictionary and synonyms; ``fold.py`` is the one form a query and a report are compared in
(traditional characters, older variants, full-width: OpenCC loaded on first use); ``gcpause.py`` pauses the cyclic collector where it only costs time.
Pure Python: may import ``document``, ``store``, ``i18n`` and ``paths``; never Textual, ``ui`` or ``cli``
(import-linter contracts in pyproject.toml).
"""
