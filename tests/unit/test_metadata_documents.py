"""extract() over the real documents of tests/documents (h11-corpus's hand-written expectations).

This checks the metadata half of issue 11 on its own, before the tree is built: the title, the
date, the issuer and document number where the expect file states them, that no furniture
string survives in a body line, and that every expected body sentence is still in the body.
It also holds the seam's invariant (every non-blank line in the body or dropped, once) on each
real document and on random mixtures of their lines.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zimao_tui.document.decode import decode
from zimao_tui.document.metadata import Extracted, extract
from zimao_tui.document.numerals import only_date
from zimao_tui.store.tomlcompat import loads

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
NAMES = sorted(p.name.removesuffix(".expect.toml") for p in DOCUMENTS.glob("*.expect.toml"))
_SPACE = re.compile(r"\s+")


def split(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@cache
def load(name: str) -> tuple[list[str], Extracted, dict[str, Any]]:
    text, _ = decode((DOCUMENTS / f"{name}.txt").read_bytes(), name)
    lines = split(text)
    expect = dict(loads((DOCUMENTS / f"{name}.expect.toml").read_text(encoding="utf-8")))
    return lines, extract(lines, origin=str(DOCUMENTS / f"{name}.txt")), expect


def squeeze(text: str) -> str:
    return _SPACE.sub("", text).replace("（", "(").replace("）", ")")


def assert_seam(lines: list[str], ex: Extracted) -> None:
    dropped = [d.line for d in ex.dropped]
    assert len(set(dropped)) == len(dropped), "a line dropped twice"
    assert not set(dropped) & set(ex.body), "a line both in the body and dropped"
    assert sorted([*dropped, *ex.body]) == [i for i, line in enumerate(lines) if line.strip()]
    assert all(lines[d.line] == d.text for d in ex.dropped)


@pytest.mark.parametrize("name", NAMES)
def test_seam(name: str) -> None:
    lines, ex, _ = load(name)
    assert_seam(lines, ex)


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    _, ex, expect = load(name)
    assert ex.meta.title == expect["title"]
    assert ex.meta.date == expect.get("date")
    for key in ("issuer", "doc_number"):
        if key in expect:
            assert getattr(ex.meta, key) == expect[key]


@pytest.mark.parametrize("name", NAMES)
def test_no_furniture_in_the_body(name: str) -> None:
    """No furniture phrase in a body line; a signature's date line is the document's own closing.

    (24's expect file lists its 成文日期 value, 2018年11月20日, which is also its signature date.)
    """
    lines, ex, expect = load(name)
    body = [squeeze(lines[i]) for i in ex.body if only_date(lines[i]) is None]
    for phrase in expect.get("furniture", []):
        assert not any(squeeze(phrase) in line for line in body), phrase
    for word in expect.get("furniture_lines", []):
        assert squeeze(word) not in body, word


@pytest.mark.parametrize("name", NAMES)
def test_body_sentences_kept(name: str) -> None:
    lines, ex, expect = load(name)
    body = "".join(squeeze(lines[i]) for i in ex.body)
    for sentence in expect.get("sentences", []):
        assert squeeze(sentence) in body, sentence


@cache
def _real_lines() -> list[str]:
    return [line for name in NAMES for line in load(name)[0]]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_seam_holds_on_any_mixture(data: st.DataObject) -> None:
    pool = _real_lines()
    picked = data.draw(
        st.lists(st.one_of(st.sampled_from(pool), st.text(max_size=30), st.just("")), max_size=60)
    )
    ex = extract(picked, origin="mix.txt")
    assert_seam(picked, ex)
    assert ex.meta.title
