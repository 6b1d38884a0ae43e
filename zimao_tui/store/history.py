"""Search history kept across runs: a small JSON list in the data dir, written atomically.

People repeat searches (政策名, a figure they quote every week), so ↑ in the empty search
bar recalls them. A missing or unreadable file simply means no history yet; the reason is
returned for one notification, never raised at the user.
"""

from __future__ import annotations

from pathlib import Path

from zimao_tui import paths
from zimao_tui.i18n import Notice
from zimao_tui.store.atomic import atomic_write_text

FILE_NAME = "search_history.json"
MAX_ENTRIES = 100


def history_path() -> Path:
    """Where the search history lives."""
    return paths.data_dir() / FILE_NAME


class SearchHistory:
    """Queries oldest first, without duplicates; ``warning`` says why a file was ignored.

    The file is read when the history is first used (the explorer asks right after the
    first paint), so neither reading it nor importing json delays start-up.
    """

    def __init__(self, path: Path | None = None, *, saved: bool = True) -> None:
        self.path = path if path is not None else history_path()
        self.saved = saved
        """False in a read-only session: queries are remembered for the session, never written."""
        self._entries: list[str] | None = None
        self._warning: Notice | None = None

    @property
    def entries(self) -> list[str]:
        """The queries, read from the file on first use."""
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    @property
    def warning(self) -> Notice | None:
        """Why the file was ignored, if it was (reading it first if need be)."""
        self.entries  # noqa: B018  (reads the file)
        return self._warning

    def _read(self) -> list[str]:
        import json

        from zimao_tui.store.statefile import loads_json, read_text

        try:
            raw = read_text(self.path)
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as exc:
            self._warning = Notice("notice.history_unreadable", error=exc, path=self.path)
            return []
        try:
            data = loads_json(raw)  # too deep is damaged, like any invalid JSON
        except json.JSONDecodeError as exc:
            self._warning = Notice("notice.history_invalid", error=exc, path=self.path)
            return []
        if isinstance(data, list):
            return [q for q in data if isinstance(q, str) and q.strip()][-MAX_ENTRIES:]
        self._warning = Notice("notice.history_not_list", path=self.path)
        return []

    def add(self, query: str) -> None:
        """Remember ``query`` as the newest entry and save; raises OSError if the disk refuses."""
        import json

        query = query.strip()
        if not query:
            return
        entries = [q for q in self.entries if q != query]
        entries.append(query)
        self._entries = entries[-MAX_ENTRIES:]
        if not self.saved:
            return
        atomic_write_text(self.path, json.dumps(self._entries, ensure_ascii=False, indent=0) + "\n")
