"""A bad argument is bad input like any other: one line on stderr naming what is wrong and where
to look, exit status 2, never argparse's usage block."""

from __future__ import annotations

import pytest

from zimao_tui.cli import main


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
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{where}: ") and says in err, err
    assert "usage:" not in err and f"see '{where} --help'" in err


def test_help_still_prints_the_whole_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["compare", "--help"])
    assert caught.value.code == 0 and "usage:" in capsys.readouterr().out
