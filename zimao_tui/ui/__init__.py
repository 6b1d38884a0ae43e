"""The Textual app; imports the model packages, never the reverse.

``launch.py`` starts it (the only module the CLI imports from here); ``app.py`` is thin (themes,
config, app-wide keys); ``screens/`` holds full screens (a new screen goes there, with a key in
the explorer's bindings and a line in ``commands.py``); ``widgets/`` the explorer's widgets (they
never import screens or each other); ``dialogs/`` modal dialogs; ``text/`` text helpers;
``entry.py`` what a tree node stands for; ``clipboard.py``, ``theming.py``, ``theme_check.py``
and ``keymap.py`` the app's dealings with the terminal, themes and key remaps;
``textual_compat.py`` is the only place that touches Textual's private API.
"""
