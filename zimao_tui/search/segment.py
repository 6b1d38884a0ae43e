"""Cutting a report into jieba words and reading them in pinyin: the slow half of the index.

This is the only module that imports jieba and pypinyin. Both are slow to load (jieba's
dictionary about 0.8 s, pypinyin about 0.2 s), so they are imported inside the functions
that need them, and the result is cached per report (see ``index_cache``). ``open_index``
runs this module as a separate process (``python -m zimao_tui.search.segment``) on a cold
cache, so an app calling it from a worker thread never holds the GIL for jieba's load.

Pinyin is computed per jieba word, not per character, so that polyphonic characters read as
they do in the word (银行 yin hang, 行长 hang zhang, 重庆 chong qing).
"""

from __future__ import annotations

import json
import logging
import re
import stat
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zimao_tui.document.coined import coined_words
from zimao_tui.search.vocab import load_userdict_words
from zimao_tui.store.cachedir import private_dir

if TYPE_CHECKING:
    import jieba

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")

_BASE: jieba.Tokenizer | None = None
_BASE_ERROR: OSError | None = None
_BASE_DIR: Path | None = None
"""The cache folder the base tokenizer was built for: ``_BASE_ERROR`` is about that folder only."""


def _base_tokenizer(cache_dir: Path) -> jieba.Tokenizer:
    """jieba's default dictionary plus content/userdict.txt, loaded once per process.

    Its own cache file goes to our cache dir (never the shared ``/tmp/jieba.cache``) and its
    "Building prefix dict" chatter is silenced so it cannot paint over a terminal. The cache
    is optional: if it cannot be written, jieba's own "Dump cache file failed" traceback is
    silenced too and ``jieba_cache_error`` says why, for the caller's one message. A cache
    file that is not a regular file or not the (dict, total) pair jieba writes is deleted
    before jieba reads it, so a damaged one cannot make it allocate gigabytes.
    """
    global _BASE, _BASE_ERROR, _BASE_DIR
    if _BASE is None:
        import jieba

        _BASE_DIR = cache_dir

        jieba.setLogLevel(logging.WARNING)
        cache_path = cache_dir / "jieba.cache"
        try:
            private_dir(cache_dir)
            _drop_damaged_cache(cache_path)
        except OSError as exc:
            _BASE_ERROR = exc  # jieba then fails to write its cache too: said once by the caller
        cache_file = str(cache_path)
        jieba.dt.cache_file = cache_file
        tokenizer = jieba.Tokenizer()
        tokenizer.cache_file = cache_file
        from zimao_tui.search.child import sigterm_deferred

        jieba.setLogLevel(logging.CRITICAL)  # an unwritable cache is reported below, once
        try:
            with sigterm_deferred():  # jieba removes its cache's temp file on Exception only
                tokenizer.initialize()
        finally:
            jieba.setLogLevel(logging.WARNING)
        if _BASE_ERROR is None and not cache_path.is_file():
            _BASE_ERROR = OSError(f"jieba could not write {cache_path}")
        for word, freq in load_userdict_words():
            tokenizer.add_word(word, freq)
        _BASE = tokenizer
    return _BASE


_JIEBA_HEADS = (b")\x02{", b"\xa9\x02{", b")\x02\xfb", b"\xa9\x02\xfb")
"""How marshal starts jieba's (dict, total) pair (a small tuple of two, then a dict)."""
_MAX_JIEBA_CACHE = 256 * 1024 * 1024


def _drop_damaged_cache(path: Path) -> None:
    """Delete a jieba cache file that is not one jieba wrote (jieba then rebuilds it)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode) and info.st_size <= _MAX_JIEBA_CACHE:
        with path.open("rb") as handle:
            if handle.read(3) in _JIEBA_HEADS:
                return
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    path.unlink()


def jieba_cache_error(cache_dir: Path | None = None) -> OSError | None:
    """Why jieba's own cache file could not be written in this process, if it could not.

    With ``cache_dir``: only if that is the folder jieba tried (it writes its cache once per
    process; a failure in one folder says nothing about another, as when tests change folders).
    """
    if cache_dir is not None and cache_dir != _BASE_DIR:
        return None
    return _BASE_ERROR


def report_tokenizer(cache_dir: Path, texts: Sequence[str]) -> jieba.Tokenizer:
    """A private copy of the base tokenizer that also knows this report's coined terms.

    Reports invent their own vocabulary (“光芯屏端网”, “一业一证”): jieba would cut those into
    pieces, so pinyin initials and word matching would miss them. A copy, so one report's
    words never change how another is cut: the cached index of a
    report depends on that report's text alone, whatever else the process indexed before.
    """
    import jieba

    base = _base_tokenizer(cache_dir)
    tokenizer = jieba.Tokenizer(base.dictionary)
    tokenizer.cache_file = base.cache_file
    tokenizer.FREQ = dict(base.FREQ)
    tokenizer.total = base.total
    tokenizer.user_word_tag_tab = dict(base.user_word_tag_tab)
    tokenizer.initialized = True
    for word in coined_words(texts):  # “光芯屏端网” stays one word
        tokenizer.add_word(word)
    return tokenizer


@lru_cache(maxsize=1 << 16)
def word_pinyin(word: str) -> tuple[str, ...]:
    """One syllable per character of ``word``; "" for characters that are not Chinese.

    Memoised: pypinyin is most of the cost of indexing, and a field's reports share most of
    their words (indexing 1,000 reports into the library reads each word's pinyin once)."""
    from pypinyin import Style, lazy_pinyin

    out = [""] * len(word)
    for run in _CJK_RUN.finditer(word):
        syllables = lazy_pinyin(run.group(), style=Style.NORMAL, errors="ignore")
        if len(syllables) != len(run.group()):  # pypinyin merged or dropped something
            syllables = [
                (lazy_pinyin(ch, style=Style.NORMAL, errors="ignore") or [""])[0] for ch in run.group()
            ]
        for i, syllable in enumerate(syllables):
            out[run.start() + i] = syllable.lower()
    return tuple(out)


def analyse(texts: Sequence[str], cache_dir: Path) -> dict[str, list[Any]]:
    """Word boundaries and per-character pinyin for each text (one report's measures).

    ``starts[i]`` lists the offsets where text i's jieba words begin; ``pinyin[i]`` is its
    characters' syllables joined by ``|`` (exactly one entry per character, "" when the
    character has no pinyin), so pinyin matches map straight back to character spans.

    jieba cuts the folded text (``fold``: simplified, today's variants), which its dictionary
    knows, so a traditional-character report is cut into the same words as its simplified
    twin; pinyin is read from the report's own characters, which pypinyin knows in either
    script (folding 乾隆 to 干隆 would misread it).
    """
    from zimao_tui.search.fold import fold

    folded = [fold(text) for text in texts]
    tokenizer = report_tokenizer(cache_dir, folded)
    starts: list[list[int]] = []
    pinyin: list[str] = []
    for text, cut in zip(texts, folded, strict=True):
        offsets: list[int] = []
        syllables: list[str] = []
        pos = 0
        for word in tokenizer.cut(cut, HMM=True):
            offsets.append(pos)
            syllables.extend(word_pinyin(text[pos : pos + len(word)]))
            pos += len(word)
        if pos != len(text):
            raise RuntimeError(f"jieba lost characters: {pos} of {len(text)} in {text[:20]!r}")
        starts.append(offsets)
        pinyin.append("|".join(syllables))
    return {"starts": starts, "pinyin": pinyin}


def main() -> int:
    """Build missing indexes from a JSON job on stdin: ``{"cache_dir", "reports": [[text…]…]}``.

    Run by ``open_index`` in a child process; it writes one cache file per report. Prints
    ``{"unsaved": {n: index file payload}, "error": why}`` for the reports whose file could
    not be written (the cache is optional: the parent uses them as they are), else nothing.
    """
    from zimao_tui.search.child import exit_on_sigterm
    from zimao_tui.search.index_cache import dumps, save

    exit_on_sigterm()  # the app quitting ends us: no half-written cache file is left
    job = json.load(sys.stdin)
    cache_dir = Path(job["cache_dir"])
    unsaved: dict[int, Any] = {}
    error: OSError | None = None
    for n, texts in enumerate(job["reports"]):
        data = analyse(texts, cache_dir)
        try:
            save(cache_dir, texts, data)
        except OSError as exc:
            error = exc
            unsaved[n] = json.loads(dumps(texts, data))
    error = error or jieba_cache_error(cache_dir)
    if error is not None:
        json.dump({"unsaved": unsaved, "error": str(error.strerror or error)}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
