"""Full screens: the explorer, and the help, bookmarks, figures and glossary screens it pushes.

Screens compose widgets and dialogs; only the explorer imports other screens (to push them).
"""
