"""Page furniture rules, one at a time (zimao_tui/document/furniture.py, content/furniture.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zimao_tui.document import furniture as fu
from zimao_tui.paths import content_dir


@pytest.fixture(autouse=True)
def fresh_rules() -> Iterator[None]:
    """Each test reads the rules afresh (they are cached per process, and the config dir is per test)."""
    fu.reload_rules()
    yield
    fu.reload_rules()


def test_the_data_file_ships_with_the_content() -> None:
    assert (content_dir() / fu.FURNITURE_FILE).is_file()
    assert fu.furniture_notices() == ()


@pytest.mark.parametrize(
    "line",
    [
        "扫一扫在手机打开当前页",
        "【我要纠错】",
        "打印本页",
        "关闭窗口",
        "分享到：",
        "【字体：大 中 小】",
        "调整字体",
        "字号变大 | 字号变小",
        "【打印】【关闭】",
        "[打印本页] [关闭窗口]",
        "姊妹计划: 数据项",
    ],
)
def test_anywhere(line: str) -> None:
    assert fu.is_anywhere_furniture(line)


@pytest.mark.parametrize(
    "line", ["全屏", "收藏", "【字号：", "加大", "还原", "减小", "】", "下载", "分享:", "登录"]
)
def test_widgets(line: str) -> None:
    assert fu.is_widget(line)


@pytest.mark.parametrize(
    "line",
    ["您的位置：首页 > 政策 > 最新", "当前位置:新闻 > 2017全国两会 > 正文", "首页 > 正文", "中国政府网"],
)
def test_navigation(line: str) -> None:
    assert fu.is_navigation(line)


@pytest.mark.parametrize(
    "line",
    [
        "记者 李森 摄",
        "3月5日，李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。新华社记者 黄敬文 摄",
        "（新华社记者 庞兴雷 摄）",
        "本报记者 吕建荣摄影",
    ],
)
def test_captions_end_with_the_photographer(line: str) -> None:
    assert fu.is_caption(line)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("相关报道：", "related"),
        ("相关文档", "related"),
        ("【相关链接】", "related"),
        ("本作品是中华人民共和国的", "licence"),
        ("Public domain", "licence"),
        (
            "此美国政府作品在全世界都属于公有领域，因为它是美国联邦政府雇员在其职责范围内创作的作品。",
            "licence",
        ),
        ("本作品收录于：《中华人民共和国国务院公报》", "licence"),
        ("版权所有：中华人民共和国中央人民政府", "furniture"),
        ("京ICP备05070218号", "furniture"),
    ],
)
def test_end_markers(line: str, reason: str) -> None:
    assert fu.end_reason(line) == reason


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        ("来源：解放日报", [("来源", "解放日报")]),
        ("时间：2026-02-09", [("时间", "2026-02-09")]),
        ("2022-07-05 09:52 来源:", [("", "2022-07-05 09:52"), ("来源", "")]),
        ("2026-03-16 10:40:34 | 来源:泰州日报", [("", "2026-03-16 10:40:34"), ("来源", "泰州日报")]),
        ("【编辑:付子豪】", [("编辑", "付子豪")]),
        ("（责任编辑：孙启浩 CN037）", [("责任编辑", "孙启浩 CN037")]),
        (
            "发布时间：2019-01-01 来源：国务院办公厅 阅读量：1234",
            [("发布时间", "2019-01-01"), ("来源", "国务院办公厅"), ("阅读量", "1234")],
        ),
    ],
)
def test_label_value_lines(line: str, pairs: list[tuple[str, str]]) -> None:
    assert fu.label_values(line) == pairs


@pytest.mark.parametrize(
    "line",
    [
        "一、会议时间：2019年3月15日",  # a numbered item of a notice's own text
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "坚持稳中求进。来源：国家统计局的数据显示增长5%。",
        "其中来源：财政资金",
    ],
)
def test_text_is_not_a_label_value_line(line: str) -> None:
    assert fu.label_values(line) is None


def test_bare_marks_are_not_text() -> None:
    assert fu.no_text("false") and fu.no_text("-->") and fu.no_text("|")
    assert not fu.no_text("国务院")


def test_a_user_file_adds_patterns(user_dirs: dict[str, Path]) -> None:
    assert not fu.is_widget("听新闻")
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / fu.FURNITURE_FILE).write_text('[lines]\nwidgets = ["听新闻"]\n', encoding="utf-8")
    fu.reload_rules()
    assert fu.is_widget("听新闻")
    assert fu.is_widget("全屏"), "the user's patterns add to the bundled ones"
    assert fu.furniture_notices() == ()


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("[lines\nwidgets = 1", "notice.furniture_invalid"),
        ('[lines]\nwidgets = "听新闻"\n', "notice.furniture_not_list"),
        ('[lines]\ngadgets = ["x"]\n', "notice.furniture_key"),
        ('[lines]\nwidgets = ["(unclosed"]\n', "notice.furniture_pattern"),
    ],
)
def test_a_broken_user_file_is_a_notice_not_a_crash(
    user_dirs: dict[str, Path], content: str, key: str
) -> None:
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / fu.FURNITURE_FILE).write_text(content, encoding="utf-8")
    fu.reload_rules()
    assert [n.key for n in fu.furniture_notices()] == [key]
    assert fu.is_widget("全屏"), "the bundled rules still apply"
    assert str(fu.furniture_notices()[0])  # worded in the interface language


def test_a_user_file_that_is_not_utf8_is_a_notice(user_dirs: dict[str, Path]) -> None:
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / fu.FURNITURE_FILE).write_bytes('[lines]\nwidgets = ["听新闻"]\n'.encode("gbk"))
    fu.reload_rules()
    assert [n.key for n in fu.furniture_notices()] == ["notice.furniture_unreadable"]


def test_fingerprint_changes_with_the_user_file(user_dirs: dict[str, Path]) -> None:
    before = fu.fingerprint()
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / fu.FURNITURE_FILE).write_text('[lines]\nwidgets = ["听新闻"]\n', encoding="utf-8")
    assert fu.fingerprint() != before


def test_notices_do_not_compile_the_rules(user_dirs: dict[str, Path]) -> None:
    """The app asks for the notices at start-up; the rules compile only when a report is parsed."""
    assert fu.furniture_notices() == ()
    assert fu.rules.cache_info().currsize == 0


def test_the_app_shows_a_broken_user_file_at_start_up(
    monkeypatch: pytest.MonkeyPatch, user_dirs: dict[str, Path]
) -> None:
    from zimao_tui.ui.app import ZimaoApp
    from zimao_tui.ui.launch import launch

    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / fu.FURNITURE_FILE).write_text("[lines\n", encoding="utf-8")
    fu.reload_rules()
    seen: list[list[str]] = []
    monkeypatch.setattr(ZimaoApp, "run", lambda self, *a, **k: seen.append([str(w) for w in self._warnings]))
    assert launch() == 0
    assert any("TOML" in w and fu.FURNITURE_FILE in w for w in seen[0])


def test_start_up_without_a_user_file_does_not_import_the_furniture_module() -> None:
    import subprocess
    import sys

    code = "import sys, zimao_tui.ui.launch as l; l._furniture_notices(); print('zimao_tui.document.furniture' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
