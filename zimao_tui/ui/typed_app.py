"""The running ZimaoApp, typed, for screens that call its methods.

``Widget.app`` is typed as Textual's ``App``; a screen that copies, warns or switches reports
needs ZimaoApp's own methods. The import is inside the function: ``ui/app.py`` imports the
screens, so a screen importing it at load time would be a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from zimao_tui.ui.app import ZimaoApp


def zimao_app(node: DOMNode) -> ZimaoApp:
    """``node.app`` as the ZimaoApp it is (an assertion, not a cast: a test host that is
    another App fails here, not later on a missing method)."""
    from zimao_tui.ui.app import ZimaoApp

    app = node.app
    assert isinstance(app, ZimaoApp)
    return app
