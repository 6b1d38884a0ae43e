"""What zimao-tui keeps on disk: the user's state and the caches, written safely.

``atomic.py`` (the one way a file is written), ``statefile.py`` and ``tomlcompat.py`` (the one way
a file someone else may have made is read), ``bookmarks.py``, ``history.py`` (search history),
``config.py`` (config.toml), ``cachedir.py`` (the cache folder's rules), ``report_cache.py``
(parsed reports) and ``marshal_check.py``. The search index cache lives with search
(``search/index_cache.py``), the keyword cache with insights. Pure Python: may import
``document``, ``insights`` (the citation template check; bookmarks re-anchor with ``insights.align``), ``i18n`` and ``paths``; never Textual,
``ui`` or ``cli`` (import-linter contracts in pyproject.toml).
"""
