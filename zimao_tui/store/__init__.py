"""What zimao-tui keeps on disk: the user's state and the caches, written safely.

``atomic.py`` (the one way a file is written), ``statefile.py`` and ``tomlcompat.py`` (the one way
a file someone else may have made is read), ``bookmarks.py`` (the store; ``bookmark.py`` one
bookmark, ``bookmarks_file.py`` the file's text: its parsed copy and patched saves), ``history.py`` (search history),
``config.py`` (config.toml), ``cache.py`` (the one cache layer: a folder per kind, versioned
content-keyed entries, strict reads, one pruning policy), ``cachedir.py`` (the cache folder's
rules), ``report_cache.py`` (parsed reports) and ``marshal_check.py``. The search index cache
(``search/index_cache.py``) and the keyword cache (``insights/keywords.py``) say what they
store and how it is checked, and keep it through ``cache.py``. Pure Python: may import
``document``, ``insights`` (the citation template check; bookmarks re-anchor with ``insights.align``), ``i18n`` and ``paths``; never Textual,
``ui`` or ``cli`` (import-linter contracts in pyproject.toml).
"""
