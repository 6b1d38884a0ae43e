"""Keywords per chapter and section (jieba TF-IDF), computed once and cached on disk.

jieba costs about 0.8 s to load and prints to stderr while doing it, so keywords are never
computed at start-up: ``build_keywords`` runs while indexing (or from the CLI) and writes a
cache keyed by a hash of the report's text; ``cached_keywords`` only reads that cache and
never imports jieba, so the app can show keywords instantly when they exist. A corrupt or
stale cache is treated as missing and rebuilt. Where the files live, how they are written and
how many are kept: ``store/cache.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Mapping, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zimao_tui import paths
from zimao_tui.document.report import Heading, Report
from zimao_tui.i18n import Notice
from zimao_tui.search.child import run_child, unsaved_caches
from zimao_tui.store.cache import Cache
from zimao_tui.store.cachedir import add_once, unwritable
from zimao_tui.store.statefile import MAX_STATE_BYTES, loads_json

if TYPE_CHECKING:
    import threading

VERSION = 5
"""Bump when the extraction changes, so old caches are rebuilt rather than trusted."""
KIND = "keywords"
TOP_K = 8
_MAX_KEYWORD = 8
"""Longer tokens are document titles the tokenizer keeps whole; they are terms, not keywords."""
_NUMERAL = re.compile(
    r"^第|^[零〇一二两三四五六七八九十百千万]{2,}|^[零〇一二两三四五六七八九十百千万]+[余多]|\d"
)
"""十九, 十余项, 第十二届: numbers and ordinals are figures, not keywords."""
_BOILERPLATE = frozenset(
    [
        "工作",
        "实现",
        "推进",
        "开展",
        "加快",
        "进一步",
        "全面",
        "持续",
        "不断",
        "积极",
        "相关",
        "推动",
        "完善",
        "建立",
        "组织",
        "重点",
        "加大",
        "提升",
    ]
)
"""Verbs every policy section uses; as keywords they say nothing about the section."""

Keywords = dict[str, list[str]]


_GRAMMAR_EDGES = frozenset("的了及于以且并之未为对其与和在从至由向被把将等中上下内外所地日")
"""Function characters (and 日 of dates): an unknown token that starts or ends with one is a
fragment cut across words (日起, 委及, 于物), not a new word."""


def _in_parallel_pattern(token: str, text: str) -> bool:
    """Whether every occurrence of ``token`` starts between two equal characters: the B of
    A·B·A·C (织大织密织细: the words are 织大/织密/织细, and 密织 straddles two of them).
    A word at the pattern's own beat (检验 of 检验检疫, 互联互通 whole) starts on an A."""
    start = text.find(token)
    found = start >= 0
    while start >= 0:
        if not (0 < start < len(text) - 1 and text[start - 1] == text[start + 1]):
            return False
        start = text.find(token, start + 1)
    return found


def is_keyword(token: str, known: Mapping[str, int], chosen: Set[str], text: str) -> bool:
    """Whether a TF-IDF token of ``text`` (the report's text, once) may be shown as a keyword.

    Not a number or an ordinal, not a whole document title; a term the report or the user
    dictionary chose (``chosen``: “coined” terms, content/userdict.txt) or a Latin/digit name
    (RCEP) always is. Otherwise a word, not a fragment: jieba's HMM glues unknown runs into
    "words" (织大织 from 织大织密织细), and even a dictionary word can straddle two (密织,
    the same place). So: not inside a parallel pattern (see above), and a word the
    dictionary knows (``known``: a frequency above 0), or a new one the report uses more
    than once and that does not start or end with a function character (低碳, 科创 recur;
    织大织 and 三必 occur once).
    """
    if not 1 < len(token) <= _MAX_KEYWORD or _NUMERAL.search(token):
        return False
    if token in chosen or token.isascii():
        return True
    if len(token) == 2 and _in_parallel_pattern(token, text):  # longer: 政务服务平台's 务服务
        return False
    if known.get(token, 0) > 0:
        return True
    return text.count(token) > 1 and token[0] not in _GRAMMAR_EDGES and token[-1] not in _GRAMMAR_EDGES


def _digest(report: Report) -> str:
    """Hash of what keywords depend on: the text and the heading tree (ids change with it)."""
    h = hashlib.sha256(f"v{VERSION}\n".encode())
    for heading in report.headings():
        h.update(f"{heading.id}\t{heading.label}\n".encode())
    for paragraph in report.paragraphs:
        h.update(paragraph.encode("utf-8") + b"\n")
    return h.hexdigest()[:20]


def _cache(cache_dir: Path | None) -> Cache:
    """The keyword entries under a cache folder (the app's by default)."""
    return Cache(cache_dir or paths.cache_dir(), KIND, VERSION, ".json")


def cache_path(report: Report, cache_dir: Path | None = None) -> Path:
    """Where the keywords of this exact report text are cached."""
    return _cache(cache_dir).path(_digest(report))


def cached_keywords(report: Report, cache_dir: Path | None = None) -> Keywords | None:
    """Keywords from the cache, or None when missing, stale or corrupt. Never imports jieba."""
    # Damaged (not UTF-8, not JSON, nested deeply): a miss, rebuilt by the caller.
    return _cache(cache_dir).load(
        _digest(report), MAX_STATE_BYTES, lambda raw: _checked(loads_json(raw.decode()))
    )


def _checked(doc: Any) -> Keywords | None:
    """The keywords of a cache document, or None if it is not one of this version."""
    if not isinstance(doc, dict) or doc.get("version") != VERSION:
        return None
    keywords = doc.get("keywords")
    if not isinstance(keywords, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
        for k, v in keywords.items()
    ):
        return None
    return keywords


_KEYWORD_KINDS = ("part", "chapter", "section", "attachment")
"""Headings that get keywords: the document's divisions, not its articles, items or closing."""


def _heading_text(heading: Heading) -> str:
    return "\n".join([heading.title, *(m.text for m in heading.measures())])


def _job(report: Report) -> dict[str, Any]:
    """What the computation needs, as JSON, so a child process can do it without the Report."""
    return {
        "key": _digest(report),
        "title": report.title,
        "docs": {h.id: _heading_text(h) for h in report.headings() if h.kind in _KEYWORD_KINDS},
        "text": "\n".join([*report.paragraphs, *(h.title for h in report.headings())]),
    }


def _compute(job: dict[str, Any], cache_dir: Path, failures: list[OSError] | None = None) -> Keywords:
    """TF-IDF keywords for each heading's text; writes the cache entry the job's key names.

    A cache that cannot be written goes into ``failures`` when given (raised otherwise):
    the keywords are returned all the same.

    The tokenizer is the search index's (content/userdict.txt plus the report's own coined
    terms), so “光芯屏端网” stays one keyword and jieba is set up in one place only.
    """
    from jieba.analyse import TFIDF

    from zimao_tui.document.coined import coined_words
    from zimao_tui.search.segment import report_tokenizer
    from zimao_tui.search.vocab import load_userdict_words

    docs: dict[str, str] = job["docs"]
    tfidf = TFIDF()
    tfidf.tokenizer = report_tokenizer(cache_dir, list(docs.values()))
    tfidf.stop_words = tfidf.stop_words | _BOILERPLATE
    known = tfidf.tokenizer.FREQ
    whole: str = job["text"]
    chosen = {*coined_words(docs.values()), *(word for word, _ in load_userdict_words())}
    keywords: Keywords = {}
    for heading_id, text in docs.items():
        tags = tfidf.extract_tags(text, topK=TOP_K * 3)
        keywords[heading_id] = [t for t in tags if is_keyword(t, known, chosen, whole)][:TOP_K]
    doc = {"version": VERSION, "title": job["title"], "keywords": keywords}
    try:
        _cache(cache_dir).save(job["key"], json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        if failures is None:
            raise
        failures.append(exc)
    return keywords


def build_keywords(
    report: Report, cache_dir: Path | None = None, notices: list[Notice] | None = None
) -> Keywords:
    """Keywords for every chapter and section, from the cache or computed in this process.

    With a ``notices`` list, a cache that cannot be written adds one Notice there instead of
    raising (the keywords are returned all the same)."""
    cached = cached_keywords(report, cache_dir)
    if cached is not None:
        return cached
    folder = cache_dir or paths.cache_dir()
    failures: list[OSError] | None = [] if notices is not None else None
    keywords = _compute(_job(report), folder, failures)
    if notices is not None and failures:
        add_once(notices, unwritable(folder, failures[0]))
    return keywords


def ensure_keywords(
    reports: Sequence[Report],
    cache_dir: Path | None = None,
    *,
    cancel: threading.Event | None = None,
    notices: list[Notice] | None = None,
) -> list[Keywords]:
    """Keywords for each report, for the app: missing ones are computed in a child process.

    Safe from a worker thread (the child pays jieba's load, see ``child``); raises
    RuntimeError with the child's error if it fails, and ChildCancelled (the child ended
    at once) when ``cancel`` is set meanwhile. Keywords the child could not cache come back
    in its answer, with one Notice for ``notices``.
    """
    folder = cache_dir or paths.cache_dir()
    found = [cached_keywords(r, folder) for r in reports]
    missing = [_job(r) for r, k in zip(reports, found, strict=True) if k is None]
    if missing:
        answer = run_child(
            "zimao_tui.insights.keywords",
            {"cache_dir": str(folder), "jobs": missing},
            "extracting keywords",
            cancel,
        )
        unsaved = unsaved_caches(answer, folder, notices)
        found = [
            k if k is not None else _checked(unsaved.get(_digest(r))) or cached_keywords(r, folder)
            for r, k in zip(reports, found, strict=True)
        ]
    if any(k is None for k in found):
        raise RuntimeError(f"the keyword builder wrote no usable cache into {folder}")
    return [k for k in found if k is not None]


def main() -> int:
    """Child-process entry: compute the keyword jobs given as JSON on stdin.

    Prints ``{"unsaved": {cache key: document}, "error": why}`` when a cache file could not
    be written (the parent uses the keywords as they are), else nothing."""
    from zimao_tui.search.child import exit_on_sigterm
    from zimao_tui.search.segment import jieba_cache_error

    exit_on_sigterm()  # the app quitting ends us: no half-written cache file is left
    job = json.load(sys.stdin)
    cache_dir = Path(job["cache_dir"])
    unsaved: dict[str, Any] = {}
    failures: list[OSError] = []
    for one in job["jobs"]:
        before = len(failures)
        keywords = _compute(one, cache_dir, failures)
        if len(failures) > before:
            unsaved[one["key"]] = {"version": VERSION, "title": one["title"], "keywords": keywords}
    error = failures[0] if failures else jieba_cache_error(cache_dir)
    if error is not None:
        json.dump({"unsaved": unsaved, "error": str(error.strerror or error)}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
