"""Each private Textual API in ui/textual_compat.py still does what we rely on.

A Textual upgrade that renames or changes one of them fails here, naming it, rather than as
an odd symptom in the app (a wrong ANSI palette, a pile of toasts, a cursor at the top).
"""

from __future__ import annotations

import inspect

from hosts import sync
from textual.app import App, ComposeResult
from textual.widgets import Input, Tree

from zimao_tui.ui import textual_compat as compat


def test_the_private_names_still_exist_with_the_shapes_we_call() -> None:
    assert list(inspect.signature(App._refresh_truecolor_filter).parameters) == ["self", "theme"]
    assert list(inspect.signature(App._unnotify).parameters)[:2] == ["self", "notification"]
    assert "refresh" in inspect.signature(App._unnotify).parameters
    # SearchInput overrides Input's own key handler (see the module's docstring).
    assert inspect.iscoroutinefunction(Input._on_key)


class _TreeApp(App[None]):
    def compose(self) -> ComposeResult:
        tree: Tree[None] = Tree("root")
        for i in range(3):
            tree.root.add(f"node {i}").add_leaf(f"leaf {i}")
        tree.root.expand()
        yield tree


@sync
async def test_withdraw_takes_a_toast_off_and_notifications_lists_what_is_shown() -> None:
    app = _TreeApp()
    async with app.run_test() as pilot:
        app.notify("one")
        app.notify("two")
        await pilot.pause()
        shown = compat.notifications(app)
        assert [n.message for n in shown] == ["one", "two"]
        compat.withdraw(app, shown[0])
        assert [n.message for n in compat.notifications(app)] == ["two"]
        compat.withdraw(app, shown[0])  # already gone: nothing happens


@sync
async def test_build_tree_lines_numbers_a_just_revealed_child() -> None:
    app = _TreeApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        tree = app.query_one(Tree)
        node = tree.root.children[1]
        node.expand()
        leaf = node.children[0]
        compat.build_tree_lines(tree)
        assert leaf.line == node.line + 1  # current at once, not after the next idle


@sync
async def test_set_ansi_filter_runs_on_the_current_theme() -> None:
    app = _TreeApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        compat.set_ansi_filter(app)  # raises if Textual changed the private method


class _ModesApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="first")


@sync
async def test_returnable_default_mode_switches_back_to_the_first_screen() -> None:
    from textual.screen import Screen

    app = _ModesApp()
    async with app.run_test() as pilot:
        first = app.screen
        app.add_mode("other", Screen)
        app.switch_mode("other")
        await pilot.pause()
        assert app.screen is not first
        compat.returnable_default_mode(app)
        app.switch_mode(app.DEFAULT_MODE)
        await pilot.pause()
        assert app.screen is first


class _ToastApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


@sync
async def test_keep_toasts_within_moves_the_screens_toast_rack() -> None:
    from textual.geometry import Region

    app = _ToastApp()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        area = Region(10, 3, 40, 12)
        compat.keep_toasts_within(app.screen, area)
        app.notify("a toast long enough to wrap over a line or two of the rack's width")
        await pilot.pause()
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))
        assert toasts, "Textual no longer puts toasts in the screen's ToastRack"
        assert all(area.contains_region(toast.region) for toast in toasts)
