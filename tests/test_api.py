"""The Python API: summarise_text returns a Brief."""

from __future__ import annotations

import pytest

import summarise
from summarise import Brief, summarise_text
from summarise.errors import InputError


def test_summarise_text_returns_a_brief(article_text: str) -> None:
    brief = summarise_text(article_text, source="lisbon.txt")
    assert isinstance(brief, Brief)
    data = brief.to_dict()
    assert data["source"] == "lisbon.txt"
    assert data["headline"]
    assert len(brief.claims) >= 3
    for item in brief.claims + brief.quotes:
        assert article_text[item.start : item.end] == item.text
    assert brief.quotes and all(q.speaker for q in brief.quotes)


def test_claim_count_can_be_chosen(article_text: str) -> None:
    assert len(summarise_text(article_text, claims=4).claims) == 4


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_raises_the_input_error(text: str) -> None:
    with pytest.raises(InputError):
        summarise_text(text)


def test_importing_the_package_is_light() -> None:
    assert summarise.__version__
    assert "summarise_text" in summarise.__all__
