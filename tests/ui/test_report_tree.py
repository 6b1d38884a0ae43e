"""The report tree builds what the first screen shows, and the rest right after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_fixtures import app_env, make_app  # noqa: F401  (app_env is a fixture)
from hosts import sync
from textual.app import App, ComposeResult
from textual.widgets.tree import TreeNode

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Heading, Node, Report
from zimao_tui.search.gcpause import end_startup, pause_for_startup
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.widgets.report_tree import ReportTree


def model_order(report: Report, nodes: tuple[Node, ...] | list[Node] | None = None) -> Iterator[str]:
    """Every heading and measure id, depth first, as the tree should list them."""
    for node in report.children if nodes is None else nodes:
        yield node.id
        if isinstance(node, Heading):
            yield from model_order(report, node.children)


def tree_order(node: TreeNode[Entry]) -> Iterator[str]:
    for child in node.children:
        assert child.data is not None
        if child.data.node is not None:
            yield child.data.node.id
        yield from tree_order(child)


def test_first_screen_nodes_only_then_everything_in_report_order(bundled: Report) -> None:
    tree = ReportTree([bundled])
    built = list(tree_order(tree.root))
    everything = list(model_order(bundled))
    # Chapters, and the first chapter's sections (it starts open): nothing below them yet.
    chapter_one = bundled.children[0]
    assert isinstance(chapter_one, Heading)
    assert built[: 1 + len(chapter_one.children)] == [chapter_one.id] + [c.id for c in chapter_one.children]
    assert set(built) == {c.id for c in bundled.children} | {c.id for c in chapter_one.children}
    assert tree.root.children[0].is_expanded
    tree.complete()
    assert list(tree_order(tree.root)) == everything
    assert len(everything) > 140


def test_several_reports_build_in_order(bundled: Report, data_dir: Path) -> None:
    tmp_report = load_report(data_dir / "fullwidth.txt")
    tree = ReportTree([bundled, tmp_report])
    assert [n.data.report for n in tree.root.children if n.data] == [bundled, tmp_report]
    tree.complete()
    first, second = tree.root.children
    assert list(tree_order(first)) == list(model_order(bundled))
    assert list(tree_order(second)) == list(model_order(tmp_report))


class LazyTree(ReportTree):
    """A tree that never completes on its own: what a key in the very first frame meets."""

    def on_mount(self) -> None:
        pass


class TreeHost(App[None]):
    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        yield LazyTree([self.report], id="tree")


@sync
async def test_opening_an_unbuilt_heading_builds_it_first(bundled: Report) -> None:
    app = TreeHost(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.query_one(LazyTree)
        chapter_two = tree.root.children[1]
        assert not chapter_two.children
        tree.focus()
        tree.move_cursor(chapter_two)
        await pilot.press("l")  # expand: its sections appear
        assert chapter_two.is_expanded
        assert [c.data.node.id for c in chapter_two.children if c.data and c.data.node] == [
            c.id
            for c in bundled.children[1].children  # type: ignore[union-attr]
        ]
        await pilot.press("l")  # step into the first section
        assert tree.cursor_node is chapter_two.children[0]
        # A click on the expand arrow opens the node without action_open: built on NodeExpanded.
        chapter_three = tree.root.children[2]
        chapter_three.expand()
        await pilot.pause()
        assert len(chapter_three.children) == len(bundled.children[2].children)  # type: ignore[union-attr]
        # A jump into a part never opened builds everything it needs.
        last = list(bundled.measures())[-1]
        tree.reveal(bundled, last.id)
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data is not None
        assert tree.cursor_node.data.node is last


@pytest.mark.usefixtures("app_env")
@sync
async def test_the_app_completes_the_tree_and_ends_the_gc_pause_after_the_first_paint(
    bundled: Report,
) -> None:
    pause_for_startup()
    try:
        assert not gc.isenabled()
        app = make_app([bundled])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            tree = app.screen.query_one(ReportTree)
            assert list(tree_order(tree.root)) == list(model_order(bundled))
    finally:
        end_startup()
        gc.enable()
        gc.unfreeze()


@sync
async def test_the_cursor_stays_in_view_when_the_terminal_shrinks(bundled: Report) -> None:
    app = TreeHost(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        tree = app.query_one(LazyTree)
        tree.complete()
        target = list(bundled.measures())[60]
        tree.focus()
        tree.reveal(bundled, target.id)
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data is not None
        assert tree.cursor_node.data.node is target
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        top = tree.scroll_offset.y
        assert top <= tree.cursor_line < top + tree.scrollable_content_region.height
