"""Caches are optional and untrusted (issue 10, items 7 and 8).

An unwritable cache (a file where the folder should be, a full disk) costs the cache, never
the search: one notice, and the results. A damaged or crafted cache file is a miss and is
rebuilt; it never makes marshal allocate what its header claims. Cache folders are 0700.
"""

from __future__ import annotations

import errno
import json
import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.document.parse import load_report, parse_text
from zimao_tui.document.report import Report
from zimao_tui.i18n import Notice, set_language
from zimao_tui.insights import keywords
from zimao_tui.paths import bundled_report
from zimao_tui.search import index_cache
from zimao_tui.search.search import build_index, open_index
from zimao_tui.store.marshal_check import plausible
from zimao_tui.store.report_cache import ReportCache, _stamp
from zimao_tui.store.report_cache import report_fields as _fields

SMALL = "小报告\n一、知识产权\n推动知识产权证券化试点。建设跨境电商平台。\n二、营商环境\n推行一业一证改革。\n"


@pytest.fixture(autouse=True)
def chinese() -> None:
    set_language("zh")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A report whose index is not shipped, so searching it must build one."""
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A cache 'folder' that is a file: nothing can be written under it."""
    path = tmp_path / "cache-is-a-file"
    path.write_text("not a folder", encoding="utf-8")
    return path


# --- item 7: an unwritable cache ------------------------------------------------------------


def test_search_cli_works_when_the_cache_path_is_a_file(
    small: Path, blocked: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZIMAO_TUI_CACHE_DIR", str(blocked))
    assert main(["search", "知识产权", "--report", str(small), "--json"]) == 0
    captured = capsys.readouterr()
    assert [h["id"] for h in json.loads(captured.out)] == ["1.1"]
    assert captured.err.count("\n") == 1 and "缓存无法写入" in captured.err


def test_a_jieba_cache_failure_in_one_folder_is_not_reported_for_another(
    small: Path,
    blocked: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """jieba writes its cache once per process: a folder that failed says nothing about the next
    one (before: every later search in the process printed the stale "File exists")."""
    from zimao_tui.search import segment

    for name in ("_BASE", "_BASE_ERROR", "_BASE_DIR"):
        monkeypatch.setattr(segment, name, None, raising=False)  # this process's tokenizer is built below
    monkeypatch.setenv("ZIMAO_TUI_CACHE_DIR", str(blocked))
    assert main(["search", "知识产权", "--report", str(small), "--json"]) == 0
    assert "缓存无法写入" in capsys.readouterr().err
    monkeypatch.setenv("ZIMAO_TUI_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["search", "知识产权", "--report", str(small), "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_build_index_on_a_full_disk(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC while saving: the index is used as built, with one notice; without a notices
    list the error is raised (never swallowed)."""

    from zimao_tui.store import cache as cache_layer

    def full(path: Path, data: bytes, *, durable: bool = True) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_layer, "atomic_write_bytes", full)
    report = load_report(small)
    notices: list[Notice] = []
    index = build_index([report], tmp_path / "cache", notices)
    assert index.search("知识产权")[0].measure.id == "1.1"
    assert [n.key for n in notices] == ["notice.cache_unwritable"]
    assert "No space left" in str(notices[0])
    with pytest.raises(OSError):
        build_index([report], tmp_path / "cache")


def test_open_index_child_hands_back_what_it_could_not_write(small: Path, blocked: Path) -> None:
    """The app's path: the child process builds the index, cannot cache it, and answers with it."""
    notices: list[Notice] = []
    index = open_index([load_report(small)], blocked, notices=notices)
    assert index.search("yyyz")[0].measure.id == "2.1"
    assert len(notices) == 1 and "缓存无法写入" in str(notices[0])


def test_keywords_child_hands_back_what_it_could_not_write(small: Path, blocked: Path) -> None:
    notices: list[Notice] = []
    report = load_report(small)
    found = keywords.ensure_keywords([report], blocked, notices=notices)
    assert found[0] and all(isinstance(v, list) for v in found[0].values())
    assert len(notices) == 1
    with pytest.raises(OSError):
        keywords.build_keywords(report, blocked)
    notices.clear()
    assert keywords.build_keywords(report, blocked, notices) == found[0]
    assert len(notices) == 1


# --- item 8: damaged and crafted cache files --------------------------------------------------

_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from pathlib import Path
from zimao_tui.store.report_cache import ReportCache
data = Path(sys.argv[2]).read_bytes()
print(ReportCache(Path(sys.argv[1])).load(data, sys.argv[2]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limit (Linux)")
def test_five_byte_report_cache_is_a_miss(tmp_path: Path) -> None:
    """``(\\xff\\xff\\xff\\x7f`` asks marshal for a 2^31-item tuple: with 1 GB of address space
    that was a MemoryError; it must be a miss before marshal sees it."""
    cache = ReportCache(tmp_path / "cache")
    data = bundled_report().read_bytes()
    path = cache.path_for(data)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"(\xff\xff\xff\x7f")
    out = subprocess.run(
        [sys.executable, "-c", _LIMITED, str(tmp_path / "cache"), str(bundled_report())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "None"


def _write_cache(cache: ReportCache, data: bytes, fields: tuple[object, ...]) -> None:
    path = cache.path_for(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(marshal.dumps((_stamp(), data, fields)))


def _damaged(report: Report) -> Iterator[tuple[str, tuple[object, ...]]]:
    fields = _fields(report)
    paragraphs, children, more, dropped, file_format = fields[5:]

    def with_tree(top: tuple[object, ...]) -> tuple[object, ...]:
        """The fields with another top level of the tree (in place of ``children``)."""
        return (*fields[:6], top, *fields[7:])

    yield "integer title", (1, *fields[1:])
    yield "missing paragraph", (*fields[:5], paragraphs[:1], *fields[6:])
    yield "no paragraphs", (*fields[:5], (), *fields[6:])
    yield "short tuple", fields[:-1]
    chapter = children[0]
    yield "string level", with_tree(((*chapter[:5], "1", chapter[6]),))
    measure = ("m", "1.1", 0, "0", 3)
    yield "string start", with_tree(((*chapter[:6], (measure,)),))
    yield "bool paragraph", with_tree(((*chapter[:6], (("m", "1.1", True, 0, 1),)),))
    deep: tuple[object, ...] = ("m", "x", 0, 0, 1)
    for _ in range(100):
        deep = ("h", "x", "item", "1.", "t", 3, (deep,))
    yield "deep", with_tree((deep,))
    yield "integer issuer", (*fields[:7], (*more[:2], 7, *more[3:]), dropped, file_format)
    yield "short dropped line", (*fields[:7], more, (("x", "y"),), file_format)
    yield "integer format", (*fields[:9], 3)
    yield "unknown format", (*fields[:9], "exe")
    yield "unknown heading kind", with_tree(((chapter[0], chapter[1], "volume", *chapter[3:]),))


@pytest.mark.parametrize("case", [name for name, _ in _damaged(parse_text(SMALL))])
def test_right_stamp_wrong_shape_is_a_miss_and_is_rebuilt(small: Path, tmp_path: Path, case: str) -> None:
    data = small.read_bytes()
    report = load_report(small)
    fields = dict(_damaged(report))[case]
    cache = ReportCache(tmp_path / "cache")
    _write_cache(cache, data, fields)
    assert cache.load(data, str(small)) is None
    again = load_report(small, cache)  # parsed, and the file rewritten
    assert again.title == "小报告" and [m.text for m in again.measures()] == [
        m.text for m in report.measures()
    ]
    assert cache.load(data, str(small)) is not None


def test_marshal_check_accepts_our_files_and_refuses_lies() -> None:
    report = load_report(bundled_report())
    blob = marshal.dumps((_stamp(), bundled_report().read_bytes(), _fields(report)))
    assert plausible(blob)
    assert not plausible(b"(\xff\xff\xff\x7f")
    assert not plausible(blob[:-1]) and not plausible(blob + b"N")
    assert not plausible(b")\x02" + b"(\x00\x00\x00\x10" * 2)  # nested claims beyond the bytes
    assert not plausible(marshal.dumps({"a": 1}))  # not a type our caches write
    assert not plausible(b"r\x00\x00\x00\x00")  # a reference to nothing


def test_index_cache_with_a_string_for_an_int_is_rebuilt(bundled: Report, tmp_path: Path) -> None:
    """It passed validation and broke the index on every run; now it is a miss."""
    texts = [m.text for m in bundled.measures()]
    folder = tmp_path / "cache"
    shipped = index_cache.load(folder, texts)
    assert shipped is not None
    for damage in ("string", "bool", "unsorted", "past the end", "pinyin"):
        bad = json.loads(json.dumps(shipped))
        if damage == "string":
            bad["starts"][0][1] = str(bad["starts"][0][1])
        elif damage == "bool":
            bad["starts"][0][0] = False
        elif damage == "unsorted":
            bad["starts"][0][1:3] = bad["starts"][0][2:0:-1]
        elif damage == "past the end":
            bad["starts"][0][-1] = len(texts[0]) + 5
        else:
            bad["pinyin"][0] = bad["pinyin"][0].replace("|", "\x00|", 1)
        assert index_cache.accept(bad, texts) is None, damage
    path = index_cache.cache_path(folder, index_cache.cache_key(texts))
    path.parent.mkdir(parents=True)
    bad = json.loads(json.dumps(shipped))
    bad["starts"][0][1] = "3"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert index_cache.load(folder, texts) == shipped  # the user copy is refused, the shipped one used


def test_deep_keywords_cache_is_a_miss(bundled: Report, tmp_path: Path) -> None:
    path = keywords.cache_path(bundled, tmp_path)
    path.parent.mkdir()
    path.write_text('{"version": 3, "keywords": ' + "[" * 900 + "]" * 900 + "}", encoding="utf-8")
    assert keywords.cached_keywords(bundled, tmp_path) is None


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_cache_folders_are_private_whatever_the_umask(small: Path, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        root = tmp_path / "new" / "cache"
        data = small.read_bytes()
        report = load_report(small)
        ReportCache(root).save(data, report)
        index_cache.save(root, [m.text for m in report.measures()], {"starts": [[0]], "pinyin": [""]})
    finally:
        os.umask(old)
    for folder in (root, root / "reports", root / "index"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


def test_damaged_jieba_cache_is_deleted_before_jieba_reads_it(tmp_path: Path) -> None:
    """jieba marshal-loads its cache file itself; one that is not its (dict, total) pair goes."""
    from zimao_tui.search.segment import _drop_damaged_cache

    path = tmp_path / "jieba.cache"
    path.write_bytes(b"(\xff\xff\xff\x7f")
    _drop_damaged_cache(path)
    assert not path.exists()
    path.write_bytes(marshal.dumps(({"词": 1}, 1)))
    _drop_damaged_cache(path)
    assert path.exists()  # the shape jieba writes is left for jieba
    path.unlink()
    path.mkdir()
    with pytest.raises(IsADirectoryError):
        _drop_damaged_cache(path)
