"""Keyword cache: built once with jieba, read back without it, rebuilt when damaged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.document.report import Report
from zimao_tui.insights import keywords as kw


@pytest.fixture(scope="module")
def built(bundled: Report, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    cache = tmp_path_factory.mktemp("kwcache")
    return cache, kw.build_keywords(bundled, cache)


def test_miss_then_hit(bundled: Report, tmp_path: Path, built: tuple[Path, dict[str, list[str]]]) -> None:
    assert kw.cached_keywords(bundled, tmp_path) is None
    cache, keywords = built
    assert kw.cached_keywords(bundled, cache) == keywords


def test_every_chapter_and_section_has_keywords(
    bundled: Report, built: tuple[Path, dict[str, list[str]]]
) -> None:
    _, keywords = built
    ids = {h.id for h in bundled.headings() if h.kind in ("chapter", "section")}
    assert set(keywords) == ids
    assert all(1 <= len(words) <= kw.TOP_K for words in keywords.values())
    assert "知识产权" in keywords["2.4"] and "集装箱" in keywords["5.2"]
    assert "三区联动" in keywords["1.2"] and "多元解纷工作站" in keywords["4.4"]  # coined terms stay whole
    flat = [w for words in keywords.values() for w in words]
    assert "十九" not in flat and "第十二届" not in flat and "工作" not in flat


@pytest.mark.parametrize(
    "damage", ["{not json", '{"version": 2, "keywords": [1, 2]}', '{"version": 0}', "\udcff"]
)
def test_corrupt_cache_is_rebuilt(
    bundled: Report, tmp_path: Path, built: tuple[Path, dict[str, list[str]]], damage: str
) -> None:
    path = kw.cache_path(bundled, tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage.encode("utf-8", "surrogateescape"))
    assert kw.cached_keywords(bundled, tmp_path) is None
    assert kw.build_keywords(bundled, tmp_path) == built[1]
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == kw.VERSION


def test_cache_key_follows_the_text(bundled: Report, tmp_path: Path) -> None:
    from dataclasses import replace

    edited = replace(bundled, paragraphs=(*bundled.paragraphs[:-1], bundled.paragraphs[-1] + "新增。"))
    assert kw.cache_path(edited, tmp_path) != kw.cache_path(bundled, tmp_path)


def test_default_cache_dir_is_the_app_cache(bundled: Report, user_dirs: dict[str, Path]) -> None:
    assert kw.cache_path(bundled).parent == user_dirs["cache"] / "keywords"


def test_reading_the_cache_never_imports_jieba(
    bundled: Report, built: tuple[Path, dict[str, list[str]]]
) -> None:
    cache, keywords = built
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from zimao_tui.document.parse import load_report\n"
        "from zimao_tui.paths import bundled_report\n"
        "from zimao_tui.insights.keywords import cached_keywords\n"
        f"k = cached_keywords(load_report(bundled_report()), Path({str(cache)!r}))\n"
        "print(len(k or {}), any(m == 'jieba' or m.startswith('jieba.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == [str(len(keywords)), "False"]


def test_ensure_keywords_builds_in_a_child_process(tmp_path: Path) -> None:
    """The app's path: a cold cache is filled by a child, so this process never loads jieba."""
    code = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from zimao_tui.insights.keywords import ensure_keywords, cached_keywords\n"
        "from zimao_tui.document.parse import load_report\n"
        "from zimao_tui.paths import bundled_report\n"
        "r = load_report(bundled_report())\n"
        f"cache = Path({str(tmp_path)!r})\n"
        "assert cached_keywords(r, cache) is None\n"
        "[k] = ensure_keywords([r], cache)\n"
        "print(json.dumps({'jieba': 'jieba' in sys.modules, 'sections': len(k), 'has_3_1': bool(k['3.1'])}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(out.stdout) == {"jieba": False, "sections": 23, "has_3_1": True}
    assert out.stderr == ""
    # jieba's dictionary cache stays in our folder. Checked here, in a fresh process: jieba
    # sets itself up once per process, so in the test process an earlier test's folder wins.
    assert (tmp_path / "jieba.cache").is_file()


def test_divisions_of_every_kind_get_keywords_articles_and_items_do_not(tmp_path: Path) -> None:
    from zimao_tui.document.parse import parse_text
    from zimao_tui.insights.keywords import _job

    text = "\n".join(
        [
            "国务院关于印发工作规则的通知",
            "第一章 总则",
            "第一条 本规则适用于全国。",
            "附件",
            "名词解释",
            "一、术语",
            "术语说明。",
        ]
    )
    report = parse_text(text)
    kinds = {report.node(i).kind for i in _job(report)["docs"]}  # type: ignore[union-attr]
    assert kinds == {"chapter", "attachment", "section"}
