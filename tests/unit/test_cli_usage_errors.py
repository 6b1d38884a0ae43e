"""A bad argument is bad input like any other: one line on stderr naming what is wrong and where
to look, exit status 2, never argparse's usage block."""

from __future__ import annotations

import argparse
import re

import pytest

from zimao_tui.cli import COMMANDS, app_parser, command_parser, main
from zimao_tui.cli.help_zh import translate
from zimao_tui.i18n import set_language


@pytest.mark.parametrize(
    ("args", "where", "says"),
    [
        (["compare", "a.md"], "zimao-tui compare", "required: B"),
        (["search", "x", "--limit", "abc"], "zimao-tui search", "--limit"),
        (["trends", "--top", "abc"], "zimao-tui trends", "--top"),
        (["--lang", "fr"], "zimao-tui", "'fr'"),
        (["--bogus"], "zimao-tui", "--bogus"),
        (["outline", "--bogus"], "zimao-tui", "--bogus"),
        (["serve", "--port", "eighty"], "zimao-tui serve", "--port"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(
    args: list[str], where: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*args, "--lang", "en"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{where}: ") and says in err, err
    assert "usage:" not in err and f"see '{where} --help'" in err


def test_help_still_prints_the_whole_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["compare", "--help", "--lang", "en"])
    assert caught.value.code == 0 and "usage:" in capsys.readouterr().out


# ------------------------------------------------------------------ in the interface language


def _parsers() -> list[argparse.ArgumentParser]:
    """Every parser of the command line: the app's, the commands', and theirs (bookmarks' actions)."""
    found = [app_parser()]
    todo = [command_parser()]
    while todo:
        parser = todo.pop()
        found.append(parser)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())
    return found


def _texts(parser: argparse.ArgumentParser) -> list[str]:
    """The English a parser's ``--help`` shows: description, epilog, each option's help and
    each subcommand's one-line help."""
    texts = [parser.description or "", parser.epilog or ""]
    for action in parser._actions:
        texts.append(action.help or "")
        texts += [choice.help or "" for choice in getattr(action, "_choices_actions", [])]
    return [text for text in texts if text and text != argparse.SUPPRESS]


def test_every_help_string_has_its_chinese() -> None:
    """An option added without its line in cli/help_zh.py fails here, not in a user's terminal."""
    set_language("zh")
    try:
        texts = {text for parser in _parsers() for text in _texts(parser)}
        # made in Chinese already (argparse's own, through the hook) or translated here
        missing = {
            text for text in texts if translate(text) == text and not re.search(r"[\u4e00-\u9fff]", text)
        }
    finally:
        set_language("zh")
    assert not missing, sorted(missing)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS), ["bookmarks", "add"]])
def test_help_speaks_the_interface_language(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` under ``--lang zh`` has argparse's words in Chinese too; under ``--lang en`` no
    Chinese at all (the reverse)."""
    for lang in ("zh", "en"):
        with pytest.raises(SystemExit) as caught:
            main([*command, "--help", "--lang", lang])
        assert caught.value.code == 0
        out = capsys.readouterr().out
        if lang == "zh":
            assert out.startswith("用法：") and "show this help" not in out and "options" not in out, out
            assert re.search(r"[\u4e00-\u9fff]", out.split("\n\n", 2)[-1])
        else:
            assert out.startswith("usage: ") and not re.search(r"[\u4e00-\u9fff]", out), out


def test_a_usage_error_speaks_the_interface_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "--lang", "zh"])
    err = capsys.readouterr().err
    assert err == "zimao-tui search: 给出 QUERY 或 --stdin 之一（见“zimao-tui search --help”）\n"
    with pytest.raises(SystemExit):
        main(["outline", "--bogus", "--lang", "zh"])
    assert capsys.readouterr().err.startswith("zimao-tui: 无法识别的参数：--bogus")
