"""Modal and full screens pushed over the explorer (help, bookmarks, figures, glossary, notes)."""
