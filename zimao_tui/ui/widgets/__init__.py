"""The explorer's widgets: report tree, detail pane, search bar."""
