"""The search index cache: hit, miss, stale, corrupt; the child-process build; a warm start
that imports neither jieba nor pypinyin; the shipped index of the bundled report is current."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.document.parse import load_report, parse_text
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.search import index_cache, segment
from zimao_tui.search.search import build_index, open_index

SMALL = "测试报告\n\n一、开放\n\n(一)跨境电商\n\n推进“先赋权后转化”改革，开通武汉至布拉格的中欧班列。银行行长到重庆调研。\n"


def texts(report: Report) -> list[str]:
    return [m.text for m in report.measures()]


@pytest.fixture
def small() -> Report:
    return parse_text(SMALL, origin="small.txt")


def cache_file(cache: Path, report: Report) -> Path:
    return index_cache.cache_path(cache, index_cache.cache_key(texts(report)))


def test_miss_builds_and_writes_then_hit_does_not_segment(
    small: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = build_index([small], cache_dir=cache)
    path = cache_file(cache, small)
    assert path.is_file()

    def no_jieba(*args: object) -> None:
        raise AssertionError("a warm cache must not segment again")

    monkeypatch.setattr(segment, "analyse", no_jieba)
    second = build_index([small], cache_dir=cache)
    assert (
        [h.measure.id for h in second.search("blg")]
        == [h.measure.id for h in first.search("blg")]
        == ["1.1.1"]
    )


def test_polyphonic_characters_read_as_in_their_word(small: Report, tmp_path: Path) -> None:
    index = build_index([small], cache_dir=tmp_path)
    text = small.node("1.1.2").text  # type: ignore[union-attr]
    hit = index.search("yinhanghangzhang")[0]
    assert [text[a:b] for a, b in hit.spans] == ["银行行长"]
    hit = index.search("chongqing")[0]
    assert [text[a:b] for a, b in hit.spans] == ["重庆"]


def test_coined_terms_become_jieba_words(small: Report, tmp_path: Path) -> None:
    data = segment.analyse(texts(small), tmp_path)
    text = texts(small)[0]
    start = text.index("先赋权后转化")  # not in content/userdict.txt: learnt from the report
    assert start in data["starts"][0] and start + 6 in data["starts"][0]
    assert [s for s in data["starts"][0] if start < s < start + 6] == []


def test_stale_cache_is_a_miss(small: Report, tmp_path: Path) -> None:
    build_index([small], cache_dir=tmp_path)
    changed = parse_text(SMALL.replace("布拉格", "布达佩斯"), origin="small.txt")
    assert index_cache.load(tmp_path, texts(changed)) is None
    index = build_index([changed], cache_dir=tmp_path)
    assert index.search("bdps")
    assert len(list((tmp_path / index_cache.KIND).glob("*.json"))) == 2


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\xff\xfe not json", b"{", b"[]", b'{"version": 1}', b"null"],
    ids=["empty", "binary", "truncated", "list", "no-fields", "null"],
)
def test_corrupt_cache_is_rebuilt_silently(small: Report, tmp_path: Path, garbage: bytes) -> None:
    build_index([small], cache_dir=tmp_path)
    path = cache_file(tmp_path, small)
    path.write_bytes(garbage)
    assert index_cache.load(tmp_path, texts(small)) is None
    index = build_index([small], cache_dir=tmp_path)
    assert index.search("布拉格")
    assert index_cache.load(tmp_path, texts(small)) is not None


def test_cache_for_another_text_under_the_right_name_is_rejected(small: Report, tmp_path: Path) -> None:
    build_index([small], cache_dir=tmp_path)
    path = cache_file(tmp_path, small)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pinyin"][0] = "a|b"  # one syllable per character no longer holds
    path.write_text(json.dumps(data), encoding="utf-8")
    assert index_cache.load(tmp_path, texts(small)) is None


def test_open_index_builds_a_cold_cache_in_a_child_process(small: Report, tmp_path: Path) -> None:
    index = open_index([small], cache_dir=tmp_path)
    assert cache_file(tmp_path, small).is_file()
    assert [h.measure.id for h in index.search("zobl")] == ["1.1.1"]


def test_open_index_reports_a_failing_child(small: Report, tmp_path: Path) -> None:
    """A child that fails is a RuntimeError naming the work and the child's error (its last
    line, not a traceback). An unwritable cache is no longer a failure: test_cache_safety."""
    from zimao_tui.search.child import run_child

    with pytest.raises(RuntimeError, match=r"building the search index failed: .*No module named"):
        run_child("zimao_tui.search.no_such_module", {}, "building the search index")


def _fresh_python(code: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZIMAO_TUI_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env, check=True
    )


WARM_START = """
import sys
from pathlib import Path
from zimao_tui.document.parse import load_reports
from zimao_tui.search.search import open_index
index = open_index(load_reports([Path(p) for p in sys.argv[1:]] or [__import__('zimao_tui.paths').paths.bundled_report()]))
for q in ("zscq", "知识产全", "诉前 调解", "自贸区", "'x", "!y"):
    index.search(q)
print(sorted(m for m in ("jieba", "pypinyin") if m in sys.modules))
"""


def test_bundled_report_starts_without_jieba_or_pypinyin(tmp_path: Path) -> None:
    """The shipped index makes even the first run (empty user cache) jieba-free."""
    out = _fresh_python(WARM_START, tmp_path / "empty-cache")
    assert out.stdout.strip() == "[]"
    assert out.stderr == ""


def test_warm_cache_starts_without_jieba_or_pypinyin(tmp_path: Path, data_dir: Path) -> None:
    cache = tmp_path / "cache"
    report = data_dir / "fullwidth.txt"
    build_index([load_report(report)], cache_dir=cache)
    code = WARM_START.replace("sys.argv[1:]", repr([str(report)]))
    out = _fresh_python(code, cache)
    assert out.stdout.strip() == "[]"


FIRST_PAINT = """
import sys
from zimao_tui.ui import launch, app
print(sorted(m for m in sys.modules if m.startswith(("zimao_tui.insights.figure", "zimao_tui.insights.terms"))))
"""


def test_the_start_path_leaves_the_figure_and_term_rules_unimported(tmp_path: Path) -> None:
    """Their imports and patterns cost ~20 ms of start-up; the first paint does without them
    (``insights_for(defer_summary=True)``) and they come right after it."""
    out = _fresh_python(FIRST_PAINT, tmp_path / "cache")
    assert out.stdout.strip() == "[]"


def test_cold_build_prints_nothing(tmp_path: Path, data_dir: Path) -> None:
    """jieba's "Building prefix dict" chatter would paint over the TUI."""
    code = WARM_START.replace("sys.argv[1:]", repr([str(data_dir / "fullwidth.txt")]))
    out = _fresh_python(code, tmp_path / "cold")
    assert out.stderr == ""
    assert (tmp_path / "cold" / "jieba.cache").is_file()


def test_shipped_index_is_current(tmp_path: Path) -> None:
    """Fails when the report, the user dictionary or INDEX_VERSION changed without
    regenerating it: run ``python -m zimao_tui.search.index_cache``."""
    report_texts = texts(load_report(bundled_report()))
    key = index_cache.cache_key(report_texts)
    shipped = index_cache.cache_path(index_cache.shipped_dir(), key)
    assert shipped.is_file(), "run: python -m zimao_tui.search.index_cache"
    assert index_cache.load(tmp_path / "empty", report_texts) is not None
    fresh = index_cache.dumps(report_texts, segment.analyse(report_texts, tmp_path))
    assert shipped.read_text(encoding="utf-8") == fresh
    assert [p.name for p in shipped.parent.glob("*.json")] == [shipped.name]  # no stale leftovers
