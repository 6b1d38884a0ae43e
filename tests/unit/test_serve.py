"""``zimao-tui serve`` without a browser: the address checks, the command each visitor runs,
and bad input as one line with exit status 2 (the browser test is tests/e2e/test_browser.py)."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from zimao_tui.cli import main
from zimao_tui.cli.serve import app_command, check_port, is_loopback
from zimao_tui.document.errors import UserError


def test_loopback_addresses() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org", "10.0.0.1"):
        assert not is_loopback(host), host


def test_a_port_in_use_is_a_user_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UserError) as caught:
            check_port("127.0.0.1", port)
    assert f"127.0.0.1:{port}" in str(caught.value)
    check_port("127.0.0.1", port)  # free again once closed


@pytest.mark.parametrize("port", [0, 70000, -1])
def test_a_port_out_of_range_is_a_user_error(port: int) -> None:
    with pytest.raises(UserError):
        check_port("127.0.0.1", port)


def test_the_visitor_command_quotes_every_path(tmp_path: Path) -> None:
    odd = tmp_path / "a b; rm -rf x $(y)" / "报告.txt"
    command = app_command([odd], "en", read_only=True)
    assert command.startswith("exec ")  # the app replaces the shell: closing the tab ends it
    argv = shlex.split(command.removeprefix("exec "))
    assert argv == [sys.executable, "-m", "zimao_tui", str(odd.resolve()), "--lang", "en", "--read-only"]
    assert "--read-only" not in app_command([odd], "zh", read_only=False)


class FakeServer:
    """textual-serve's Server, recording what it was given instead of listening."""

    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, command: str, **options: Any) -> None:
        FakeServer.made.append({"command": command, **options})

    def serve(self) -> None:
        return None


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import textual_serve.server

    FakeServer.made = []
    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    return FakeServer.made


def test_serve_on_localhost_says_nothing_and_serves(
    fake_server: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "8765"]) == 0
    assert capsys.readouterr().err == ""
    [made] = fake_server
    assert made["host"] == "127.0.0.1" and made["port"] == 8765
    assert "wuhan-ftz-innovation-2022.txt" in made["command"]


def test_serving_beyond_localhost_warns_in_one_line(
    fake_server: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", "8766", "--read-only", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "anyone who can reach" in err and "0.0.0.0" in err
    assert fake_server[0]["command"].endswith("--lang en --read-only")


def test_a_bad_report_is_refused_before_listening(
    fake_server: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["serve", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err and "Traceback" not in err
    assert fake_server == []


def test_a_port_in_use_exits_2_with_one_line(
    fake_server: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(port) in err and fake_server == []
