"""Errors from the store, told to the user: one sentence in the interface language."""

from __future__ import annotations

from zimao_tui.i18n import t
from zimao_tui.store.bookmarks import BookmarkStore, ReadOnlyError


def error_text(exc: BaseException) -> str:
    """What the app tells the user when saving a bookmark failed, in the interface language.

    A read-only store (newer or unreadable file) is the common case and gets a translated
    sentence; other errors (a held lock, a full disk) already say what happened in
    ``str(exc)``. Never the exception's class name: that means nothing to a reader.
    """
    if isinstance(exc, ReadOnlyError):
        if exc.session:
            return t("bm.read_only_session")
        if exc.newer is not None:
            return t("bm.read_only_newer", version=exc.newer, path=exc.path)
        return t("bm.read_only", path=exc.path)
    return str(exc)


def read_only_refusal(store: BookmarkStore) -> str | None:
    """What a bookmark key says in a read-only session (``serve --read-only``), before any
    dialog opens: a note typed into a session that cannot save it would be lost. None otherwise."""
    return t("bm.read_only_session") if store.session_read_only else None
