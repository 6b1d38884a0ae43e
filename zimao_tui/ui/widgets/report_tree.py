"""The outline on the left: reports → chapters → sections (→ items) → measures.

Each node carries an :class:`Entry` (the report and the model node), so the detail pane,
copy and bookmark commands read the model directly and never parse a label. Headings show
their measure count, bookmarked measures a star; vim keys sit next to the arrows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from zimao_tui.document.report import Heading, Measure, Node, Report
from zimao_tui.document.shorten import heading_preview, short_title, shorten
from zimao_tui.i18n import t
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.text.inert import inert_text
from zimao_tui.ui.text.position import measure_position
from zimao_tui.ui.textual_compat import build_tree_lines
from zimao_tui.ui.widgets.pane_width import ResizablePane

BOOKMARK_MARK = "★"

LABEL_CHARS = 48
"""A measure's label is its opening words: the tree is for finding, the detail for reading,
and short labels keep the tree cheap to lay out at start-up."""

GUIDE_CELLS = 2
"""Cells of tree guide per level of depth (``guide_depth`` 2: ``├ ``, ``│ ``)."""

BookmarkCheck = Callable[[Report, Measure], bool]
"""Asked for every measure label: is this measure bookmarked?"""


REPORT_ROW_INDENT = 4
"""Cells before a report row's title: the expander and its space, and the scrollbar."""
MIN_TITLE_CHARS = 6
"""A report title is never cut shorter than this, however narrow the pane."""
WANT_TITLE_CHARS = 10
"""Below this many characters of title, a report row leaves its date out."""

MARK_STYLE = "bold #d4a017"
"""Gold reads on the light, dark and high-contrast themes alike (Tree labels are Rich Text)."""


def heading_label(heading: Heading) -> Text:
    """``一、改革创新提升能级 (3)``: the count dimmed so the titles stay easy to scan."""
    count = sum(1 for _ in heading.measures())
    preview = heading_preview(heading)  # 第十二条 has no title: its first words, dimmed
    return Text.assemble(
        heading.label, (f" {preview}" if preview else "", "dim"), (f" ({t('tree.measures', n=count)})", "dim")
    )


def report_label(report: Report, width: int) -> Text:
    """``《武汉自贸片区…（2023年）》 2023-01-05 (126)``: a report's row when several are open,
    its title shortened (:func:`short_title`) to what a pane ``width`` columns wide shows
    beside the count and, when there is room, the date (the detail pane shows them whole)."""
    count = f" ({sum(1 for _ in report.measures())})"
    facts = f" {report.date}{count}" if report.date else count
    if _title_room(width, facts) < WANT_TITLE_CHARS:
        facts = count  # a narrow pane: the title matters more than the date
    limit = max(MIN_TITLE_CHARS, _title_room(width, facts))
    return Text.assemble(f"《{short_title(report.title, limit)}》", (facts, "dim"))


def _title_room(width: int, facts: str) -> int:
    """Characters of title that fit beside ``facts`` (Chinese characters take two cells)."""
    return (width - REPORT_ROW_INDENT - cell_len(facts) - 4) // 2  # 4: the two title brackets


def measure_label(measure: Measure, position: int, bookmarked: bool) -> Text:
    """``★ 3 深入学习贯彻…``: position within the section, a star if bookmarked, the text."""
    mark = (f"{BOOKMARK_MARK} ", MARK_STYLE) if bookmarked else ""
    return Text.assemble(
        mark, (f"{position} ", "dim"), shorten(measure.text, LABEL_CHARS), no_wrap=True, overflow="ellipsis"
    )


class ReportTree(Tree[Entry], ResizablePane):
    """The report outline; moving the cursor is enough to update the detail pane.

    Its width is the user's (``>``/``<`` on the screen, or a drag on its right border:
    ``pane_width.py``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,l,right", "open", t("key.open"), id="zimao.open", show=False),
        Binding("h,left", "collapse", t("key.collapse"), id="zimao.collapse", show=False),
        Binding("j,down", "cursor_down", t("key.down"), id="zimao.down", show=False),
        Binding("k,up", "cursor_up", t("key.up"), id="zimao.up", show=False),
        Binding("g,home", "scroll_home", t("key.top"), id="zimao.top", show=False),
        Binding("G,end", "scroll_end", t("key.bottom"), id="zimao.bottom", show=False),
        Binding("z", "collapse_all", t("key.collapse_all"), id="zimao.collapse_all", show=False),
    ]

    def __init__(
        self,
        reports: Sequence[Report],
        is_bookmarked: BookmarkCheck | None = None,
        *,
        id: str | None = None,
    ) -> None:
        root_label = reports[0].title if len(reports) == 1 else t("app.reports", n=len(reports))
        super().__init__(root_label, id=id)
        self.show_root = False
        self.guide_depth = GUIDE_CELLS
        self.auto_expand = True  # a mouse click on a heading opens/closes it; keys use action_open
        self.reports = list(reports)
        self._is_bookmarked = is_bookmarked
        self._by_id: dict[tuple[int, str], TreeNode[Entry]] = {}
        self._unfilled: dict[TreeNode[Entry], Sequence[Node]] = {}
        """Branches whose children are not built yet, with the model nodes to build."""
        self._populate()

    def process_label(self, label: str | Text) -> Text:
        """Every label (root, headings, measures, reports) as inert literal text: Tree reads
        a ``str`` as markup, and a report's title or heading may hold ``[/]`` or an ESC."""
        return inert_text(label)

    def render_label(self, node: TreeNode[Entry], base_style: Style, style: Style) -> Text:
        """The label cut to the pane with "…" where it does not fit.

        Tree draws each line whole and crops it at the widget's edge, so a heading whose
        count did not fit ended in a bare ``(`` (more so once the scrollbar took a column).
        The room left is the content width less the guides (two cells per level).
        """
        label = super().render_label(node, base_style, style)
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room = self.scrollable_content_region.width - GUIDE_CELLS * depth
        if 0 < room < label.cell_len:
            label.truncate(room, overflow="ellipsis")
        return label

    # ------------------------------------------------------------------ building

    def _populate(self) -> None:
        """Build what the first screen shows; the rest waits for :meth:`complete`.

        The first screen shows the top level and the first branch opened; a heading's
        children are built when it is filled. Building all ~150 nodes of the bundled report
        up front cost ~10 ms of start-up (``benchmarks/startup.py``) for lines nobody sees yet.
        """
        self.root.expand()
        if len(self.reports) == 1:
            report = self.reports[0]
            self._fill(self.root, report, report.children)
        else:
            for report in self.reports:
                branch = self.root.add(report_label(report, 80), data=Entry(report), expand=False)
                self._by_id[(id(report), "")] = branch
                self._unfilled[branch] = report.children
        first = self.root.children[0] if self.root.children else None
        if first is not None:
            self._fill_now(first)
            first.expand()

    def _fill(self, parent: TreeNode[Entry], report: Report, children: Sequence[Node]) -> None:
        """Add ``children`` under ``parent``; their own children wait in ``_unfilled``."""
        position = 0
        for child in children:
            if isinstance(child, Heading):
                branch = parent.add(heading_label(child), data=Entry(report, child), expand=False)
                self._by_id[(id(report), child.id)] = branch
                self._unfilled[branch] = child.children
                continue
            position += 1
            leaf = parent.add_leaf(
                measure_label(child, position, self._bookmarked(report, child)),
                data=Entry(report, child),
            )
            self._by_id[(id(report), child.id)] = leaf

    def _fill_now(self, node: TreeNode[Entry]) -> None:
        children = self._unfilled.pop(node, None)
        if children is not None and node.data is not None:
            self._fill(node, node.data.report, children)

    def complete(self) -> None:
        """Build every node not built yet (after the first paint, or before a lookup)."""
        while self._unfilled:
            self._fill_now(next(iter(self._unfilled)))

    def on_mount(self) -> None:
        self.call_after_refresh(self.complete)

    def on_resize(self) -> None:
        """Keep the cursor in view when the terminal (or the tree pane) changes size, and fit
        the report titles (several reports) to the new width."""
        if len(self.reports) > 1:
            for node in self.root.children:
                if node.data is not None:
                    node.set_label(report_label(node.data.report, self.size.width))
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        node = self.cursor_node
        if node is not None:
            self.scroll_to_node(node, animate=False)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Entry]) -> None:
        """A heading opened before :meth:`complete` ran (a click in the first frame)."""
        self._fill_now(event.node)

    def _bookmarked(self, report: Report, measure: Measure) -> bool:
        return self._is_bookmarked is not None and self._is_bookmarked(report, measure)

    # ------------------------------------------------------------------ queries

    @property
    def entry(self) -> Entry | None:
        """The entry under the cursor."""
        node = self.cursor_node
        return node.data if node is not None else None

    def measures(self) -> Iterator[tuple[Report, Measure]]:
        """Every measure of every open report, in tree order."""
        for report in self.reports:
            for measure in report.measures():
                yield report, measure

    # ------------------------------------------------------------------ changes

    def refresh_mark(self, report: Report, measure: Measure) -> None:
        """Redraw a measure's label after its bookmark changed."""
        node = self._by_id.get((id(report), measure.id))
        if node is not None:
            position, _ = measure_position(report, measure)
            node.set_label(measure_label(measure, position, self._bookmarked(report, measure)))

    def set_bookmark_check(self, is_bookmarked: BookmarkCheck) -> None:
        """Start showing bookmark stars (the store is opened after the first paint)."""
        self._is_bookmarked = is_bookmarked
        for report, measure in self.measures():
            if is_bookmarked(report, measure):  # every label was drawn without a star
                self.refresh_mark(report, measure)

    def refresh_marks(self) -> None:
        """Redraw every measure label (after the bookmark list may have changed many)."""
        for report, measure in self.measures():
            self.refresh_mark(report, measure)

    def reveal(self, report: Report, node_id: str) -> list[TreeNode[Entry]]:
        """Expand the path to a node and put the cursor on it (used by search and jumps).

        Returns the headings it had to open, so a jump can close them again when the
        reader leaves (``ui/screens/navigator.py``) instead of leaving them open behind.
        """
        self.complete()
        node = self._by_id.get((id(report), node_id))
        if node is None:
            return []
        opened: list[TreeNode[Entry]] = []
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                opened.append(parent)
                parent.expand()
            parent = parent.parent
        # Expanding invalidates line numbers; move once the tree has laid itself out again.
        self.call_after_refresh(self.move_cursor, node)
        return opened

    def close(self, nodes: Sequence[TreeNode[Entry]], keep: Entry | None) -> None:
        """Collapse ``nodes`` (what a jump opened), except those above ``keep``'s node."""
        keep_node = self._by_id.get((id(keep.report), keep.node.id if keep.node else "")) if keep else None
        above = set()
        while keep_node is not None:
            above.add(keep_node)
            keep_node = keep_node.parent
        for node in nodes:
            if node not in above:
                node.collapse()

    def step_measure(self, delta: int, entry: Entry | None = None) -> tuple[Report, Measure] | None:
        """Move to the previous/next measure in report order, across sections and reports.

        ``entry`` is where to start (default: the cursor). Callers pass what the detail pane
        shows, because ``reveal`` moves the cursor only after the next refresh and a fast
        second keypress must not start from the old position.
        """
        order = list(self.measures())
        if not order:
            return None
        entry = entry if entry is not None else self.entry
        if entry is not None and entry.node is None:  # a report's own row: stay in that report
            return self._report_end(entry.report, delta)
        current = -1 if delta > 0 else len(order)
        if entry is not None and entry.node is not None:
            target_ids = _first_measure_id(entry)
            for i, (report, measure) in enumerate(order):
                if report is entry.report and measure.id == target_ids:
                    current = i
                    break
            if isinstance(entry.node, Heading) and delta > 0:
                current -= 1  # from a heading, "next" is its own first measure
        index = current + delta
        if not 0 <= index < len(order):
            return None
        report, measure = order[index]
        self.reveal(report, measure.id)
        return report, measure

    def _report_end(self, report: Report, delta: int) -> tuple[Report, Measure] | None:
        """``]`` on a report's row: its first measure; ``[``: its last (not another report's)."""
        inside = list(report.measures())
        if not inside:
            return None
        measure = inside[0] if delta > 0 else inside[-1]
        self.reveal(report, measure.id)
        return report, measure

    # ------------------------------------------------------------------ cursor

    def move_cursor(self, node: TreeNode[Entry] | None, animate: bool = False) -> None:
        """Move the cursor to ``node``, even right after an expand or collapse.

        Tree.move_cursor reads the node's line number, which Tree only recomputes when it
        next builds its lines (on idle or render). A key handled before that (``l l`` typed
        fast: expand, then step in) would move to a stale line, -1 for a just-revealed
        child, clamped to the top of the tree. ``build_tree_lines`` builds the lines now.
        """
        build_tree_lines(self)
        super().move_cursor(node, animate=animate)

    # ------------------------------------------------------------------ actions

    def action_open(self) -> None:
        """Expand a heading (or step into it if already open); a measure has nothing to open."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        self._fill_now(node)
        if node.is_expanded and node.children:
            self.move_cursor(node.children[0])
        else:
            node.expand()

    def action_collapse_all(self) -> None:
        """``z``: close every heading and put the cursor on the top-level row it was under."""
        node = self.cursor_node
        while node is not None and node.parent is not None and node.parent is not self.root:
            node = node.parent
        for branch in self._by_id.values():
            if branch.is_expanded:
                branch.collapse()
        self.move_cursor(node)

    def action_collapse(self) -> None:
        """Collapse an open heading, else go to the parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)


def _first_measure_id(entry: Entry) -> str | None:
    if isinstance(entry.node, Measure):
        return entry.node.id
    if isinstance(entry.node, Heading):
        first = next(entry.node.measures(), None)
        return first.id if first is not None else None
    return None
