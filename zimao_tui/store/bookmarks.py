"""The bookmark store: the user's notes, kept in ``bookmarks.toml`` and never lost.

Bookmarks are weeks of the user's own work, so this file is written with more care than
anything else zimao-tui keeps:

* every write is atomic (serialise, parse the text back, temp file, fsync, ``os.replace``,
  fsync the folder — see :mod:`zimao_tui.store.atomic`), so ``kill -9`` leaves the old file
  or the new one, never half of one; only the bookmarks a change made or edited are
  serialised and parsed back, the others keep their bytes (``bookmarks_file.py``: with
  10,000 bookmarks a whole dump took seconds), and a start reads a parsed copy of the file
  from the cache folder when the file's bytes are the ones it was made from;
* every change is *lock → re-read → apply → write* under a lock on the sibling
  ``bookmarks.toml.lock``, so two running instances never drop each other's bookmarks: a
  change is applied to what is on disk now, not to this instance's stale copy;
* a file that does not parse is moved aside byte for byte (``bookmarks.toml.corrupt-<time>``)
  and the user is told where; a file from a newer zimao-tui (``schema_version`` > 1) is read
  but never rewritten; keys this version does not know are carried through every write.

A bookmark belongs to a report by title and date (``Report.key``), not by path or hash, so a
moved, re-encoded or edited copy still finds it. Inside the report it re-finds its measure by
fingerprint, then by id, then by a fuzzy match of its saved text; one that matches nothing is
*orphaned*: listed with its saved text and note until the user deletes it.

Typical use (the app and the CLI do exactly this)::

    store = BookmarkStore()                 # loads paths.data_dir()/"bookmarks.toml"
    # (the app makes it with load=False and calls store.reload() in a worker: ui/bookmark_queue.py)
    for line in store.warnings: notify(line)
    store.toggle(report, measure)           # b
    store.update(report, measure, note, tags)  # e
    for item in store.resolved(reports): ...   # the bookmarks screen, `bookmarks list`
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from zimao_tui import paths
from zimao_tui.document.errors import UserError
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import Notice
from zimao_tui.insights.align import Anchor, reanchor
from zimao_tui.store import statefile
from zimao_tui.store.atomic import atomic_write_bytes
from zimao_tui.store.bookmark import Bookmark, now, parse_tags
from zimao_tui.store.bookmarks_file import (
    SCHEMA_VERSION,
    Corrupt,
    Lossy,
    Parsed,
    ParsedCache,
    dumps,
    parse,
    render,
)
from zimao_tui.store.statefile import move_aside

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; atomic writes still hold
    fcntl = None  # type: ignore[assignment]

FILE_NAME = "bookmarks.toml"

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another instance to finish its (millisecond-long) write."""

STALE_TEMP_AGE = 3600.0
"""Seconds after which a temp file is surely left over, where no lock can tell (Windows)."""

Status = Literal["resolved", "orphaned"]


class BookmarkError(UserError):
    """The store cannot do what was asked; ``str(exc)`` is written for the user."""


class ReadOnlyError(BookmarkError):
    """A change was asked of a store that must not be written (newer schema, unreadable file).

    ``str(exc)`` is the CLI's one line on stderr; the app words its own (translated) message
    from ``path`` and ``newer`` rather than showing an English sentence in the Chinese UI.
    """

    def __init__(self, path: Path, newer: int | None, *, session: bool = False) -> None:
        super().__init__(Notice("error.bookmarks_read_only", path=path))
        self.path = path
        self.newer = newer  # the file's schema_version if a newer zimao-tui wrote it; None: unreadable
        self.session = session  # the session was started read-only (``serve --read-only``)


@dataclass(frozen=True)
class ResolvedBookmark:
    """A bookmark and where it is now.

    ``report``/``measure`` are set when it resolved. An orphaned one has ``report`` set when
    its report is open but no measure matches any more, and ``report`` None when its report
    is not among the open ones (``report_open`` False) — shown, never dropped.
    """

    bookmark: Bookmark
    report: Report | None = field(repr=False)
    measure: Measure | None

    @property
    def status(self) -> Status:
        """``resolved`` when the measure was found, else ``orphaned``."""
        return "resolved" if self.measure is not None else "orphaned"

    @property
    def report_open(self) -> bool:
        """Whether the bookmark's report is one of those it was resolved against."""
        return self.report is not None


def resolve(report: Report, bookmarks: Sequence[Bookmark]) -> dict[str, Measure]:
    """Where each of ``report``'s bookmarks is now: ``{uid: measure}``, orphans left out.

    The rule (fingerprint, then a fuzzy match with cutoffs, one bookmark per measure) is
    :func:`zimao_tui.insights.align.reanchor`, the alignment ``compare`` uses as well.
    """
    anchors = [
        Anchor(b.uid, b.measure_id, b.fingerprint, b.text) for b in bookmarks if b.report_key == report.key
    ]
    return reanchor(anchors, list(report.measures()))


class BookmarkStore:
    """The bookmarks file, loaded once and changed only through lock → re-read → write.

    ``warnings`` lists what the user must be told (a corrupt file moved aside, at loading or
    when a change finds the file damaged; a newer or unreadable file opened read-only), and
    ``on_warning``, if given, hears each as it happens (the app notifies at once, the CLI
    prints the list); ``read_only`` is True when the
    file must never be rewritten, and every change then raises :class:`ReadOnlyError`.
    Reads (``is_bookmarked``, ``get``, ``resolved``) use the copy loaded last and are cheap
    enough to call for every tree node; call :meth:`reload` to pick up other instances'
    changes without making one (every change does it anyway).
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        on_warning: Callable[[Notice], None] | None = None,
        read_only: bool = False,
        load: bool = True,
        cache_root: Path | None = None,
    ) -> None:
        """``load=False`` reads nothing yet (the app calls :meth:`reload` in a worker: no
        bookmark file work on its UI thread); ``cache_root`` is where parsed copies are kept
        (default the cache folder; see ``bookmarks_file.py``)."""
        self.path: Path = path if path is not None else paths.data_dir() / FILE_NAME
        self.lock_path: Path = self.path.with_name(self.path.name + ".lock")
        self.warnings: list[Notice] = []
        self._on_warning = on_warning
        self.read_only: bool = read_only
        self.session_read_only = read_only
        """Read-only because the session is (``serve --read-only``), not because of the file."""
        self.newer_schema: int | None = None
        self.unreadable: str | None = None
        """Why the file could not be read, if it could not: the list shown is then not the
        user's bookmarks, and a backup (``bookmarks export``) must fail rather than save it."""
        self._bookmarks: list[Bookmark] = []
        self._cache: dict[int, tuple[Report, int, dict[str, Bookmark]]] = {}
        self._grouped: tuple[int, dict[str, list[Bookmark]]] = (-1, {})
        self._generation = 0
        self._state = Parsed([], {})
        self.loaded = False
        """Whether the file has been read (always, unless made with ``load=False``)."""
        self._parsed_cache: ParsedCache | None = ParsedCache(
            cache_root if cache_root is not None else paths.cache_dir()
        )
        if load:
            self.reload()

    def _warn(self, notice: Notice) -> None:
        self.warnings.append(notice)
        if self._on_warning is not None:
            self._on_warning(notice)

    # ----------------------------------------------------------------- reading

    @property
    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark, in file order (oldest first)."""
        return list(self._bookmarks)

    def reload(self) -> None:
        """Re-read the file, moving a corrupt one aside (under the lock).

        Never raises for a bad file: what went wrong goes to ``warnings``, and a file that
        cannot be read (or moved aside) makes the store read-only so it is never overwritten.
        """
        try:
            loaded = self._read()
        except Corrupt as exc:
            if self.session_read_only:  # a read-only session touches no file, not even to set one aside
                self._take(self._unreadable(str(exc)))
                return
            try:
                loaded = self._set_aside(exc)
            except (OSError, BookmarkError) as err:
                loaded = self._unreadable(f"{exc}; moving it aside failed: {err}")
        except OSError as exc:
            loaded = self._unreadable(str(exc))
        self._take(loaded)

    def _set_aside(self, exc: Corrupt) -> Parsed:
        """Move the corrupt file aside under the lock, unless another instance fixed it meanwhile."""
        with self._locked():
            try:
                return self._read()
            except Corrupt:
                moved = self._move_aside()
        self._warn(Notice("notice.bookmarks_set_aside", error=exc, moved=moved))
        return Parsed([], {})

    def _unreadable(self, why: str) -> Parsed:
        self.read_only = True
        self.unreadable = why
        self._warn(Notice("notice.bookmarks_unreadable", error=why, path=self.path))
        return Parsed([], {})

    def _take(self, loaded: Parsed) -> None:
        if loaded.newer is not None and not self.read_only:
            self.read_only = True
            self.newer_schema = loaded.newer
            self._warn(Notice("notice.bookmarks_newer", version=loaded.newer, path=self.path))
        self._bookmarks = loaded.bookmarks
        self._state = loaded
        self._generation += 1
        self.loaded = True

    def _read(self) -> Parsed:
        """The file as it is now; a missing file is an empty store. Raises Corrupt or OSError.

        Bytes equal to those last read or written are the state already held (so a save can
        patch it, see ``bookmarks_file.render``); else the parsed copy in the cache folder is
        used when it is of exactly these bytes; else the TOML is parsed and the copy kept.
        """
        try:
            raw = statefile.read_bytes(self.path)  # a FIFO or device here must not block
        except FileNotFoundError:
            return Parsed([], {})
        if self._state.raw is not None and raw == self._state.raw:
            return self._state
        cached = self._parsed_cache.load(raw) if self._parsed_cache is not None else None
        if cached is not None:
            return cached
        parsed = parse(raw)
        if self._parsed_cache is not None:
            self._parsed_cache.save(parsed)
        return parsed

    def _move_aside(self) -> Path:
        """Rename the unreadable file out of the way (same folder, same bytes)."""
        return move_aside(self.path)

    def for_report(self, report: Report) -> dict[str, Bookmark]:
        """``{measure id: bookmark}`` for the measures of ``report`` that are bookmarked."""
        # The generation is read before the list: a change landing from another thread (the
        # app saves off its UI thread) then at worst makes the next call compute it again.
        generation, items = self._generation, self._bookmarks
        cached = self._cache.get(id(report))
        if cached and cached[0] is report and cached[1] == generation:
            return cached[2]
        if self._grouped[0] != generation:  # once per change, not once per report (76 x 10,000)
            grouped: dict[str, list[Bookmark]] = {}
            for bm in items:
                grouped.setdefault(bm.report_key, []).append(bm)
            self._grouped = (generation, grouped)
        mine = self._grouped[1].get(report.key, [])
        by_uid = {b.uid: b for b in mine}
        mapping = {m.id: by_uid[uid] for uid, m in resolve(report, mine).items()}
        self._cache[id(report)] = (report, generation, mapping)
        return mapping

    def get(self, report: Report, measure: Measure) -> Bookmark | None:
        """The bookmark on ``measure``, if any."""
        return self.for_report(report).get(measure.id)

    def is_bookmarked(self, report: Report, measure: Measure) -> bool:
        """Whether ``measure`` carries a bookmark (for the tree's marker)."""
        return measure.id in self.for_report(report)

    def resolved(self, reports: Sequence[Report]) -> list[ResolvedBookmark]:
        """Every bookmark with where it is now, in file order; orphans included."""
        by_key = {r.key: r for r in reports}
        where: dict[str, tuple[Report, Measure]] = {}
        for report in reports:
            for measure_id, bm in self.for_report(report).items():
                node = report.node(measure_id)
                assert isinstance(node, Measure)  # for_report maps measure ids only
                where[bm.uid] = (report, node)
        out = []
        for bm in self._bookmarks:
            if bm.uid in where:
                report, measure = where[bm.uid]
                out.append(ResolvedBookmark(bm, report, measure))
            else:
                out.append(ResolvedBookmark(bm, by_key.get(bm.report_key), None))
        return out

    def find(self, uid: str) -> Bookmark | None:
        """The bookmark with this uid, if any."""
        return next((b for b in self._bookmarks if b.uid == uid), None)

    # ----------------------------------------------------------------- changing

    def toggle(self, report: Report, measure: Measure) -> bool:
        """Bookmark ``measure``, or remove its bookmark; True if it is now bookmarked.

        The direction comes from what this instance shows, so a bookmark another instance
        added meanwhile is kept (with its note) rather than flipped off.
        """
        existing = self.get(report, measure)
        if existing is not None:
            self.remove(existing)
            return False
        self.update(report, measure, None, None)
        return True

    def update(
        self,
        report: Report,
        measure: Measure,
        note: str | None,
        tags: Sequence[str] | None,
        *,
        add_tags: Sequence[str] = (),
    ) -> Bookmark:
        """Set the note and tags of ``measure``'s bookmark, creating it if missing.

        ``None`` keeps the current note or tags (an empty one for a new bookmark).
        ``add_tags`` are appended (those not there yet) to the tags in the file at the moment
        of writing, under the lock: four scripts adding tags at once keep all of them, which
        a tag list built from a copy read earlier would not.
        """
        result: list[Bookmark] = []

        def change(items: list[Bookmark]) -> list[Bookmark]:
            current = {m.id: b for b, m in _pairs(report, items)}.get(measure.id)
            base = list(tags if tags is not None else current.tags if current is not None else ())
            merged = [*base, *(t for t in dict.fromkeys(add_tags) if t not in base)]
            new_tags = merged if (tags is not None or add_tags) else None
            if current is None:
                bm = Bookmark.new(report, measure, note or "", new_tags or ())
                result.append(bm)
                return [*items, bm]
            bm = _edited(current, note, new_tags)
            result.append(bm)
            return [bm if b.uid == current.uid else b for b in items]

        self._mutate(change)
        return result[0]

    def set_note(self, bookmark: Bookmark, note: str, tags: Sequence[str]) -> Bookmark:
        """Set the note and tags of a bookmark (orphaned ones too), by its uid.

        If another instance deleted it meanwhile, it is put back: a note being written
        matters more than the deletion.
        """
        result: list[Bookmark] = []

        def change(items: list[Bookmark]) -> list[Bookmark]:
            current = next((b for b in items if b.uid == bookmark.uid), None)
            bm = _edited(current or bookmark, note, tags)
            result.append(bm)
            if current is None:
                return [*items, bm]
            return [bm if b.uid == bookmark.uid else b for b in items]

        self._mutate(change)
        return result[0]

    def remove(self, bookmark: Bookmark) -> None:
        """Delete a bookmark (by uid); nothing happens if it is already gone."""
        self._mutate(lambda items: [b for b in items if b.uid != bookmark.uid])

    def _mutate(self, change: Callable[[list[Bookmark]], list[Bookmark]]) -> None:
        """Lock, re-read, apply ``change`` to what is on disk now, write atomically.

        Only the bookmarks ``change`` made or edited are dumped; the others keep their bytes
        (``bookmarks_file.render``): a change costs milliseconds with 10,000 bookmarks.
        """
        self._refuse_if_read_only()
        with self._locked():
            try:
                loaded = self._read()
            except Corrupt as exc:
                moved = self._move_aside()
                self._warn(Notice("notice.bookmarks_rewritten", error=exc, moved=moved))
                loaded = Parsed(list(self._bookmarks), {})
            except (OSError, UnicodeDecodeError) as exc:
                raise BookmarkError(Notice("error.bookmarks_read", path=self.path, error=exc)) from exc
            self._take(loaded)
            self._refuse_if_read_only()
            items = change(list(loaded.bookmarks))
            try:
                data, offsets = render(items, loaded)
            except UnicodeEncodeError as exc:  # lone surrogates: bytes that were never UTF-8 text
                raise BookmarkError(Notice("error.bookmark_not_utf8", error=exc.reason)) from exc
            except Lossy as exc:
                raise BookmarkError(Notice("error.bookmarks_lossy")) from exc
            self._remove_stale_temps()
            try:
                atomic_write_bytes(self.path, data)
            except OSError as exc:
                raise BookmarkError(Notice("error.bookmarks_save", path=self.path, error=exc)) from exc
            written = Parsed(items, loaded.top_extra, None, data, offsets)
            if self._parsed_cache is not None:
                self._parsed_cache.save(written)
                if loaded.raw != data:  # a change that changed nothing must keep its copy
                    self._parsed_cache.forget(loaded.raw)
            self._take(written)

    def _remove_stale_temps(self) -> None:
        """Delete temp files that saves killed half-way left beside the file (call under the lock).

        Every save writes its temp file while holding the lock, so with the lock held here no
        live save of another process owns one: what is there is left over. Where there is no
        flock (Windows) only temp files older than ``STALE_TEMP_AGE`` are taken.
        """
        now = time.time()
        for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                if fcntl is None and now - tmp.stat().st_mtime < STALE_TEMP_AGE:
                    continue
                tmp.unlink()
            except FileNotFoundError:
                continue  # gone meanwhile: what we wanted
            except OSError as exc:  # tidying must never cost the user's save; say so and go on
                self._warn(Notice("notice.bookmarks_temp", error=exc, path=tmp))
                return

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path, self.newer_schema, session=self.session_read_only)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock on ``bookmarks.toml.lock`` (POSIX); a no-op where flock is missing."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the with-block below
        except OSError as exc:
            raise BookmarkError(Notice("error.bookmarks_lock_file", path=self.lock_path, error=exc)) from exc
        with handle:
            if fcntl is None:
                yield
                return
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise BookmarkError(Notice("error.bookmarks_locked", path=self.lock_path)) from None
                    time.sleep(0.01)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _pairs(report: Report, items: Sequence[Bookmark]) -> Iterator[tuple[Bookmark, Measure]]:
    by_uid = {b.uid: b for b in items}
    for uid, measure in resolve(report, items).items():
        yield by_uid[uid], measure


def _edited(bm: Bookmark, note: str | None, tags: Sequence[str] | None) -> Bookmark:
    return replace(
        bm,
        note=bm.note if note is None else note,
        tags=bm.tags if tags is None else tuple(tags),
        updated=now(),
    )


__all__ = ["SCHEMA_VERSION", "Bookmark", "dumps", "parse_tags"]
