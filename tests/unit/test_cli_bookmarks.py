"""``zimao-tui bookmarks``: list, add, remove and export, run as a script would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zimao_tui.cli import main
from zimao_tui.paths import bundled_report
from zimao_tui.store.bookmarks import BookmarkStore

TITLE = "武汉自贸片区高质量发展创新举措"


def listed(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    assert main(["bookmarks", "list", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_add_list_remove(capsys: pytest.CaptureFixture[str]) -> None:
    assert listed(capsys) == []
    assert (
        main(["bookmarks", "add", "3.2.5", "--note", "第一行\n第二行", "--tag", "生物", "--tag", "园区"]) == 0
    )
    assert "3.2.5" in capsys.readouterr().out
    [item] = listed(capsys)
    assert {k: item[k] for k in ("id", "text", "path", "note", "tags", "status")} == {
        "id": "3.2.5",
        "text": "建成“产城一体、错位发展”园区载体。",
        "path": ["三、产业发展提质增效", "(二)生命健康产业全国前列"],
        "note": "第一行\n第二行",
        "tags": ["生物", "园区"],
        "status": "resolved",
    }
    assert item["report"] == {"title": TITLE, "date": "2022-07-05"}
    # add again: --tag adds, no --note keeps the note
    assert main(["bookmarks", "add", "3.2.5", "--tag", "新"]) == 0
    capsys.readouterr()
    [item] = listed(capsys)
    assert (item["note"], item["tags"]) == ("第一行\n第二行", ["生物", "园区", "新"])
    assert main(["bookmarks", "remove", "3.2.5"]) == 0
    capsys.readouterr()
    assert listed(capsys) == []


def test_human_list(capsys: pytest.CaptureFixture[str]) -> None:
    main(["bookmarks", "add", "1.2.2", "--note", "复制推广", "--tag", "成果"])
    capsys.readouterr()
    assert main(["bookmarks", "list"]) == 0
    out = capsys.readouterr().out
    assert "1.2.2" in out and "复制推广" in out and "#成果" in out and "激发制度创新内生动力" in out


def test_export_markdown_quotes_with_citations(capsys: pytest.CaptureFixture[str]) -> None:
    main(["bookmarks", "add", "3.2.5", "--note", "笔记一\n笔记二", "--tag", "生物"])
    main(["bookmarks", "add", "1.2.2"])
    capsys.readouterr()
    assert main(["bookmarks", "export", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert f"> “建成‘产城一体、错位发展’园区载体。”——《{TITLE}》三、(二)，2022-07-05" in md
    assert f"> “目前,形成了97项改革成果在全省或湖北自贸区复制推广。”——《{TITLE}》一、(二)，2022-07-05" in md
    assert "笔记一  \n笔记二" in md and "#生物" in md
    assert md.index("三、(二)") < md.index("一、(二)")  # file order


def test_export_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["bookmarks", "add", "2.1.1", "--note", "n"])
    capsys.readouterr()
    assert main(["bookmarks", "export", "--format", "json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["id"] == "2.1.1" and item["note"] == "n" and item["created"]


def test_orphans_are_listed_and_removable_by_uid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["bookmarks", "add", "5.3.4", "--note", "会失效"])
    capsys.readouterr()
    text = (
        bundled_report()
        .read_text(encoding="utf-8")
        .replace("这是目前中国内地开通至拉丁美洲的首条货运航线。", "")
    )
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    [item] = listed(capsys, "--report", str(edited))
    assert item["status"] == "orphaned" and item["id"] is None and item["report_open"] is True
    assert item["text"] == "这是目前中国内地开通至拉丁美洲的首条货运航线。" and item["note"] == "会失效"
    assert main(["bookmarks", "export", "--report", str(edited)]) == 0
    assert "原文已不在报告中" in capsys.readouterr().out
    assert main(["bookmarks", "remove", "5.3.4", "--report", str(edited)]) == 2
    assert "5.3.4 上没有书签" in capsys.readouterr().err
    assert main(["bookmarks", "remove", str(item["uid"]), "--report", str(edited)]) == 0
    capsys.readouterr()
    assert listed(capsys) == []


def test_unknown_id_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bookmarks", "add", "9.9.9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zimao-tui: 没有编号为 9.9.9 的措施") and err.count("\n") == 1


def test_read_only_store_refuses_with_exit_2(
    user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = user_dirs["data"] / "bookmarks.toml"
    path.parent.mkdir(parents=True)
    content = "schema_version = 99\nbookmarks = []\n"
    path.write_text(content, encoding="utf-8")
    assert main(["bookmarks", "add", "1.1.1"]) == 2
    err = capsys.readouterr().err
    assert "schema_version = 99" in err and "只读" in err and "没有做任何修改" in err
    assert path.read_text(encoding="utf-8") == content


def test_corrupt_file_warning_on_stderr(
    user_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = user_dirs["data"] / "bookmarks.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01 not toml [[")
    assert main(["bookmarks", "list", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    [aside] = path.parent.glob("bookmarks.toml.corrupt-*")
    # a short Chinese sentence first, the path last: a toast may break the path mid-word
    assert captured.err.startswith("zimao-tui: 书签文件无法读取，已原样移到一旁，现从空书签开始。")
    assert captured.err.endswith(f"原文件：{aside}\n") and captured.err.count("\n") == 1


def test_subprocess_round_trip(user_dirs: dict[str, Path]) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "zimao_tui", "bookmarks", *args],
            capture_output=True,
            text=True,
            timeout=120,
            encoding="utf-8",
        )

    assert run("add", "4.1.3", "--note", "承诺即入").returncode == 0
    done = run("list", "--json")
    assert done.returncode == 0, done.stderr
    assert [i["id"] for i in json.loads(done.stdout)] == ["4.1.3"]
    assert len(BookmarkStore().bookmarks) == 1
    bad = run("remove", "nope")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_human_list_tells_a_closed_report_from_a_broken_bookmark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bookmark whose report is merely not open is fine: ``list`` must not call it 失效."""
    main(["bookmarks", "add", "5.3.4", "--note", "航线"])
    capsys.readouterr()
    other = Path(__file__).parent.parent / "data" / "fullwidth.txt"  # a different report
    [item] = listed(capsys, "--report", str(other))
    assert (item["status"], item["report_open"]) == ("orphaned", False)
    assert main(["bookmarks", "list", "--report", str(other)]) == 0
    out = capsys.readouterr().out
    assert "报告未打开" in out and "失效" not in out and "5.3.4" in out
    text = bundled_report().read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("这是目前中国内地开通至拉丁美洲的首条货运航线。", ""), encoding="utf-8")
    assert main(["bookmarks", "list", "--report", str(edited)]) == 0
    out = capsys.readouterr().out
    assert "失效" in out and "报告未打开" not in out


def test_add_and_remove_speak_chinese_like_the_rest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bookmarks", "add", "3.1.1"]) == 0
    [uid] = [b.uid for b in BookmarkStore().bookmarks]
    assert capsys.readouterr().out == f"已收藏 3.1.1（uid {uid}）\n"
    assert main(["bookmarks", "remove", "3.1.1"]) == 0
    assert capsys.readouterr().out == "已删除 3.1.1 的书签\n"
