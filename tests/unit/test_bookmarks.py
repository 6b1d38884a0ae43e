"""The bookmark store: round trips, corrupt and newer files, re-anchoring, orphans."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Measure, Report
from zimao_tui.paths import bundled_report
from zimao_tui.store import bookmarks
from zimao_tui.store.bookmarks import (
    SCHEMA_VERSION,
    BookmarkError,
    BookmarkStore,
    ReadOnlyError,
    dumps,
    parse_tags,
)
from zimao_tui.store.tomlcompat import loads as toml_loads


def measure(report: Report, measure_id: str) -> Measure:
    node = report.node(measure_id)
    assert isinstance(node, Measure)
    return node


def test_default_path_is_in_the_data_dir(user_dirs: dict[str, Path]) -> None:
    assert BookmarkStore().path == user_dirs["data"] / "bookmarks.toml"


def test_toggle_update_remove_and_reload(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "b.toml"
    store = BookmarkStore(path)
    m = measure(bundled, "3.2.5")
    assert not store.is_bookmarked(bundled, m)
    assert store.toggle(bundled, m) is True
    assert store.is_bookmarked(bundled, m)
    store.update(bundled, m, "笔记", ["生物", "园区"])
    again = BookmarkStore(path)
    bm = again.get(bundled, m)
    assert bm is not None
    assert (bm.note, bm.tags, bm.measure_id, bm.text) == ("笔记", ("生物", "园区"), "3.2.5", m.text)
    assert bm.path == ("三、产业发展提质增效", "(二)生命健康产业全国前列")
    assert bm.created and bm.updated >= bm.created
    data = toml_loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["bookmarks"][0]["report_title"] == bundled.title
    assert data["bookmarks"][0]["report_date"] == bundled.date
    assert again.toggle(bundled, m) is False
    assert BookmarkStore(path).bookmarks == []


def test_update_keeps_note_when_none(tmp_path: Path, bundled: Report) -> None:
    store = BookmarkStore(tmp_path / "b.toml")
    m = measure(bundled, "1.1.1")
    store.update(bundled, m, "keep", ["t"])
    store.update(bundled, m, None, ["u"])
    bm = store.get(bundled, m)
    assert bm is not None and (bm.note, bm.tags) == ("keep", ("u",))
    assert len(store.bookmarks) == 1


note_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("自贸区“”「」\"'\\\n\r\t\x00\x07\x1b\x7f\u00a0\u3000\ufeff\u2028")),
    ),
    max_size=300,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    note=st.one_of(note_text, st.builds(lambda s, n: s * n, note_text, st.integers(50, 300))),
    tags=st.lists(note_text, max_size=6),
)
def test_notes_and_tags_round_trip(tmp_path: Path, bundled: Report, note: str, tags: list[str]) -> None:
    path = tmp_path / "round.toml"
    path.unlink(missing_ok=True)
    m = measure(bundled, "2.3.5")
    BookmarkStore(path).update(bundled, m, note, tags)
    bm = BookmarkStore(path).get(bundled, m)
    assert bm is not None
    assert bm.note == note
    assert list(bm.tags) == tags


def test_multiline_notes_are_written_readably(bundled: Report, tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.toml")
    store.update(bundled, measure(bundled, "1.1.1"), "第一行\n第二行", [])
    text = store.path.read_text(encoding="utf-8")
    assert '"""' in text and "第一行\n第二行" in text
    # \r would be folded away inside a multi-line string: that note falls back to escapes.
    assert toml_loads(dumps(store.bookmarks))["bookmarks"][0]["note"] == "第一行\n第二行"


def test_a_toml_syntax_error_is_called_that_not_an_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_bytes(b"schema_version = 1\n[[bookmarks]\n")
    store = BookmarkStore(path)
    assert len(store.warnings) == 1
    reason = str(store.warnings[0])
    assert "not valid TOML" in reason and "UTF-8" not in reason


def test_corrupt_file_is_moved_aside_byte_for_byte(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    broken = b'schema_version = 1\n[[bookmarks]\nnote = "\xff\xfe half'
    path.write_bytes(broken)
    store = BookmarkStore(path)
    aside = list(tmp_path.glob("bookmarks.toml.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == broken
    assert not path.exists()
    assert store.bookmarks == [] and not store.read_only
    assert len(store.warnings) == 1 and str(aside[0]) in str(store.warnings[0])
    assert "not UTF-8 text" in str(store.warnings[0])  # the reason names what is wrong
    store.toggle(bundled, measure(bundled, "1.1.1"))  # work goes on
    assert len(BookmarkStore(path).bookmarks) == 1
    assert aside[0].read_bytes() == broken


@pytest.mark.parametrize(
    "content",
    [
        "schema_version = 'one'\n",
        "bookmarks = 3\n",
        "[[bookmarks]]\nnote = 'no title or text'\n",
        "[[bookmarks]]\nreport_title = 't'\ntext = 'x'\ntags = 'not a list'\n",
    ],
)
def test_well_formed_toml_of_the_wrong_shape_counts_as_corrupt(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_text(content, encoding="utf-8")
    store = BookmarkStore(path)
    assert store.warnings and not path.exists()
    assert [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.corrupt-*")] == [content]


def test_two_corrupt_files_in_one_second_do_not_overwrite_each_other(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    for n in range(3):
        path.write_text(f"broken {n} [", encoding="utf-8")
        BookmarkStore(path)
    assert sorted(p.read_text() for p in tmp_path.glob("*.corrupt-*")) == [f"broken {n} [" for n in range(3)]


NEWER = """schema_version = 2
future_top = { colour = "blue" }

[[bookmarks]]
uid = "abc"
report_title = "武汉自贸片区高质量发展创新举措"
report_date = "2022-07-05"
measure_id = "1.1.1"
text = "whatever"
note = "from the future"
highlight = "yellow"
"""


def test_newer_schema_is_read_only_and_never_rewritten(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_text(NEWER, encoding="utf-8")
    before = path.stat().st_mtime_ns
    store = BookmarkStore(path)
    assert store.read_only
    assert any("schema_version = 2" in str(w) for w in store.warnings)
    assert [b.note for b in store.bookmarks] == ["from the future"]
    m = measure(bundled, "1.1.1")
    with pytest.raises(ReadOnlyError):
        store.toggle(bundled, m)
    with pytest.raises(ReadOnlyError):
        store.update(bundled, m, "x", [])
    with pytest.raises(ReadOnlyError):
        store.remove(store.bookmarks[0])
    assert path.read_text(encoding="utf-8") == NEWER
    assert path.stat().st_mtime_ns == before
    assert list(tmp_path.iterdir()) == [path]  # no temp file, no lock file, nothing moved


def test_unknown_keys_are_kept_through_writes(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_text(NEWER.replace("schema_version = 2", "schema_version = 1"), encoding="utf-8")
    store = BookmarkStore(path)
    assert not store.read_only
    store.toggle(bundled, measure(bundled, "2.1.1"))
    data = toml_loads(path.read_text(encoding="utf-8"))
    assert data["future_top"] == {"colour": "blue"}
    assert data["bookmarks"][0]["highlight"] == "yellow"
    assert data["bookmarks"][0]["uid"] == "abc"
    assert len(data["bookmarks"]) == 2


def test_hand_written_bookmark_without_uid_is_stable(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    m = measure(bundled, "3.1.3")
    path.write_text(
        f'[[bookmarks]]\nreport_title = "{bundled.title}"\nreport_date = "{bundled.date}"\ntext = "{m.text}"\n',
        encoding="utf-8",
    )
    first, second = BookmarkStore(path), BookmarkStore(path)
    assert first.bookmarks[0].uid == second.bookmarks[0].uid
    assert first.is_bookmarked(bundled, m)  # found by fingerprint computed from the text
    first.remove(first.bookmarks[0])
    assert BookmarkStore(path).bookmarks == []


def test_two_stores_on_one_file_keep_each_others_work(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    a, b = BookmarkStore(path), BookmarkStore(path)
    a.update(bundled, measure(bundled, "1.1.1"), "from a", [])
    b.update(bundled, measure(bundled, "1.2.1"), "from b", [])  # b never saw a's bookmark
    assert sorted(x.note for x in BookmarkStore(path).bookmarks) == ["from a", "from b"]
    # a bookmarks 3.1.1 after b's last read; b, showing it unmarked, toggles it on:
    # a's bookmark and note must stay, not be flipped off.
    a.update(bundled, measure(bundled, "3.1.1"), "a again", [])
    assert not b.is_bookmarked(bundled, measure(bundled, "3.1.1"))
    assert b.toggle(bundled, measure(bundled, "3.1.1")) is True
    assert sorted(x.note for x in BookmarkStore(path).bookmarks) == ["a again", "from a", "from b"]
    # a edits a bookmark b deleted meanwhile: the note comes back rather than being lost.
    target = a.get(bundled, measure(bundled, "1.1.1"))
    assert target is not None
    b.remove(target)
    a.set_note(target, "still mine", ["x"])
    assert [x.note for x in BookmarkStore(path).bookmarks if x.uid == target.uid] == ["still mine"]


def edited_copy(bundled: Report, tmp_path: Path, edit: dict[str, str]) -> Report:
    """The bundled report with some sentences replaced (old -> new), as a file elsewhere."""
    text = bundled_report().read_text(encoding="utf-8")
    for old, new in edit.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    copy = tmp_path / "moved" / "edited.txt"
    copy.parent.mkdir()
    copy.write_text(text, encoding="gb18030")  # moved and re-encoded too
    return load_report(copy)


def test_reanchoring_after_inserting_editing_and_deleting(tmp_path: Path, bundled: Report) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.toml")
    moved = measure(bundled, "3.2.6")  # a sentence is inserted before it
    changed = measure(bundled, "2.1.4")  # its figure is edited
    gone = measure(bundled, "5.3.4")  # deleted
    neighbour = measure(bundled, "5.3.5")  # takes the deleted one's id
    shifted = measure(bundled, "3.2.8")  # shifted by the insertion AND edited
    for m, note in (
        (moved, "moved"),
        (changed, "changed"),
        (gone, "gone"),
        (neighbour, "next"),
        (shifted, "both"),
    ):
        store.update(bundled, m, note, [])
    inserted = "新增一句完全不同的示范内容用于测试插入。"
    copy = edited_copy(
        bundled,
        tmp_path,
        {
            moved.text: inserted + moved.text,
            "拨付近2000万元的奖励资金": "拨付近2500万元的奖励资金",
            gone.text: "",
            "对一类新药最多可给予1亿元资金支持": "对一类新药最多可给予2亿元资金支持",
        },
    )
    assert copy.key == bundled.key and copy.encoding != bundled.encoding
    by_note = {r.bookmark.note: r for r in store.resolved([copy])}
    assert by_note["moved"].status == "resolved"
    assert by_note["moved"].measure is not None and by_note["moved"].measure.id == "3.2.7"
    assert by_note["moved"].measure.text == moved.text
    assert by_note["changed"].status == "resolved"
    assert by_note["changed"].measure is not None and "2500万元" in by_note["changed"].measure.text
    assert by_note["next"].measure is not None and by_note["next"].measure.id == "5.3.4"
    both = by_note["both"].measure
    assert both is not None and both.id == "3.2.9" and "2亿元" in both.text
    orphan = by_note["gone"]
    assert orphan.status == "orphaned" and orphan.report is copy and orphan.measure is None
    assert orphan.bookmark.text == gone.text and orphan.bookmark.note == "gone"
    # The new sentence at 3.2.6 is not the bookmarked one.
    new_node = copy.node("3.2.6")
    assert isinstance(new_node, Measure) and new_node.text == inserted
    assert not store.is_bookmarked(copy, new_node)
    # Without a bookmark on the neighbour, the deleted one still does not jump onto the
    # different sentence that now has its id.
    alone = BookmarkStore(tmp_path / "alone.toml")
    alone.update(bundled, gone, "gone", [])
    [item] = alone.resolved([copy])
    assert item.status == "orphaned"
    # The orphan is still in the file, and can be deleted by the user.
    assert len(BookmarkStore(store.path).bookmarks) == 5
    store.remove(orphan.bookmark)
    assert sorted(b.note for b in BookmarkStore(store.path).bookmarks) == ["both", "changed", "moved", "next"]


def test_bookmarks_of_a_report_not_open_are_listed_as_orphaned(tmp_path: Path, bundled: Report) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.toml")
    store.toggle(bundled, measure(bundled, "1.1.1"))
    other = load_report(_write(tmp_path / "other.txt", "另一份报告\n\n一、总则\n\n这是唯一的一句话。\n"))
    [item] = store.resolved([other])
    assert item.status == "orphaned" and not item.report_open
    [item] = store.resolved([other, bundled])
    assert item.status == "resolved" and item.report is bundled


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_unreadable_file_opens_read_only(tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    path.mkdir()  # reading a folder fails with an OSError
    store = BookmarkStore(path)
    assert store.read_only and store.warnings
    with pytest.raises(ReadOnlyError):
        store.toggle(bundled, measure(bundled, "1.1.1"))


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("自贸区, 金融，人才、 #开放;  ", ["自贸区", "金融", "人才", "开放"]),
        ("a a  b", ["a", "b"]),
        ("", []),
    ],
)
def test_parse_tags(typed: str, tags: list[str]) -> None:
    assert parse_tags(typed) == tags


def test_a_held_lock_times_out_with_a_message_and_no_write(
    tmp_path: Path, bundled: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")
    store = BookmarkStore(tmp_path / "bookmarks.toml")
    store.toggle(bundled, measure(bundled, "1.1.1"))
    before = store.path.read_bytes()
    monkeypatch.setattr(bookmarks, "LOCK_TIMEOUT", 0.2)
    with open(store.lock_path, "a+b") as other:  # another instance, mid-change
        fcntl.flock(other.fileno(), fcntl.LOCK_EX)
        with pytest.raises(BookmarkError, match="正占用书签锁"):
            store.toggle(bundled, measure(bundled, "1.2.1"))
    assert store.path.read_bytes() == before
    assert store.toggle(bundled, measure(bundled, "1.2.1")) is True  # released: works again


def test_without_flock_the_store_still_works(
    tmp_path: Path, bundled: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bookmarks, "fcntl", None)  # as on Windows
    store = BookmarkStore(tmp_path / "bookmarks.toml")
    store.update(bundled, measure(bundled, "1.1.1"), "无锁", [])
    assert [b.note for b in BookmarkStore(store.path).bookmarks] == ["无锁"]


def test_a_hand_written_file_with_comments_loads(data_dir: Path, tmp_path: Path, bundled: Report) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_bytes((data_dir / "bookmarks-good.toml").read_bytes())
    store = BookmarkStore(path)
    assert store.warnings == [] and not store.read_only
    [first, second] = store.resolved([bundled])
    assert first.status == "resolved" and first.measure is not None and first.measure.id == "3.2.5"
    assert first.bookmark.note == "生物产业园区：\n  对照武汉其他片区。" and first.bookmark.tags == (
        "生物",
        "园区",
    )
    assert second.status == "orphaned" and second.bookmark.note == "这句在新版里删了"
    store.toggle(bundled, measure(bundled, "1.1.1"))  # rewriting keeps both
    assert len(BookmarkStore(path).bookmarks) == 3


def test_the_corrupt_sample_is_moved_aside(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    raw = (data_dir / "bookmarks-corrupt.toml").read_bytes()
    path.write_bytes(raw)
    store = BookmarkStore(path)
    assert store.bookmarks == [] and len(store.warnings) == 1
    [aside] = tmp_path.glob("bookmarks.toml.corrupt-*")
    assert aside.read_bytes() == raw
