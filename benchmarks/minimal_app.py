"""The yardstick for start-up: a minimal Textual app with the same widget kinds as zimao-tui.

benchmarks/startup.py starts this and zimao-tui the same way, in the same tmux, and compares
the time until each has painted its first screen.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static, Tree


class MinimalApp(App[None]):
    """Header, Input, Tree, Static, Footer: nothing else."""

    TITLE = "武汉自贸片区高质量发展创新举措"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search")
        tree: Tree[None] = Tree("report")
        tree.root.expand()
        for i in range(5):
            tree.root.add(f"chapter {i}")
        yield tree
        yield Static("detail")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
