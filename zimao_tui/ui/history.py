"""Search history kept across runs: a small JSON list in the data dir, written atomically.

People repeat searches (政策名, a figure they quote every week), so ↑ in the empty search
bar recalls them. A missing or unreadable file simply means no history yet; the reason is
returned for one notification, never raised at the user.
"""

from __future__ import annotations

import json
from pathlib import Path

from zimao_tui import paths
from zimao_tui.model.atomic import atomic_write_text

FILE_NAME = "search_history.json"
MAX_ENTRIES = 100


def history_path() -> Path:
    """Where the search history lives."""
    return paths.data_dir() / FILE_NAME


class SearchHistory:
    """Queries oldest first, without duplicates; ``warning`` says why a file was ignored."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else history_path()
        self.entries: list[str] = []
        self.warning: str | None = None
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.warning = f"{self.path}: {exc}"
            return
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            self.warning = f"{self.path}: not valid JSON ({exc}); starting a new history"
            return
        if isinstance(data, list):
            self.entries = [q for q in data if isinstance(q, str) and q.strip()][-MAX_ENTRIES:]
        else:
            self.warning = f"{self.path}: expected a list of queries; starting a new history"

    def add(self, query: str) -> None:
        """Remember ``query`` as the newest entry and save; raises OSError if the disk refuses."""
        query = query.strip()
        if not query:
            return
        self.entries = [q for q in self.entries if q != query]
        self.entries.append(query)
        self.entries = self.entries[-MAX_ENTRIES:]
        atomic_write_text(self.path, json.dumps(self.entries, ensure_ascii=False, indent=0) + "\n")
