"""The ``repeats`` table (store/repeats.py): two-character strings a measure holds two to four
times, kept in step with the measures as reports are added, read again and removed; and
``measure_initials``, the measures' initials alone, likewise."""

from __future__ import annotations

import shutil
from pathlib import Path

from zimao_tui.paths import bundled_report
from zimao_tui.search.library_index import index
from zimao_tui.store import repeats
from zimao_tui.store.library import Library


def test_rows_count_each_string_up_to_four() -> None:
    folded = "发展发展，发展发展发展。光谷光谷\x03"
    initials = "fzfz fzfzfz gggg\x03"
    got = sorted(repeats.rows(7, (folded, initials)))
    assert [r for r in got if r[0] == 0 and r[1] == "发展"] == [(0, "发展", c, 7) for c in (2, 3, 4)]
    assert [r for r in got if r[0] == 0 and r[1] == "光谷"] == [(0, "光谷", 2, 7)]
    assert [r for r in got if r[0] == 1 and r[1] == "fz"] == [(1, "fz", c, 7) for c in (2, 3, 4)]
    assert all(repeats.countable(r[1]) for r in got)
    assert not any(r[1] in ("gg", "z ", " f", "谷\x03") for r in got)  # doubled, space, END


def test_countable() -> None:
    assert repeats.countable("发展") and repeats.countable("gx")
    assert not repeats.countable("一一") and not repeats.countable("发") and not repeats.countable("发展改")
    assert not repeats.countable("a ") and not repeats.countable("谷\x03")


def expected(library: Library) -> list[tuple[int, str, int, int]]:
    rows = library.db.execute("SELECT id, folded, initials FROM measures").fetchall()
    return sorted(r for mid, f, n in rows for r in repeats.rows(mid, (f, n)))


def stored(library: Library) -> list[tuple[int, str, int, int]]:
    """The repeats rows, after checking that ``measure_initials`` is the measures' initials."""
    initials = library.db.execute("SELECT id, initials FROM measure_initials ORDER BY id").fetchall()
    assert initials == library.db.execute("SELECT id, initials FROM measures ORDER BY id").fetchall()
    return sorted(library.db.execute("SELECT col, gram, least, measure FROM repeats").fetchall())


def test_table_follows_the_measures(tmp_path: Path, user_dirs: dict[str, Path]) -> None:
    """Added, read again after a change, removed: the table holds exactly the rows of the
    measures stored (a report's rows go with it, nothing is left for a reused id)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    files = [folder / "a.txt", folder / "b.txt"]
    for f in files:
        shutil.copy(bundled_report(), f)
    with Library() as library:
        library.register(files)
        index(library, library.stale(files), user_dirs["cache"], workers=1)
        assert stored(library) == expected(library) and len(stored(library)) > 100
        files[0].write_text(
            bundled_report().read_text(encoding="utf-8").replace("知识产权", "发展发展"), encoding="utf-8"
        )
        index(library, library.stale(files), user_dirs["cache"], workers=1)
        assert stored(library) == expected(library)
        library.remove([library.entries()[1].id])
        assert stored(library) == expected(library)
        library.remove([e.id for e in library.entries()])
        assert stored(library) == []
