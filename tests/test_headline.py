"""Headlines are made only of the article's words, in headline shape."""

import re

import pytest

from summarise.headline import MAX_WORDS, make_headline


@pytest.fixture(scope="module")
def nlp():
    from summarise.models.nlp import load_spacy

    return load_spacy()


def _headline(nlp, text: str) -> str:
    doc = nlp(text)
    return make_headline(list(doc.sents))


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def test_attribution_tail_and_dateline_are_dropped(nlp) -> None:
    text = "WASHINGTON (Reuters) - The Senate passed the budget bill on Friday, officials said."
    headline = _headline(nlp, text)
    assert "said" not in headline and "Reuters" not in headline
    assert headline.startswith("The Senate passed the budget bill")


def test_long_sentence_is_cut_to_headline_length_from_its_own_words(nlp) -> None:
    text = (
        "The mayor of the northern port city, who took office in a contested election last year"
        " after a long campaign, announced on Tuesday a plan to rebuild the harbour walls that"
        " were damaged in the winter storms, at a cost of four million pounds."
    )
    headline = _headline(nlp, text)
    assert 4 <= len(headline.split()) <= MAX_WORDS
    assert _words(headline) <= _words(text)


def test_a_dropped_non_breaking_space_does_not_glue_words(nlp) -> None:
    text = "A\u00a0Bloomberg poll\u00a0shows that wealthy voters have abandoned the party."
    headline = _headline(nlp, text)
    assert _words(headline) <= _words(text)
