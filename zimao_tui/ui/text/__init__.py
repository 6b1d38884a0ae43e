"""Text helpers for the UI: line breaking (禁则), inert Content/Text, excerpts, positions, styles.

Small functions that turn model text into what widgets draw; no widget or screen lives here,
so widgets, dialogs and screens can all import it (and it imports none of them).
"""
