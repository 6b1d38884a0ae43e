"""Making untrusted text inert for display: the one home for it.

Reports come from the web and from colleagues; notes, tags, bookmark files, search history,
config and theme files and file names are all text someone else may have written. Rich and
Textual strip only BEL, BS, VT, FF and CR, so an ESC in a report reaches the terminal: an
``ESC ] 52`` rewrites the clipboard, an ``ESC ] 0`` the window title, ``ESC [ 2J`` clears the
screen, and a bidi override (U+202E) makes a line read backwards. Every piece of such text
goes through :func:`inert` where it becomes something shown (a label, a table cell, a line of
CLI output); the Report itself keeps the exact text, so searching and copying work on it.

The choice: each dangerous character is *replaced by one visible character*, never removed
and never expanded to an escape like ``\\x1b``:

- C0 controls (except tab and newline) and DEL become their Unicode control pictures
  (ESC → ``␛`` U+241B, BEL → ``␇``, DEL → ``␡``), the characters made for showing them;
- C1 controls (U+0080–U+009F) and the bidi embeddings, overrides and isolates
  (U+202A–U+202E, U+2066–U+2069) have no pictures and become U+FFFD ``�``.

One character for one keeps every offset valid: search spans, figure spans and the slices
the detail pane cuts around a measure apply unchanged to the inert text, and
``inert(a + b) == inert(a) + inert(b)``, so a text can be made inert piece by piece. The
reader still sees that something was there (a removed ESC would silently glue words).

JSON output is exact instead (:func:`json_escape_controls`): a script gets the report's text,
with every control written as a ``\\uXXXX`` escape, never as a raw byte.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
"""What a C1 control or a bidi control is shown as (they have no control pictures)."""

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI: they reorder what follows on the line."""

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_TABLE.update({ord(ch): REPLACEMENT for ch in BIDI_CONTROLS})

UNSAFE = frozenset(chr(code) for code in _TABLE)
"""Every character :func:`inert` replaces."""

_UNSAFE_RE = re.compile("[" + re.escape("".join(sorted(UNSAFE))) + "]")
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + "]")


def inert(text: str) -> str:
    """``text`` with every control and bidi character replaced by one visible character.

    Tab and newline stay (they lay text out, they do not command the terminal). Text with
    nothing to replace, nearly all of it, is returned as is after one regex scan.
    """
    if _UNSAFE_RE.search(text) is None:
        return text
    return text.translate(_TABLE)


def json_escape_controls(json_text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL, C1 and bidi
    characters written as ``\\uXXXX`` escapes.

    ``json.dumps`` already escapes C0 controls (ESC becomes ``\\u001b``) but, with
    ``ensure_ascii=False``, writes DEL, C1 (U+009B is a CSI to some terminals) and bidi
    controls raw. JSON's syntax is ASCII, so any such character is inside a string, where
    the escape means the same character: the parsed value stays exact.
    """
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
