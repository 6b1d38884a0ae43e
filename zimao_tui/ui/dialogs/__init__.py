"""Modal dialogs pushed over any screen: the note editor and the yes/no confirmation.

They only ask and return an answer; the caller decides what to do with it. Screens import
them; they import neither screens nor widgets (only ``ui.text``).
"""
