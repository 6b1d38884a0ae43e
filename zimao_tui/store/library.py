"""The library: one SQLite store of every report zimao-tui has read (see library_schema.py).

Why SQLite: the standard library has it; WAL mode lets any number of readers (the app, a
``search`` in another terminal) read while one writer indexes; each report is written in
one transaction, so a kill at any moment leaves a store that opens, with every report either
fully there or still ``pending``; and FTS5's trigram index gives search a prefilter that
reads only the measures a query can match.

This module only stores and reads: what goes into a row (parsing, jieba, pinyin) is computed
by ``search/library_index.py`` in worker processes and handed over as :class:`Parsed`.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from zimao_tui.document.report import Report
from zimao_tui.i18n import Notice
from zimao_tui.paths import bundled_report
from zimao_tui.store import library_list, repeats
from zimao_tui.store import library_repair as repair
from zimao_tui.store import library_schema as schema
from zimao_tui.store.cachedir import private_dir
from zimao_tui.store.library_lock import index_lock, lock_path
from zimao_tui.store.library_probe import store_path
from zimao_tui.store.report_cache import report_from_fields

BUSY_MS = 30_000
"""How long a writer waits for another's transaction (one report's) before giving up."""

REPORTS_KEPT = 256
"""Parsed trees kept in memory by ``Library.report`` (least recently used go first)."""

EMPTY_ENV = "ZIMAO_TUI_EMPTY_LIBRARY"
"""Set (non-empty), a new library starts empty instead of holding the bundled report: for
people who never want it listed, and for tests of a library the user filled themselves."""

ENTRY_COLUMNS = "id, path, state, title, date, issuer, doc_number, kind, measures, size, fingerprint, error"


@dataclass(frozen=True)
class Entry:
    """One report in the catalogue, as ``zimao-tui library`` lists it."""

    id: int
    path: str
    state: str
    title: str | None
    date: str | None
    issuer: str | None
    doc_number: str | None
    kind: str | None
    measures: int | None
    size: int | None
    fingerprint: str | None
    error: str | None


@dataclass(frozen=True)
class Parsed:
    """One report read and indexed, ready to store. ``rows`` hold per measure: id, paragraph,
    start, text, word starts (JSON), syllables (``|``-joined), folded text, initials, pinyin run."""

    path: str
    fingerprint: str
    size: int
    mtime_ns: int
    title: str
    date: str
    issuer: str
    doc_number: str
    kind: str
    tree: bytes
    rows: Sequence[tuple[str, int, int, str, str, str, str, str, str]]


@dataclass(frozen=True)
class Stat:
    """What ``os.stat`` says of a listed file now; ``None`` fields when it is gone."""

    size: int | None
    mtime_ns: int | None


@dataclass(frozen=True)
class Watched:
    """A folder ``add DIR`` watches: a plain ``add`` lists its new files. ``ignored`` are the
    files in it the user removed (a rescan leaves them out); ``exists`` is whether it is there now."""

    path: str
    added: str
    exists: bool
    ignored: tuple[str, ...]


class LibraryDamaged(Exception):
    """The file is not a SQLite store (or SQLite says it is corrupt)."""


def library_path() -> Path:
    """Where the user's library lives: the data folder (``ZIMAO_TUI_DATA_DIR`` overrides)."""
    return store_path()


def now() -> str:
    """A UTC timestamp for the ``added``/``indexed`` columns."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Library:
    """An open library store. ``notices`` says what opening it had to do (a damaged file set
    aside, a store of another version rebuilt); the CLI prints them, the app will show them."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or library_path()
        self.notices: list[Notice] = []
        self._trees: dict[tuple[int, str], Report] = {}
        self.fts = schema.has_trigram()
        self.list_path = library_list.list_path(self.path)
        try:
            self.db = self._open_checked()
        except LibraryDamaged:
            self._repair()
        if (
            not self.list_path.exists()
            and self.db.execute("SELECT 1 FROM reports WHERE member = 1").fetchone()
        ):
            self._save_list()  # a store from before lists existed
        if not self.fts:
            self.notices.append(Notice("notice.library_no_fts"))

    def _open(self, path: Path | None = None) -> sqlite3.Connection:
        private_dir(self.path.parent)
        db = sqlite3.connect(path or self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
            db.execute("PRAGMA foreign_keys = ON")
            if db.execute("PRAGMA user_version").fetchone()[0] != schema.SCHEMA_VERSION:
                self._migrate(db, seed=path is None)
            db.execute("SELECT count(*) FROM reports").fetchone()
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed", …
            db.close()
            if repair.kind_of_failure(exc) != "damaged":
                raise  # the disk, permissions or another process: setting it aside cannot help
            raise LibraryDamaged(str(exc)) from exc
        return db

    def _check_if_marked(self, db: sqlite3.Connection) -> None:
        """After damage was reported in use (``library_repair.mark_damaged``), check the whole
        file once."""
        if not repair.marked(self.path):
            return
        try:
            verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            verdict = str(exc)
        if verdict != "ok":
            raise LibraryDamaged(verdict)
        repair.unmark(self.path)

    def _open_checked(self) -> sqlite3.Connection:
        """Open the store, and check it whole if damage was reported in use."""
        db = self._open()
        try:
            self._check_if_marked(db)
        except LibraryDamaged:
            db.close()
            raise
        return db

    def _repair(self) -> None:
        """Set a damaged store aside and rebuild it, holding the index lock: two processes that
        both found it damaged must not both do it (the second would set aside the first's new
        store). Whoever waited opens the store again and finds it whole."""
        with index_lock(lock_path(self.path), wait=True):
            try:
                self.db = self._open_checked()
            except LibraryDamaged as exc:
                self._set_aside(exc)

    def _set_aside(self, exc: LibraryDamaged) -> None:
        """Keep the damaged file (never deleted) as ``library.sqlite3.corrupt-<time>`` and put
        in its place a new store holding what ``library.list.json`` says was in it (the reports
        pending, to be read again), built whole beside it first and swapped in at once
        (``library_repair.swap_in``)."""
        fresh = repair.fresh_path(self.path)
        members = library_list.load(self.list_path)
        db = self._open(fresh)
        try:
            if members is not None:
                self._restore(db, members)
        finally:
            db.close()  # the last connection: its WAL is folded in and removed
        moved = repair.swap_in(self.path, fresh)
        self.db = self._open()
        if members is None:
            self.notices.append(Notice("notice.library_set_aside", error=exc, moved=moved))
        else:
            self.notices.append(
                Notice("notice.library_restored", error=exc, moved=moved, count=len(members.reports))
            )

    @staticmethod
    def _restore(db: sqlite3.Connection, members: library_list.Membership) -> None:
        """Put the listed reports (pending), watched folders and ignored files in a new store."""
        stamp = now()
        with schema.transaction(db):
            db.executemany(
                "INSERT OR IGNORE INTO reports (path, member, added) VALUES (?, 1, ?)",
                [(p, stamp) for p in members.reports],
            )
            db.executemany(
                "INSERT OR IGNORE INTO watched VALUES (?, ?)", [(p, stamp) for p in members.watched]
            )
            db.executemany(
                "INSERT OR IGNORE INTO ignored VALUES (?, ?)", [(p, stamp) for p in members.ignored]
            )

    def _migrate(self, db: sqlite3.Connection, seed: bool) -> None:
        """Create the tables, or rebuild a store of another version, holding the write lock:
        two processes opening a new library at once (two ``add`` runs) must not both create
        it (the second's "table reports already exists" would read as damage). Whoever waited
        sees the version already right and does nothing.

        A brand-new library (``seed``: the store itself, not a repair's replacement, and no
        ``library.list.json`` from an earlier one) starts holding the bundled report,
        ``pending`` like an interrupted ``add``: plain ``zimao-tui`` and ``zimao-tui library``
        then have something to show on a fresh machine. Only here, so a report the user
        removed never comes back (a rebuild or a repair keeps what the store or list says)."""
        with schema.transaction(db):
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == schema.SCHEMA_VERSION:
                return
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                schema.create(db)
                if seed and not self.list_path.exists() and not os.environ.get(EMPTY_ENV):
                    db.execute(
                        "INSERT INTO reports (path, member, added) VALUES (?, 1, ?)",
                        (str(bundled_report()), now()),
                    )
                return
            kept = schema.rebuild(db, now())
        self.notices.append(
            Notice("notice.library_rebuilt", old=version, new=schema.SCHEMA_VERSION, count=kept)
        )

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL back into the file)."""
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the catalogue ---

    def entries(self, members_only: bool = True) -> list[Entry]:
        """Every report in the catalogue, in the order they were added."""
        where = "WHERE member = 1" if members_only else ""
        rows = self.db.execute(f"SELECT {ENTRY_COLUMNS} FROM reports {where} ORDER BY id")
        return [Entry(*row) for row in rows]

    def register(self, paths: Iterable[Path], member: bool = True) -> None:
        """List files in the catalogue (``pending`` until read); files already there stay as
        they are (an opened-by-name report becomes a member when added). One transaction."""
        stamp = now()
        with schema.transaction(self.db) as db:
            for path in paths:
                db.execute(
                    "INSERT INTO reports (path, member, added) VALUES (?, ?, ?) "
                    "ON CONFLICT (path) DO UPDATE SET member = max(member, excluded.member)",
                    (str(path), int(member), stamp),
                )
        if member:
            self._save_list()

    def with_sizes(self, sizes: Iterable[int | None]) -> list[tuple[int, str, int, str]]:
        """(id, path, size, fingerprint) of the read members of one of these sizes: the
        candidates a renamed file may be (``library_watch.pending``)."""
        wanted = sorted({s for s in sizes if s is not None})
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        rows = self.db.execute(
            f"SELECT id, path, size, fingerprint FROM reports WHERE member = 1 AND fingerprint IS NOT NULL "
            f"AND size IN ({marks})",
            wanted,
        )
        return [(int(r), str(p), int(z), str(f)) for r, p, z, f in rows]

    def relocate(self, moves: Sequence[tuple[int, str, Stat]]) -> None:
        """Reports whose file moved (same bytes, new path): the row follows the file, measures,
        tree and id kept. One transaction."""
        with schema.transaction(self.db) as db:
            for rid, path, stat in moves:
                db.execute(
                    "UPDATE reports SET path = ?, size = ?, mtime_ns = ?, state = 'present' WHERE id = ?",
                    (path, stat.size, stat.mtime_ns, rid),
                )
        self._save_list()

    def member_paths(self) -> set[str]:
        """The paths of every report in the library (cheaper than ``entries`` for 1,000)."""
        return {str(p) for (p,) in self.db.execute("SELECT path FROM reports WHERE member = 1")}

    def stale(
        self,
        paths: Iterable[Path] | None = None,
        stats: Mapping[str, Stat] | None = None,
        retry_unreadable: bool = True,
        members_only: bool = True,
    ) -> list[tuple[str, str | None]]:
        """(path, known fingerprint) of the listed files that must be read: pending ones, and
        those whose size or modification time changed (the reader compares fingerprints, so
        a touched but unchanged file is not parsed again). Files that vanished are marked
        ``missing`` here, in one transaction; one that comes back is read again. ``stats``:
        what a folder listing already said of some files (not asked again). Unreadable files
        are tried again, unless ``retry_unreadable`` is False (a rescan): then only once they
        changed, so that one bad file in a watched folder is not read, and reported, at every
        start. ``members_only=False`` also checks reports only opened by name (``search
        --report``)."""
        settled = ("present", "unreadable") if not retry_unreadable else ("present",)
        wanted = None if paths is None else {str(p) for p in paths}
        rows = self.db.execute(
            "SELECT id, path, state, fingerprint, size, mtime_ns FROM reports WHERE member = 1 OR ?",
            (int(not members_only),),
        )
        todo: list[tuple[str, str | None]] = []
        gone: list[int] = []
        for rid, path, state, known, size, mtime in rows.fetchall():
            if wanted is not None and path not in wanted:
                continue
            now_stat = stats.get(path) if stats else None
            if now_stat is None:
                now_stat = _stat(path)
            if now_stat.size is None:
                if state != "missing":
                    gone.append(rid)
            elif (now_stat.size, now_stat.mtime_ns) != (size, mtime) or state not in settled:
                todo.append((path, known if state == "present" else None))
        if gone:
            with schema.transaction(self.db) as db:
                db.executemany("UPDATE reports SET state = 'missing' WHERE id = ?", [(g,) for g in gone])
        return todo

    def store(self, parsed: Parsed) -> None:
        """Put one report's catalogue row, tree and measures in, replacing what was there:
        one transaction, so a kill leaves the old version or the new one."""
        with schema.transaction(self.db) as db:
            row = db.execute("SELECT id FROM reports WHERE path = ?", (parsed.path,)).fetchone()
            if row is None:
                cur = db.execute("INSERT INTO reports (path, added) VALUES (?, ?)", (parsed.path, now()))
                rid = int(cur.lastrowid or 0)
            else:
                rid = int(row[0])
            self._drop_measures(db, rid)
            db.execute(
                "UPDATE reports SET state = 'present', fingerprint = ?, size = ?, mtime_ns = ?, title = ?, "
                "date = ?, issuer = ?, doc_number = ?, kind = ?, measures = ?, error = NULL, tree = ?, "
                "indexed = ? WHERE id = ?",
                (
                    parsed.fingerprint, parsed.size, parsed.mtime_ns, parsed.title, parsed.date,
                    parsed.issuer, parsed.doc_number, parsed.kind, len(parsed.rows), parsed.tree,
                    now(), rid,
                ),
            )  # fmt: skip
            self._insert_measures(db, rid, parsed.rows)

    def _insert_measures(self, db: sqlite3.Connection, rid: int, rows: Sequence[tuple[Any, ...]]) -> None:
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM measures").fetchone()[0]
        end = schema.END
        db.executemany(
            "INSERT INTO measures (id, report, seq, measure_id, paragraph, start, text, starts, pinyin, "
            "folded, initials, syllables) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + n, rid, n, *row[:6], row[6] + end, row[7] + end, row[8]) for n, row in enumerate(rows)],
        )
        if self.fts:  # external content: the index reads the columns just written
            db.execute(
                "INSERT INTO measures_fts (rowid, folded, initials, syllables) "
                "SELECT id, folded, initials, syllables FROM measures WHERE id >= ?",
                (first,),
            )
        db.execute("INSERT INTO measure_initials SELECT id, initials FROM measures WHERE id >= ?", (first,))
        syllables = {s for row in rows for s in str(row[5]).split("|") if s}
        db.executemany("INSERT OR IGNORE INTO syllables VALUES (?)", [(s,) for s in sorted(syllables)])
        db.executemany(
            "INSERT INTO repeats VALUES (?, ?, ?, ?)",
            [r for n, row in enumerate(rows) for r in repeats.rows(first + n, (row[6] + end, row[7] + end))],
        )

    def _drop_measures(self, db: sqlite3.Connection, rid: int) -> None:
        if self.fts:  # an external-content index forgets a row when told its old values
            db.execute(
                "INSERT INTO measures_fts (measures_fts, rowid, folded, initials, syllables) "
                "SELECT 'delete', id, folded, initials, syllables FROM measures WHERE report = ?",
                (rid,),
            )
        old = db.execute("SELECT id, folded, initials FROM measures WHERE report = ?", (rid,))
        db.executemany(
            "DELETE FROM repeats WHERE col = ? AND gram = ? AND least = ? AND measure = ?",
            [r for mid, folded, initials in old.fetchall() for r in repeats.rows(mid, (folded, initials))],
        )
        db.execute(
            "DELETE FROM measure_initials WHERE id IN (SELECT id FROM measures WHERE report = ?)", (rid,)
        )
        db.execute("DELETE FROM measures WHERE report = ?", (rid,))

    def unchanged(self, path: str, size: int, mtime_ns: int) -> None:
        """A file whose bytes are what was read before (same fingerprint): only its size and
        time are noted, so it is not even hashed next time."""
        with schema.transaction(self.db) as db:
            db.execute(
                "UPDATE reports SET size = ?, mtime_ns = ?, state = 'present' WHERE path = ?",
                (size, mtime_ns, path),
            )

    def failed(self, path: str, error: str) -> None:
        """A file that could not be read: listed as ``unreadable`` with why, its old measures gone.
        Its size and time are noted, so that a rescan tries it again only once it changed."""
        stat = _stat(path)
        with schema.transaction(self.db) as db:
            row = db.execute("SELECT id FROM reports WHERE path = ?", (path,)).fetchone()
            if row is not None:
                self._drop_measures(db, int(row[0]))
            db.execute(
                "UPDATE reports SET state = 'unreadable', error = ?, fingerprint = NULL, measures = NULL, "
                "tree = NULL, size = ?, mtime_ns = ? WHERE path = ?",
                (error, stat.size, stat.mtime_ns, path),
            )

    def find(self, key: str) -> Entry | None:
        """The member named by its catalogue id or its path (as given, or resolved)."""
        if key.isdigit():
            row = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM reports WHERE id = ? AND member = 1", (int(key),)
            )
        else:
            row = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM reports WHERE path IN (?, ?) AND member = 1",
                (key, str(Path(key).expanduser().resolve())),
            )
        found = row.fetchone()
        return Entry(*found) if found else None

    def by_path(self, paths: Sequence[str]) -> dict[str, Entry]:
        """The catalogue rows (members or not) of these paths, by path."""
        found: dict[str, Entry] = {}
        for at in range(0, len(paths), 30_000):  # SQLite's limit on bound parameters
            part = list(paths[at : at + 30_000])
            rows = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM reports WHERE path IN ({','.join('?' * len(part))})", part
            )
            for row in rows:
                entry = Entry(*row)
                found[entry.path] = entry
        return found

    def remove(self, ids: Iterable[int], ignore: bool = True) -> None:
        """Take reports out of the library, measures and all (one transaction). A report in a
        watched folder is also ignored from then on (unless ``ignore`` is False), so that the
        next rescan does not bring it back (``add FILE`` takes it in again)."""
        folders = [w.path for w in self.watched()] if ignore else []
        stamp = now()
        with schema.transaction(self.db) as db:
            for rid in ids:
                row = db.execute("SELECT path FROM reports WHERE id = ?", (rid,)).fetchone()
                if row is not None and any(inside(str(row[0]), f) for f in folders):
                    db.execute("INSERT OR IGNORE INTO ignored VALUES (?, ?)", (str(row[0]), stamp))
                self._drop_measures(db, rid)
                db.execute("DELETE FROM reports WHERE id = ?", (rid,))
        self._save_list()

    # --- watched folders and ignored files ---

    def watched(self) -> list[Watched]:
        """The watched folders, in the order they were added, each with its ignored files."""
        ignored = [str(p) for (p,) in self.db.execute("SELECT path FROM ignored ORDER BY path")]
        rows = self.db.execute("SELECT path, added FROM watched ORDER BY rowid").fetchall()
        return [
            Watched(str(p), str(a), os.path.isdir(p), tuple(i for i in ignored if inside(i, str(p))))
            for p, a in rows
        ]

    def ignored(self) -> set[str]:
        """Paths of the files a rescan leaves out."""
        return {str(p) for (p,) in self.db.execute("SELECT path FROM ignored")}

    def watch(self, folder: Path) -> bool:
        """Watch a folder (absolute): a plain ``add`` lists its new files from now on.
        Returns whether it is new (False: it was watched already)."""
        with schema.transaction(self.db) as db:
            added = db.execute("INSERT OR IGNORE INTO watched VALUES (?, ?)", (str(folder), now())).rowcount
        if added:
            self._save_list()
        return bool(added)

    def unignore(self, paths: Iterable[Path]) -> None:
        """Files named to ``add`` on their own: no longer left out of their folder's rescans."""
        names = [(str(p),) for p in paths]
        with schema.transaction(self.db) as db:
            db.executemany("DELETE FROM ignored WHERE path = ?", names)
        self._save_list()

    def members_under(self, folder: str) -> list[Entry]:
        """The members whose file is in ``folder`` (at any depth)."""
        return [e for e in self.entries() if inside(e.path, folder)]

    def unwatch(self, folder: str) -> list[int]:
        """Stop watching a folder and take its reports out (its ignored files are forgotten
        with it); returns the ids removed. One transaction."""
        ids = [e.id for e in self.members_under(folder)]
        with schema.transaction(self.db) as db:
            db.execute("DELETE FROM watched WHERE path = ?", (folder,))
            for path in [i for i in self.ignored() if inside(i, folder)]:
                db.execute("DELETE FROM ignored WHERE path = ?", (path,))
            for rid in ids:
                self._drop_measures(db, rid)
                db.execute("DELETE FROM reports WHERE id = ?", (rid,))
        self._save_list()
        return ids

    def _save_list(self) -> None:
        """Write ``library.list.json`` (membership only) after a change of membership; a disk
        that refuses it costs the rebuild, not the change, so it is a notice, not a failure."""
        members = library_list.Membership(
            reports=[
                str(p) for (p,) in self.db.execute("SELECT path FROM reports WHERE member = 1 ORDER BY id")
            ],
            watched=[str(p) for (p,) in self.db.execute("SELECT path FROM watched ORDER BY rowid")],
            ignored=sorted(self.ignored()),
        )
        try:
            library_list.save(self.list_path, members)
        except OSError as exc:
            self.notices.append(Notice("notice.library_list_unwritten", path=self.list_path, error=exc))

    # --- reading for search and the app ---

    def report(self, rid: int) -> Report:
        """One report's parsed tree, back from the store (no file is read, nothing parsed).

        The last REPORTS_KEPT are kept in memory: a session's queries keep hitting the same
        reports, and rebuilding a tree costs about 2 ms."""
        row = self.db.execute("SELECT fingerprint FROM reports WHERE id = ?", (rid,)).fetchone()
        key = (rid, str(row[0] if row else ""))  # a report re-read meanwhile has another fingerprint
        report = self._trees.pop(key, None)
        if report is None:
            path, tree = self.db.execute("SELECT path, tree FROM reports WHERE id = ?", (rid,)).fetchone()
            report = report_from_fields(marshal.loads(tree), str(path))
        self._trees[key] = report
        while len(self._trees) > REPORTS_KEPT:
            del self._trees[next(iter(self._trees))]
        return report

    def measure_rows(
        self, where: str, params: Sequence[Any] = (), members_only: bool = True
    ) -> list[tuple[Any, ...]]:
        """(report id, measure id, paragraph, start, text, starts JSON, syllables, seq) of the present
        members' measures matching ``where`` (SQL over ``measures m``), in library order;
        ``members_only`` False: of any report read (a ``where`` that names reports itself)."""
        member = "r.member = 1 AND " if members_only else ""
        return self.db.execute(
            "SELECT m.report, m.measure_id, m.paragraph, m.start, m.text, m.starts, m.pinyin, m.seq "
            "FROM measures m JOIN reports r ON r.id = m.report "
            f"WHERE {member}r.state = 'present' AND ({where}) ORDER BY m.report, m.seq",
            params,
        ).fetchall()


def inside(path: str, folder: str) -> bool:
    """Whether ``path`` is in ``folder`` (both absolute, as the store keeps them)."""
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _stat(path: str) -> Stat:
    try:
        info = os.stat(path)
    except OSError:
        return Stat(None, None)
    return Stat(info.st_size, info.st_mtime_ns)
