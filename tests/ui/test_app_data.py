"""The app with a hostile keymap, and bookmark changes that must not freeze the UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, press, sync, wait_ready  # noqa: F401  (app_env is a fixture)

from zimao_tui.document.report import Report
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.keymap import checked_keymap, valid_key
from zimao_tui.ui.textual_compat import notifications

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (100, 32)


def toasts(app: ZimaoApp) -> list[str]:
    return [str(n.message) for n in notifications(app)]


HOSTILE = {
    "zimao.search": "notakey",  # only a bad key: the default / stays
    "zimao.copy": "x,Escape2",  # one good key, one bad
    "zimao.nosuch": "y",  # no such binding
    "zimao.quit": "ctrl+notakey",  # would leave no quit key
    "zimao.help": "q",  # would take q from quit
}


@sync
async def test_a_hostile_keymap_is_warned_about_and_q_still_quits(bundled: Report) -> None:
    app = make_app([bundled], keys=dict(HOSTILE))
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        messages = "\n".join(toasts(app))
        for needle in ("notakey", "Escape2", "zimao.nosuch", "ctrl+notakey", "zimao.help"):
            assert needle in messages, (needle, messages)
        keys = app.screen.active_bindings
        assert not any("notakey" in key or "Escape2" in key for key in keys)  # the footer shows none
        assert keys["slash"].binding.id == "zimao.search"
        assert keys["x"].binding.id == "zimao.copy"
        assert keys["question_mark"].binding.id == "zimao.help"
        await press(pilot, "right_square_bracket", "x")
        assert app.clipboard == bundled.node("1.1.1").text  # type: ignore[union-attr]
        await press(pilot, "q")
        assert app.return_code == 0  # q quit


@sync
async def test_quit_moved_elsewhere_still_keeps_q(bundled: Report) -> None:
    app = make_app([bundled], keys={"zimao.quit": "ctrl+x"})
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        assert app.screen.active_bindings["ctrl+x"].binding.id == "zimao.quit"
        await press(pilot, "q")
        assert app.return_code == 0


def test_key_names(tmp_path: Path) -> None:
    import zimao_tui.ui.app  # noqa: F401  (the explorer's bindings are the ones checked)

    for key in ("x", "G", "slash", "ctrl+f", "f5", "home", "question_mark", "left_square_bracket", "minus"):
        assert valid_key(key), key
    for key in ("notakey", "", "ctrl+", "ctrl+ctrl+a", "hyperx+a", "latin_small_letter_a", "Escape", "F5"):
        assert not valid_key(key), key
    keymap, warnings = checked_keymap({"zimao.bookmarks.quit": "q", "zimao.figures_close": "w"}, tmp_path)
    assert keymap == {"zimao.bookmarks.quit": "q", "zimao.figures_close": "w"} and warnings == []


@sync
async def test_b_while_another_process_holds_the_lock_does_not_freeze_the_app(
    bundled: Report, user_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from zimao_tui.store import bookmarks as store_module
    from zimao_tui.ui.widgets.detail import DetailPane

    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 4.0)
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "right_square_bracket")
        first = bundled.node("1.1.1")
        lock_path = app.bookmarks.lock_path
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_path, "a+b") as holder:  # as another zimao-tui in the middle of a save
            fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
            # pilot.press, not press(): that one waits for the workers, and the save waits for the lock
            await pilot.press("b")  # waits for the lock, but not on the UI thread
            await pilot.pause()
            await pilot.press("right_square_bracket")  # so the app still answers at once
            await pilot.pause()
            detail = app.query_one(DetailPane)
            assert detail.entry is not None and detail.entry.node is not first
            moved_to = detail.entry.node
            assert not app.bookmarks.is_bookmarked(bundled, first)  # type: ignore[arg-type]
            await pilot.pause(0.3)
            fcntl.flock(holder.fileno(), fcntl.LOCK_UN)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.bookmarks.is_bookmarked(bundled, first)  # type: ignore[arg-type]
        assert app.query_one(DetailPane).entry.node is moved_to  # type: ignore[union-attr]
        assert "已收藏" in toasts(app)
        await press(pilot, "left_square_bracket")  # back to it: the tree shows its star
        assert str(app.query_one("#tree").cursor_node.label).startswith("★")  # type: ignore[union-attr]
