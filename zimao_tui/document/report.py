"""The report as an immutable tree: what the parser produces and everything else reads.

Frozen dataclasses so that a parsed report can be shared between the CLI, the search
index, the bookmark store and the UI without anyone mutating it behind the others' back.
Ids are short path ids (``3.2.5`` = chapter 3, section 2, child 5) so that people can type
them on the command line; fingerprints let bookmarks re-find a measure after the report's
text has been edited and its ids have shifted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, get_args

HeadingKind = Literal["part", "chapter", "section", "article", "item", "preamble", "closing", "attachment"]
HEADING_KINDS: frozenset[str] = frozenset(get_args(HeadingKind))
"""Every kind a heading may have (a cache file naming another one is damaged)."""
"""What a heading is. ``part``/``chapter``/``section``/``article`` for 第X编/章/节/条 and for the
levels of 一、/（一）/… by depth; ``item`` for deeper levels and 一是/第一， items; ``preamble`` (text
before the first heading), ``closing`` (结束语, the signature) and ``attachment`` (附件N) are
places of their own at the top level."""

FORMATS: frozenset[str] = frozenset({"text", "html", "markdown", "docx", "pdf"})
"""The formats a report is read from (a cache file naming another one is damaged)."""

_SPACED_NUMBERS = ("编", "篇", "部分", "章", "节", "条")
"""Numbers a label separates from their title with a space, as laws are printed: 第一章 总则."""


def fingerprint(text: str) -> str:
    """A short, stable hash of a measure's text (whitespace-insensitive).

    Whitespace is ignored so that re-wrapping or re-indenting a report does not orphan
    bookmarks; everything else (punctuation included) counts, because a changed figure
    is a changed measure. (hashlib is imported here, not at start-up: only bookmarks and
    caches need fingerprints, and they are read after the first paint.)
    """
    import hashlib

    squeezed = "".join(text.split())
    return hashlib.sha1(squeezed.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Measure:
    """One sentence of the report: the unit people search, bookmark and quote.

    ``text`` is a verbatim slice of the decoded source; ``paragraph`` indexes
    ``Report.paragraphs`` and ``start`` is the offset of ``text`` inside it, so the UI
    can show the measure in the context of its paragraph.
    """

    id: str
    text: str
    paragraph: int
    start: int
    kind: Literal["measure"] = "measure"

    @property
    def end(self) -> int:
        """Offset just past the measure in its paragraph."""
        return self.start + len(self.text)

    @cached_property
    def fingerprint(self) -> str:
        """:func:`fingerprint` of the text, computed when first asked for."""
        return fingerprint(self.text)


_GENERATED_TITLES = {("preamble", "", "前言"): "heading.preamble", ("closing", "", "落款"): "heading.closing"}
"""(kind, number, title) of the headings the parser names itself (see document/tree.py)."""


@dataclass(frozen=True)
class Heading:
    """A heading (第一章, 第十二条, 一、, (一), 1., 一是, 附件1 ...) with its children in order.

    ``number`` is the marker exactly as written (``三、``, ``（二）``, ``第十二条``), ``title``
    the heading text after it. ``level`` is its depth (1 at the top), so the tree can indent
    without knowing the marker styles.
    """

    id: str
    kind: HeadingKind
    number: str
    title: str
    level: int
    children: tuple[Node, ...] = ()

    def measures(self) -> Iterator[Measure]:
        """Every measure below this heading, in report order."""
        for child in self.children:
            if isinstance(child, Measure):
                yield child
            else:
                yield from child.measures()

    @property
    def label(self) -> str:
        """Number and title as a reader would cite them: ``三、扩大开放``, ``第一章 总则``, ``附件1 名词解释``, ``1.1 编制目的``.

        The parser's own names for the text before the first heading and the signature block
        (前言, 落款) are shown in the interface language; a document's own titles never are.
        """
        generated = _GENERATED_TITLES.get((self.kind, self.number, self.title))
        if generated is not None:
            from zimao_tui.i18n import t

            return t(generated)
        if self.title and (
            self.number.endswith(_SPACED_NUMBERS) or self.number[-1:].isdigit() or self.kind == "attachment"
        ):
            return f"{self.number} {self.title}"
        return f"{self.number}{self.title}"


Node = Heading | Measure


def heading_numbers(path: Iterable[Heading]) -> str:
    """The numbers of a path of headings as written, run together: ``三、(二)``.

    How a place in a report is named in a line (palette entries, search results, citations);
    written once here so they all name it alike. Citations trim it further (see
    ``insights/citation.py``)."""
    return "".join(h.number for h in path)


@dataclass(frozen=True)
class Report:
    """A parsed report: metadata, the heading tree, and the paragraphs measures point into.

    Metadata fields are "" where the document does not say (``date`` is ISO: YYYY-MM-DD, YYYY-MM
    or YYYY; ``date_source`` says where it came from: written, delivery, signature, adoption or
    published). ``dropped`` lists the non-blank source lines that are in no measure and no
    heading, as (line index, text, reason), so a user can see what was taken out.
    """

    title: str
    date: str
    time: str
    source: str
    encoding: str
    origin: str
    paragraphs: tuple[str, ...]
    children: tuple[Heading, ...]
    subtitle: str = ""
    speaker: str = ""
    issuer: str = ""
    doc_number: str = ""
    date_source: str = ""
    dropped: tuple[tuple[int, str, str], ...] = ()
    format: str = "text"
    """The file's format, one of :data:`FORMATS` (see document/formats)."""
    _index: dict[str, Node] = field(default_factory=dict, repr=False, compare=False)
    _parents: dict[str, tuple[Heading, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        def walk(node: Node, ancestors: tuple[Heading, ...]) -> None:
            self._index[node.id] = node
            self._parents[node.id] = ancestors
            if isinstance(node, Heading):
                for child in node.children:
                    walk(child, (*ancestors, node))

        for chapter in self.children:
            walk(chapter, ())

    @property
    def key(self) -> str:
        """What identifies the report across copies: title and date, not path or hash."""
        return f"{self.title}@{self.date}"

    def measures(self) -> Iterator[Measure]:
        """Every measure in report order."""
        for chapter in self.children:
            yield from chapter.measures()

    def headings(self) -> Iterator[Heading]:
        """Every heading, depth first, in report order."""
        for node in self._index.values():
            if isinstance(node, Heading):
                yield node

    def node(self, node_id: str) -> Node | None:
        """The node with this path id, or None."""
        return self._index.get(node_id)

    def ancestors(self, node_id: str) -> tuple[Heading, ...]:
        """The headings above a node, chapter first (empty for chapters or unknown ids)."""
        return self._parents.get(node_id, ())

    def numbers(self, node_id: str) -> str:
        """:func:`heading_numbers` of the headings above a node (``三、(二)`` for a measure of
        section (二) of chapter 三)."""
        return heading_numbers(self.ancestors(node_id))

    def paragraph_of(self, measure: Measure) -> str:
        """The full paragraph a measure was cut from."""
        return self.paragraphs[measure.paragraph]
