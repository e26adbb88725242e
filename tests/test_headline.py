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
    assert headline == "Senate passed the budget bill"  # headlinese: no opening article, no date


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


def test_a_named_speaker_leads_the_headline(nlp) -> None:
    text = "Senator Jane Porter said the new dam would flood three villages in the valley."
    assert _headline(nlp, text) == "Jane Porter: New dam would flood three villages in the valley"


def test_an_opening_phrase_gives_way_to_the_subject(nlp) -> None:
    text = "In a speech to farmers in the north of the county, the minister promised new grants."
    assert _headline(nlp, text).startswith("Minister promised new grants")


def test_dropped_commas_keep_words_apart(nlp) -> None:
    text = "World leaders denounce the missile test; Obama, others vow consequences."
    headline = _headline(nlp, text)
    assert _words(headline) <= _words(text)
    assert "Obamaothers" not in headline


def test_the_lead_sentence_is_the_first_source() -> None:
    from summarise.brief import Claim
    from summarise.headline import headline_sources
    from summarise.text import sentences

    found = sentences("Too short. The council voted to close the library. A petition has 900 names.")
    claims = [Claim("A petition has 900 names.", 51, 76, 0.9)]
    assert headline_sources(found, claims) == [(11, 50), (51, 76)]


@pytest.mark.parametrize("opening", ["WASHINGTON ― ", "HEMPSTEAD, N.Y. ― ", "NEWPORT NEWS, Va. - ", "LANCASTER, Ohio — ",
                                     "SANTA FE, New Mexico -- "])
def test_datelines_with_bars_and_state_names(opening: str) -> None:
    from summarise.text import dateline_end

    text = opening + "The Senate passed the bill."
    assert text[dateline_end(text):] == "The Senate passed the bill."


def test_a_condition_is_never_dropped(nlp) -> None:
    text = "If the council approves the plan, the library will close next spring."
    headline = _headline(nlp, text)
    assert headline.startswith("If the council approves the plan")


def test_trailing_participle_clause_does_not_dangle(nlp) -> None:
    text = (
        "Dock workers at Europe's largest port walked off the job on Tuesday, halting container "
        "traffic for the first time in 14 years and stranding more than 40 ships in the North Sea, "
        "port officials said."
    )
    headline = _headline(nlp, text)
    assert "stranding" not in headline and not headline.endswith(" and")
    assert headline.startswith("Dock workers") and "walked off the job" in headline


def test_a_headline_never_ends_on_a_conjunction(nlp) -> None:
    # the dateline left in: the parser makes "traffic" a conjunct, which used to keep the "and"
    text = (
        "Rotterdam port strike: dock workers walk out\n"
        "ROTTERDAM (Wire) – Dock workers at Europe's largest port walked off the job on Tuesday, halting "
        "container traffic for the first time in 14 years and stranding more than 40 ships in the North "
        "Sea, port officials said."
    )
    doc = nlp(text)
    headline = make_headline([list(doc.sents)[-1]])
    assert not re.search(r"\b(?:and|or|of|in|the|for)$", headline), headline


def test_a_title_line_is_the_headline_and_not_a_claim() -> None:
    from summarise.brief import Article
    from summarise.claims import Claim
    from summarise.pipeline import Summariser

    class Encoder:
        name = "fake"

        def encode(self, texts):
            import numpy as np

            return np.ones((len(texts), 4)) / 2

    from summarise.models.nlp import load_spacy

    text = (
        "# Port strike halts Rotterdam\n\n"
        "Dock workers at Europe's largest port walked off the job on Tuesday, port officials said.\n\n"
        "The strike is expected to last at least 48 hours, the union said on Monday."
    )
    brief = Summariser(embedder=Encoder(), nlp=load_spacy()).summarise(Article(text, "a.md"))
    assert brief.headline == "Port strike halts Rotterdam"
    assert all("Port strike halts" not in c.text for c in brief.claims)
    assert isinstance(brief.claims[0], Claim)


def test_an_html_title_is_the_headline_without_the_site_name() -> None:
    from summarise.brief import Article
    from summarise.models.nlp import load_spacy
    from summarise.pipeline import Summariser, page_title

    class Encoder:
        name = "fake"

        def encode(self, texts):
            import numpy as np

            return np.ones((len(texts), 4)) / 2

    assert page_title("Port strike: dock workers walk out | The Daily Wire") == "Port strike: dock workers walk out"
    assert page_title("Dock workers walk out - BBC News") == "Dock workers walk out"
    text = (
        "ROTTERDAM (Wire) – Dock workers at Europe's largest port walked off the job on Tuesday, halting "
        "container traffic for the first time in 14 years and stranding more than 40 ships, officials said."
    )
    article = Article(text, "story.html", title="Rotterdam port strike: dock workers walk out | The Daily Wire")
    brief = Summariser(embedder=Encoder(), nlp=load_spacy()).summarise(article)
    assert brief.headline == "Rotterdam port strike: dock workers walk out"


def test_a_hyphenated_word_stays_whole(nlp) -> None:
    text = "A fast-moving wildfire tore through pine forests north of Marseille on Monday, officials said."
    headline = _headline(nlp, text)
    assert headline.lower().startswith("fast-moving wildfire"), headline
