"""The library store's tables, and how an older or damaged store is replaced.

One SQLite file (``library.sqlite3`` in the data folder) holds every report zimao-tui has
read: the catalogue row (where the file is, the fingerprint of its bytes, its metadata, present
or missing), its parsed tree, and each measure with its search index (jieba word starts,
per-character pinyin) and an FTS5 trigram row, the prefilter that lets a query read only the
measures that can match. ``PRAGMA user_version`` is the schema version: a store of another
version is rebuilt from the reports it lists (their paths are kept, everything else is read
again), never migrated column by column.

Bookmarks are never in it (they stay in ``bookmarks.toml``, which people edit and back up).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

SCHEMA_VERSION = 4
"""Bump when a table, a column or what a column holds changes (the index format included).
2: the ``watched`` and ``ignored`` tables (folders ``add`` rescans, files ``remove`` keeps out).
3: the folded text, pinyin initials and pinyin run live in ``measures`` (the FTS table reads
them as its external content), each ending in ``END``; the corpus's syllables have a table.
4: the ``repeats`` table (two-character strings a measure holds two to four times, see
``store/repeats.py``) and ``measure_initials`` (each measure's initials again, alone)."""

END = "\x03"
"""Ends every stored folded text and initials string, so that a two-character word at the end
of a measure is still the start of some trigram (search finds two-character words through the
trigrams that begin with them) and a LIKE pattern can say "at the end"."""

SCHEMA = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    member INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'pending',
    fingerprint TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    title TEXT,
    date TEXT,
    issuer TEXT,
    doc_number TEXT,
    kind TEXT,
    measures INTEGER,
    error TEXT,
    tree BLOB,
    added TEXT NOT NULL,
    indexed TEXT
);
CREATE INDEX reports_fingerprint ON reports (fingerprint);
CREATE INDEX reports_state ON reports (state);
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    measure_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    text TEXT NOT NULL,
    starts TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    folded TEXT NOT NULL,
    initials TEXT NOT NULL,
    syllables TEXT NOT NULL
);
CREATE INDEX measures_report ON measures (report, seq);
CREATE TABLE syllables (syllable TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE measure_initials (id INTEGER PRIMARY KEY, initials TEXT NOT NULL);
CREATE TABLE repeats (
    col INTEGER NOT NULL,
    gram TEXT NOT NULL,
    least INTEGER NOT NULL,
    measure INTEGER NOT NULL,
    PRIMARY KEY (col, gram, least, measure)
) WITHOUT ROWID;
CREATE TABLE watched (
    path TEXT PRIMARY KEY,
    added TEXT NOT NULL
);
CREATE TABLE ignored (
    path TEXT PRIMARY KEY,
    added TEXT NOT NULL
);
CREATE VIRTUAL TABLE measures_fts USING fts5 (
    folded, initials, syllables, content = 'measures', content_rowid = 'id', tokenize = 'trigram'
);
"""
"""``watched``: folders ``add DIR`` put in, rescanned by a plain ``add`` for new files.
``ignored``: files of a watched folder the user removed, so that a rescan leaves them out.
``state``: ``pending`` (listed, not read yet: an interrupted ``add`` resumes from these),
``present``, ``missing`` (the file vanished: kept until removed) or ``unreadable`` (``error``
says why). ``member``: 1 for the user's library, 0 for a report only opened by name (the app's
later use). ``measures.folded`` is the text folded as search folds it (``search/fold.py``),
``initials`` and ``syllables`` its pinyin initials and full pinyin run; ``measures_fts``
indexes those three (external content: the text is stored once, and its rowid is the
measure's id), so literal, pinyin and initials queries all have a prefilter, and a search that
scans ``measures`` in library order (the ``measures_report`` index) can stop after its first
hits. ``syllables``: every syllable any stored measure uses (mixed pinyin is cut by them).
``measure_initials``: ``measures.initials`` again, keyed by the measure's id, so that a scan
for initials with words left out (``ggkjzl``), which no trigram can name, reads some 70 bytes
a measure in library order instead of its whole row (some 900: text, word starts, pinyin).
``repeats``: a row (column, string, c, measure) for each two-character string the measure's
folded text (column 0) or initials (1) holds at least c times, c = 2…4, in the library's order
within each (column, string, c); no foreign key: a report's rows are dropped by their values,
as the FTS table's are, which needs no second index."""


def has_trigram() -> bool:
    """Whether this Python's SQLite has FTS5 with the trigram tokenizer (3.34 and later,
    when built with FTS5, as CPython's builds are)."""
    try:
        probe = sqlite3.connect(":memory:")
        try:
            probe.execute("CREATE VIRTUAL TABLE t USING fts5 (a, tokenize = 'trigram')")
        finally:
            probe.close()
    except sqlite3.OperationalError:
        return False
    return True


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``: the write lock is taken at once, so two
    writers queue behind ``busy_timeout`` instead of failing half-way); rolled back on any
    error. The connection is in autocommit mode, so DDL is inside the transaction too."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def create(db: sqlite3.Connection) -> None:
    """Create the tables in an empty store and stamp its version (inside the caller's
    transaction)."""
    script = SCHEMA if has_trigram() else SCHEMA.replace(_FTS_LINE, "")
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


_FTS_LINE = """CREATE VIRTUAL TABLE measures_fts USING fts5 (
    folded, initials, syllables, content = 'measures', content_rowid = 'id', tokenize = 'trigram'
);"""


def rebuild(db: sqlite3.Connection, added: str) -> int:
    """Empty a store of another version, keeping the reports it lists (path, member), the
    watched folders and the ignored files, and create this version's tables; the kept reports
    come back ``pending``, to be read again.

    Inside the caller's transaction: a kill half-way leaves the old store. Returns how many
    were kept.
    """
    try:
        kept = [(str(p), int(m)) for p, m in db.execute("SELECT path, member FROM reports")]
    except (sqlite3.DatabaseError, TypeError, ValueError):
        kept = []  # too old or too odd to list its reports: start empty
    folders = _paths(db, "watched")
    ignored = _paths(db, "ignored")
    names = db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    for kind, name in names:
        if kind in ("table", "view") and not str(name).startswith("measures_fts_"):
            db.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    create(db)
    db.executemany(
        "INSERT OR IGNORE INTO reports (path, member, added) VALUES (?, ?, ?)",
        [(p, m, added) for p, m in kept],
    )
    db.executemany("INSERT OR IGNORE INTO watched (path, added) VALUES (?, ?)", [(p, added) for p in folders])
    db.executemany("INSERT OR IGNORE INTO ignored (path, added) VALUES (?, ?)", [(p, added) for p in ignored])
    return len(kept)


def _paths(db: sqlite3.Connection, table: str) -> list[str]:
    """The paths of a ``watched`` or ``ignored`` table of an older store (none before version 2)."""
    try:
        return [str(p) for (p,) in db.execute(f"SELECT path FROM {table}")]
    except (sqlite3.DatabaseError, TypeError, ValueError):
        return []
