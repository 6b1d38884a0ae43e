"""The Textual app: thin app.py, widgets/, screens/, app.tcss; imports the model, never the reverse."""
