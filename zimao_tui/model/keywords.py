"""Keywords per chapter and section (jieba TF-IDF), computed once and cached on disk.

jieba costs about 0.8 s to load and prints to stderr while doing it, so keywords are never
computed at start-up: ``build_keywords`` runs while indexing (or from the CLI) and writes a
cache keyed by a hash of the report's text; ``cached_keywords`` only reads that cache and
never imports jieba, so the app can show keywords instantly when they exist. A corrupt or
stale cache is treated as missing and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path
from types import ModuleType

from zimao_tui import paths
from zimao_tui.model.atomic import atomic_write_text
from zimao_tui.model.report import Heading, Report
from zimao_tui.model.terms import extract_terms

VERSION = 2
"""Bump when the extraction changes, so old caches are rebuilt rather than trusted."""
TOP_K = 8
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


def _digest(report: Report) -> str:
    """Hash of what keywords depend on: the text and the heading tree (ids change with it)."""
    h = hashlib.sha256(f"v{VERSION}\n".encode())
    for heading in report.headings():
        h.update(f"{heading.id}\t{heading.label}\n".encode())
    for paragraph in report.paragraphs:
        h.update(paragraph.encode("utf-8") + b"\n")
    return h.hexdigest()[:20]


def cache_path(report: Report, cache_dir: Path | None = None) -> Path:
    """Where the keywords of this exact report text are cached."""
    return (cache_dir or paths.cache_dir()) / f"keywords-{_digest(report)}.json"


def cached_keywords(report: Report, cache_dir: Path | None = None) -> Keywords | None:
    """Keywords from the cache, or None when missing, stale or corrupt. Never imports jieba."""
    path = cache_path(report, cache_dir)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None  # missing or damaged: the caller rebuilds it, never fatal
    if not isinstance(doc, dict) or doc.get("version") != VERSION:
        return None
    keywords = doc.get("keywords")
    if not isinstance(keywords, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
        for k, v in keywords.items()
    ):
        return None
    return keywords


def load_jieba(cache_dir: Path | None = None) -> ModuleType:
    """jieba, quiet and with its dictionary cache in our cache folder (never a shared /tmp file).

    The one place this module sets jieba up; the search index does the same setup and the
    two can share this function.
    """
    import jieba  # imported here: 0.8 s and stderr noise that must stay off start-up

    folder = cache_dir or paths.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.cache_file = str(folder / "jieba.cache")
    return jieba


def _heading_text(heading: Heading) -> str:
    return "\n".join([heading.title, *(m.text for m in heading.measures())])


def _coined_words(report: Report) -> list[str]:
    """The report's own short coined terms (“光芯屏端网”), which jieba would cut into pieces."""
    return [
        t.term
        for t in extract_terms(report)
        if t.kind == "term" and 2 <= len(t.term) <= 8 and all("\u3400" <= ch <= "\u9fff" for ch in t.term)
    ]


def build_keywords(report: Report, cache_dir: Path | None = None) -> Keywords:
    """Compute keywords for every chapter and section, write the cache, and return them.

    A private tokenizer learns the report's coined terms, so “光芯屏端网” stays one keyword
    without changing how jieba's shared default tokenizer cuts anybody else's text.
    """
    cached = cached_keywords(report, cache_dir)
    if cached is not None:
        return cached
    jieba = load_jieba(cache_dir)
    from jieba.analyse import TFIDF

    tokenizer = jieba.Tokenizer()
    tokenizer.cache_file = jieba.dt.cache_file
    for word in _coined_words(report):
        tokenizer.add_word(word)
    tfidf = TFIDF()
    tfidf.tokenizer = tokenizer
    tfidf.stop_words = tfidf.stop_words | _BOILERPLATE
    keywords: Keywords = {}
    for heading in report.headings():
        if heading.kind not in ("chapter", "section"):
            continue
        tags = tfidf.extract_tags(_heading_text(heading), topK=TOP_K * 2)
        keywords[heading.id] = [t for t in tags if len(t) > 1 and not _NUMERAL.search(t)][:TOP_K]
    doc = {"version": VERSION, "title": report.title, "keywords": keywords}
    atomic_write_text(cache_path(report, cache_dir), json.dumps(doc, ensure_ascii=False, indent=1))
    return keywords
