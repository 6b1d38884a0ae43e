"""The one exception the model raises for bad input.

The CLI turns it into one line on stderr and exit status 2, and the app into a message;
its text is written for a person, naming the file and what is wrong with it.
"""


class UserError(Exception):
    """Something the user can fix (a bad file, an unknown id); the CLI prints it and exits 2."""


class ReportError(UserError):
    """A report could not be found, read, decoded or parsed; ``str(exc)`` says why.

    Raised with a :class:`zimao_tui.i18n.Notice`, so ``str(exc)`` speaks the interface
    language chosen by the time it is printed (the command line sets it from config.toml).
    """
