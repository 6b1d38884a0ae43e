"""The parser: the bundled report, other encodings, deeper levels, bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from zimao_tui.document.errors import ReportError
from zimao_tui.document.parse import load_report, load_reports, parse_bytes, parse_text
from zimao_tui.document.report import Heading, Report
from zimao_tui.document.sentences import sentence_spans
from zimao_tui.paths import bundled_report

SOURCE = Path(__file__).parents[2] / "content" / "wuhan-ftz-innovation-2022.txt"


def _source_sentences(text: str) -> list[str]:
    """Every sentence of the report body, cut independently of the parser's tree code."""
    lines = [ln.strip(" \u00a0\u3000") for ln in text.splitlines()]
    body = [ln for ln in lines if len(ln) > 40]  # the report's paragraphs; headings are short
    return [p[s:e] for p in body for s, e in sentence_spans(p)]


def test_bundled_metadata(bundled: Report) -> None:
    assert bundled.title == "武汉自贸片区高质量发展创新举措"
    assert bundled.date == "2022-07-05"
    assert bundled.time == "09:52"
    assert bundled.source == ""
    assert bundled.encoding == "UTF-8"


def test_bundled_tree(bundled: Report) -> None:
    assert next(c.label for c in bundled.children) == "一、改革创新提升能级"
    assert len(bundled.children) == 5
    assert [len(c.children) for c in bundled.children] == [2, 4, 3, 4, 5]
    assert all(isinstance(s, Heading) and s.kind == "section" for c in bundled.children for s in c.children)
    assert bundled.children[2].children[0].label == "(一)光电子产业集群全面形成"
    assert 120 <= sum(1 for _ in bundled.measures()) <= 140


def test_bundled_has_no_junk(bundled: Report) -> None:
    texts = [m.text for m in bundled.measures()] + [h.title for h in bundled.headings()]
    assert not any("调整字体" in t or t[:2] == "来源" for t in texts)


def test_every_sentence_in_exactly_one_measure(bundled: Report) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    sentences = _source_sentences(text)
    assert len(sentences) > 120
    measures = [m.text for m in bundled.measures()]
    for sentence in sentences:
        assert sum(sentence in m for m in measures) == 1, sentence
    # and nothing else: the measures are exactly those sentences, verbatim
    assert sorted(measures) == sorted(sentences)


def test_measures_are_verbatim_slices(bundled: Report) -> None:
    for m in bundled.measures():
        assert bundled.paragraph_of(m)[m.start : m.end] == m.text


def test_ids_and_lookup(bundled: Report) -> None:
    m = bundled.node("3.2.5")
    assert m is not None and m.kind == "measure"
    assert [h.id for h in bundled.ancestors("3.2.5")] == ["3", "3.2"]
    assert bundled.node("9.9") is None
    ids = [m.id for m in bundled.measures()]
    assert len(ids) == len(set(ids))
    assert len({m.fingerprint for m in bundled.measures()}) == len(ids)


def test_bundled_report_is_shipped_byte_for_byte() -> None:
    shared = Path(__file__).parents[3] / "shared" / "reports" / "wuhan-ftz-innovation-2022.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert bundled_report().read_bytes() == shared.read_bytes()


@pytest.mark.parametrize(
    ("codec", "newline", "expected"),
    [
        ("gbk", "\n", "GB18030"),
        ("gb18030", "\r\n", "GB18030"),
        ("utf-16", "\n", "UTF-16LE"),
        ("utf-16-be", "\r", "UTF-16BE"),
        ("utf-8-sig", "\r\n", "UTF-8 (BOM)"),
    ],
)
def test_other_encodings_give_same_measures(bundled: Report, codec: str, newline: str, expected: str) -> None:
    text = SOURCE.read_text(encoding="utf-8").replace("\n", newline)
    if codec == "gbk":  # GBK has no NBSP; the report ends its headings with one
        text = text.replace("\u00a0", " ")
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    report = parse_bytes(data, "copy.txt")
    assert report.encoding == expected
    assert [m.text for m in report.measures()] == [m.text for m in bundled.measures()]
    assert [m.id for m in report.measures()] == [m.id for m in bundled.measures()]
    assert report.key == bundled.key


def test_fullwidth_report(data_dir: Path) -> None:
    r = load_report(data_dir / "fullwidth.txt")
    assert r.title == "关于推进某市高水平开放的若干措施"
    assert (r.date, r.time, r.source) == ("2023-03-08", "10:30", "某市商务局")
    assert [c.label for c in r.children] == ["前言", "一、优化营商环境", "二、扩大对外开放"]
    section = r.children[1].children[0]
    assert isinstance(section, Heading) and section.label == "（一）深化“放管服”改革"
    item = section.children[0]
    assert isinstance(item, Heading) and (item.kind, item.level, item.number) == ("item", 3, "1．")
    assert item.title == "推行“一业一证”改革"
    # the numbered line keeps its own sentences as measures
    assert [m.text for m in item.measures()][:2] == [
        "推行“一业一证”改革。",
        "将一个行业准入涉及的多张许可证整合为一张“行业综合许可证”，审批时限压缩至5个工作日！",
    ]
    sub = item.children[2]
    assert isinstance(sub, Heading) and (sub.level, sub.number) == (4, "（1）")
    circled = sub.children[-1]
    assert isinstance(circled, Heading) and (circled.level, circled.number) == (5, "①")
    item2 = section.children[1]
    assert isinstance(item2, Heading) and item2.number == "2、"
    assert any("《某市数字政府建设方案（2023—2025年）》" in m.text for m in item2.measures())
    texts = [m.text for m in r.measures()]
    assert not any(junk in t for t in texts for junk in ("字体", "打印", "分享到", "关闭窗口"))


def test_no_headings_is_one_implicit_chapter(data_dir: Path) -> None:
    r = load_report(data_dir / "noheadings.txt")
    assert len(r.children) == 1 and r.children[0].number == ""
    assert [m.text for m in r.measures()] == [
        "本通知自发布之日起施行。",
        "各单位要认真贯彻落实。",
        "如有问题，请及时反映。",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "文件是空的"),
        ("binary.bin", "二进制文件"),
        ("missing.txt", "文件不存在"),
    ],
)
def test_bad_files(data_dir: Path, name: str, message: str) -> None:
    with pytest.raises(ReportError, match=message):
        load_report(data_dir / name)


def test_directory_without_reports(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="文件夹里没有报告"):
        load_reports([tmp_path])


def test_folder_of_reports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SOURCE.read_bytes())
    (tmp_path / "b.txt").write_bytes(SOURCE.read_text(encoding="utf-8").encode("gb18030"))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")  # not a report format: not even looked at
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # a report format, but damaged: skipped, said
    skipped: list[object] = []
    reports = load_reports([tmp_path], skipped=skipped)
    assert [r.encoding for r in reports] == ["UTF-8", "GB18030"]
    assert len(skipped) == 1 and "notes.pdf" in str(skipped[0])


def test_a_folders_own_readme_and_sources_are_not_reports(tmp_path: Path) -> None:
    """A folder of reports keeps notes about itself (README.md, SOURCE.md): not one more report."""
    (tmp_path / "a.txt").write_bytes(SOURCE.read_bytes())
    (tmp_path / "SOURCE.md").write_text("# Sources\n\n- a.txt: from gov.cn, 2022-07-05.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# 说明\n\n一、本文件夹收录报告。\n", encoding="utf-8")
    (tmp_path / "plan.md").write_text("# 实施方案\n\n## 一、总体要求\n\n加快建设。\n", encoding="utf-8")
    (tmp_path / "notice.txt").write_bytes(SOURCE.read_bytes())  # a 通知 named in English: a report
    reports = load_reports([tmp_path])
    assert [Path(r.origin).name for r in reports] == ["a.txt", "notice.txt", "plan.md"]
    [readme] = load_reports([tmp_path / "README.md"])  # named on its own, it opens
    assert readme.format == "markdown"


def test_a_bad_file_in_a_folder_is_skipped_and_said_but_one_named_alone_fails(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SOURCE.read_bytes())
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.txt").write_bytes(bytes(range(256)) * 8)
    skipped: list = []
    reports = load_reports([tmp_path], skipped=skipped)
    assert len(reports) == 1 and len(skipped) == 2
    assert "b-empty.txt" in str(skipped[0]) and "c-binary.txt" in str(skipped[1])
    with pytest.raises(ReportError, match="empty"):
        load_reports([tmp_path])  # no list to say it in: strict
    with pytest.raises(ReportError, match="empty"):
        load_reports([tmp_path / "b-empty.txt"], skipped=[])  # named on its own: never skipped
    (tmp_path / "a.txt").unlink()
    with pytest.raises(ReportError, match="empty"):
        load_reports([tmp_path], skipped=[])  # nothing left to open


def test_title_only_is_an_error() -> None:
    with pytest.raises(ReportError, match="没有找到报告正文"):
        parse_text("只有标题\n\n打印本页\n")


def test_wrong_encoding_is_refused() -> None:
    big5 = "武漢自貿片區高質量發展創新舉措，實現了十餘項工作首創。".encode("big5") * 3
    with pytest.raises(ReportError, match=r"乱码|GB18030"):
        parse_bytes(big5, "big5.txt")


def test_errors_speak_the_language_chosen_when_they_are_printed(data_dir: Path) -> None:
    from zimao_tui.i18n import set_language

    with pytest.raises(ReportError) as caught:
        load_report(data_dir / "empty.txt")
    assert str(caught.value).endswith("empty.txt：文件是空的")
    set_language("en")
    try:
        assert str(caught.value).endswith("empty.txt: the file is empty")
    finally:
        set_language("zh")


def test_sentences_not_split_inside_quotes_or_titles() -> None:
    p = "他说：“先行先试。再复制推广！”随后出台《方案。第二版》并实施(试行。)。最后一句?"
    spans = sentence_spans(p)
    parts = [p[s:e] for s, e in spans]
    assert parts == ["他说：“先行先试。再复制推广！”随后出台《方案。第二版》并实施(试行。)。", "最后一句?"]


def test_ascii_punctuation_only_ends_chinese_sentences() -> None:
    text = "版本v1.2?不要拆。好!"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["版本v1.2?不要拆。", "好!"]


@pytest.mark.parametrize(("codec", "expected"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
@pytest.mark.parametrize("name", ["fullwidth.txt", "noheadings.txt"])
def test_utf16_without_bom(data_dir: Path, codec: str, expected: str, name: str) -> None:
    """Mostly-Chinese UTF-16 has few NUL bytes; it must still be read, in either byte order."""
    text = (data_dir / name).read_text(encoding="utf-8")
    report = parse_bytes(text.encode(codec), name)
    assert report.encoding == expected
    assert [m.text for m in report.measures()] == [m.text for m in parse_text(text).measures()]


def test_bundled_utf16_without_bom(bundled: Report) -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        report = parse_bytes(SOURCE.read_text(encoding="utf-8").encode(codec), "x.txt")
        assert [m.text for m in report.measures()] == [m.text for m in bundled.measures()]


def test_each_file_is_loaded_once(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "a.txt").write_bytes((data_dir / "fullwidth.txt").read_bytes())
    reports = load_reports([tmp_path, tmp_path / "a.txt", tmp_path / "." / "a.txt"])
    assert len(reports) == 1
