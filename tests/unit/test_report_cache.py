"""The report cache: a hit is the very parse of the same bytes; anything doubtful is a miss."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from test_properties import _reports

from zimao_tui.document import parse
from zimao_tui.document.parse import load_report, load_reports, parse_bytes
from zimao_tui.document.report import Heading, Node, Report
from zimao_tui.paths import bundled_report
from zimao_tui.store.report_cache import ReportCache


def tree(report: Report) -> list[tuple[object, ...]]:
    """Everything a parse produces, node by node (ids, texts, offsets, heading fields)."""

    def walk(nodes: tuple[Node, ...]) -> list[tuple[object, ...]]:
        out: list[tuple[object, ...]] = []
        for node in nodes:
            if isinstance(node, Heading):
                out.append((node.id, node.kind, node.number, node.title, node.level))
                out.extend(walk(node.children))
            else:
                out.append((node.id, node.text, node.paragraph, node.start, node.fingerprint))
        return out

    meta = (report.title, report.date, report.time, report.source, report.encoding, report.origin)
    meta += (
        report.subtitle,
        report.speaker,
        report.issuer,
        report.doc_number,
        report.date_source,
        report.dropped,
    )
    return [meta, report.paragraphs, *walk(report.children)]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "report.txt"
    target.write_bytes(bundled_report().read_bytes())
    return target


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes, origin: str = "") -> Report:
        raise AssertionError("parsed although the cache holds this report")

    monkeypatch.setattr(parse, "parse_bytes", refuse)


def test_miss_then_hit_gives_the_same_report(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ReportCache(tmp_path / "cache")
    first = load_report(copy, cache)
    assert cache.path_for(copy.read_bytes()).is_file() and cache.warnings == []
    no_parsing(monkeypatch)
    again = load_report(copy, cache)
    assert again == first and tree(again) == tree(first)
    assert again.node("3.2.1") == first.node("3.2.1")
    assert again.ancestors("3.2.1") == first.ancestors("3.2.1")


def test_origin_is_the_path_asked_for_not_the_one_cached(copy: Path, tmp_path: Path) -> None:
    cache = ReportCache(tmp_path / "cache")
    load_report(copy, cache)
    other = tmp_path / "elsewhere.txt"
    other.write_bytes(copy.read_bytes())
    assert load_report(other, cache).origin == str(other)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_every_encoding_round_trips(copy: Path, tmp_path: Path, encoding: str) -> None:
    copy.write_bytes(bundled_report().read_text(encoding="utf-8").encode(encoding))
    cache = ReportCache(tmp_path / "cache")
    parsed = load_report(copy, cache)
    back = cache.load(copy.read_bytes(), str(copy))
    assert back is not None and tree(back) == tree(parsed) and back.encoding == parsed.encoding


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=_reports())
def test_generated_reports_round_trip(tmp_path: Path, generated: tuple[str, list[str]]) -> None:
    data = generated[0].encode("utf-8")
    cache = ReportCache(tmp_path / "prop")
    parsed = parse_bytes(data, "<gen>")
    cache.save(data, parsed)
    back = cache.load(data, "<gen>")
    assert back is not None and tree(back) == tree(parsed)


def test_an_edit_misses_even_with_the_same_size(copy: Path, tmp_path: Path) -> None:
    cache = ReportCache(tmp_path / "cache")
    load_report(copy, cache)
    data = copy.read_bytes()
    edited = data.replace("5亿元".encode(), "6亿元".encode(), 1)
    assert len(edited) == len(data) and edited != data
    # Even a file filed under the edited bytes' name must hold those bytes to count.
    cache.path_for(edited).write_bytes(cache.path_for(data).read_bytes())
    assert cache.load(edited, str(copy)) is None
    copy.write_bytes(edited)
    assert "6亿元" in "".join(m.text for m in load_report(copy, cache).measures())


def test_the_stamp_follows_the_parser_source() -> None:
    """An edited parser must not read what the old one parsed: its source is in the stamp."""
    from zimao_tui import document
    from zimao_tui.document import decode, report, sentences
    from zimao_tui.store.report_cache import _stamp

    crc = 0
    for module in (decode, parse, report, sentences):
        crc = zlib.crc32(Path(module.__file__ or "").read_bytes(), crc)
    folder = Path(document.__file__ or "").parent
    files = sorted(folder.rglob("*.py"))  # the format readers (formats/html.py) count too
    names = {f.relative_to(folder).as_posix() for f in files}
    assert names >= {"lines.py", "metadata.py", "styles.py", "tree.py", "pipeline.py", "formats/html.py"}
    for file in files:
        info = file.stat()
        name = file.relative_to(folder).as_posix()
        crc = zlib.crc32(f"{name}:{info.st_size}:{info.st_mtime_ns}".encode(), crc)
    assert _stamp()[-2] == crc


def stamped(payload: object) -> bytes:
    from zimao_tui.store.report_cache import _stamp

    return marshal.dumps((_stamp(), *payload)) if isinstance(payload, tuple) else marshal.dumps(payload)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00garbage\xff",
        "truncate",
        marshal.dumps(("old", b"", ())),
        marshal.dumps([1, 2, 3]),
        "wrong-shape",
        "measure-outside",
    ],
    ids=["empty", "garbage", "truncated", "other-stamp", "not-a-triple", "wrong-shape", "measure-outside"],
)
def test_a_damaged_file_is_a_miss_and_is_rewritten(copy: Path, tmp_path: Path, damage: object) -> None:
    cache = ReportCache(tmp_path / "cache")
    good = load_report(copy, cache)
    data = copy.read_bytes()
    path = cache.path_for(data)
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "wrong-shape":
        path.write_bytes(stamped((data, ("t", "d", "", "", "UTF-8", ("p",), (("x", 1),)))))
    elif damage == "measure-outside":
        path.write_bytes(
            stamped(
                (
                    data,
                    (
                        "t",
                        "d",
                        "",
                        "",
                        "UTF-8",
                        ("短",),
                        (("h", "1", "chapter", "一、", "x", 1, (("m", "1.1", 0, 0, 99),)),),
                    ),
                )
            )
        )
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    assert cache.load(data, str(copy)) is None
    assert tree(load_report(copy, cache)) == tree(good)
    assert cache.load(data, str(copy)) is not None  # rewritten


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_warns_and_still_opens(copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        cache = ReportCache(folder)
        report = load_report(copy, cache)
    finally:
        folder.chmod(0o700)
    assert report.title and len(cache.warnings) == 1 and "无法保存已解析的报告" in str(cache.warnings[0])


def test_an_unwritable_cache_warns_even_as_root(copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = ReportCache(blocker)
    report = load_report(copy, cache)
    assert report.title and len(cache.warnings) == 1 and str(blocker) in str(cache.warnings[0])
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_warm_start_neither_parses_nor_compiles_the_parser(copy: Path, tmp_path: Path) -> None:
    """In a fresh process, as the app starts: the parser's patterns are never compiled."""
    folder = tmp_path / "cache"
    load_reports([copy], ReportCache(folder))
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from zimao_tui.document import parse\n"
        "from zimao_tui.store.report_cache import ReportCache\n"
        "cache = ReportCache(Path(sys.argv[2]))\n"
        "[r] = parse.load_reports([Path(sys.argv[1])], cache)\n"
        "compiled = sum(getattr(f, 'cache_info')().currsize for name, m in list(sys.modules.items())"
        " if name.startswith('zimao_tui.document') for f in vars(m).values() if hasattr(f, 'cache_info'))\n"
        "loaded = sorted(n for n in sys.modules if n.startswith('zimao_tui.document.'))\n"
        "print(json.dumps({'compiled': compiled, 'loaded': loaded, 'measures': sum(1 for _ in r.measures()),"
        " 'warnings': cache.warnings}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(copy), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    # The report model and the file reader live in document/ too; the parser proper (lines,
    # metadata, furniture, numerals, styles, tree, pipeline) and every format reader (decode
    # included) must not be loaded.
    reader = [f"zimao_tui.document.{m}" for m in ("errors", "formats", "formats.source", "parse", "report")]
    assert json.loads(out.stdout) == {"compiled": 0, "loaded": reader, "measures": 126, "warnings": []}


def test_only_the_newest_files_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zimao_tui.store import cache as cache_layer

    monkeypatch.setattr(cache_layer, "KEEP_ENTRIES", 3)
    cache = ReportCache(tmp_path / "cache")
    texts = [f"标题{i}\n\n第{i}段正文。\n".encode() for i in range(5)]
    for i, data in enumerate(texts):
        cache.save(data, parse_bytes(data, f"r{i}"))
        os.utime(cache.path_for(data), ns=(i * 10**9, i * 10**9))  # written one second apart
    kept = sorted(p.name for p in cache.folder.glob("*.marshal"))
    assert kept == sorted(cache.path_for(d).name for d in texts[2:])
    assert cache.load(texts[4], "r4") is not None and cache.load(texts[0], "r0") is None


def test_a_user_furniture_rule_makes_cached_parses_stale(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Furniture rules decide what is body: a user's new furniture.toml must re-parse documents."""
    from zimao_tui.store import report_cache

    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ZIMAO_TUI_CONFIG_DIR", str(config))
    cache = ReportCache(tmp_path / "cache")
    load_report(copy, cache)
    assert cache.load(copy.read_bytes(), str(copy)) is not None
    (config / "furniture.toml").write_text('lines = ["调整字体"]\n', encoding="utf-8")
    assert cache.load(copy.read_bytes(), str(copy)) is None
    assert report_cache._stamp()[-1] != "-|-"
