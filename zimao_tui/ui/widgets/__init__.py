"""The explorer's widgets: report tree, detail pane, search bar.

A widget imports the model packages and ``ui.text``/``ui.entry``, never a screen, a dialog or
another widget (import-linter contracts in pyproject.toml); messages carry what screens need.
"""
