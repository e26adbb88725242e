"""Claims cut to their core statement: verbatim spans, attribution kept, never a fragment."""

from __future__ import annotations

import pytest

from summarise.trimming import trim_claim


@pytest.fixture(scope="module")
def nlp():
    from summarise.models.nlp import load_spacy

    return load_spacy()


def trimmed(nlp, text: str) -> str:
    kept = trim_claim(nlp(text)[:])
    return text if kept is None else text[kept[0]:kept[1]]


@pytest.mark.parametrize("sentence, core", [
    ("Heavy snow closed the main road into the valley on Friday, stranding hundreds of drivers overnight.",
     "Heavy snow closed the main road into the valley on Friday"),
    ("With the harvest finally over, farmers in the region began selling their grain abroad.",
     "farmers in the region began selling their grain abroad."),
    ("The club's coaching award for this season went to Maria Lopez, who has led the youth team for twelve years.",
     "The club's coaching award for this season went to Maria Lopez"),
    ("Several cities in the south reported record temperatures this week, including Lisbon, Madrid and Seville.",
     "Several cities in the south reported record temperatures this week"),
    ("The home side won the league title on Saturday, with three matches still left to play.",
     "The home side won the league title on Saturday"),
])
def test_an_elaboration_at_either_end_is_cut(nlp, sentence, core):
    assert trimmed(nlp, sentence) == core


@pytest.mark.parametrize("sentence", [
    "The bridge over the river will reopen to traffic in June, the council said on Monday.",
    "According to the council, the bridge over the river will reopen to traffic in June.",
    "As the minister told parliament, the new hospital wing will open before the winter.",
])
def test_attribution_is_never_cut(nlp, sentence):
    assert trimmed(nlp, sentence) == sentence


def test_a_remainder_too_short_to_stand_alone_keeps_the_sentence(nlp):
    sentence = "The award went to Maria Lopez, who has led the youth team for twelve years."
    assert trimmed(nlp, sentence) == sentence


def test_a_cut_never_leaves_half_a_quotation(nlp):
    sentence = 'Officials across the county praised the "new budget plan, which cuts costs for every family".'
    assert trimmed(nlp, sentence) == sentence


def test_a_plain_sentence_is_left_whole(nlp):
    sentence = "The central bank raised its main interest rate by half a point on Thursday."
    assert trimmed(nlp, sentence) == sentence


ARTICLE = """Floods in the valley

Heavy rain flooded the lower town of Ardmore on Friday night, forcing hundreds of families to leave their homes.

The river rose by almost two metres in six hours, the regional water authority said.

Emergency crews from three counties worked through the night to reinforce the old levee.

Schools in the town will stay closed until Wednesday while engineers inspect the buildings.
"""


def test_cli_cuts_claims_unless_whole_sentences_are_asked_for(tmp_path):
    import json

    from click.testing import CliRunner

    from summarise.cli import main

    path = tmp_path / "floods.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cut, whole = (json.loads(CliRunner().invoke(main, [str(path), "-f", "json", "-n", "4", *extra]).stdout)
                  for extra in ([], ["--whole-sentences"]))
    first_sentence = "Heavy rain flooded the lower town of Ardmore on Friday night, forcing hundreds of families to leave their homes."
    assert whole["claims"][0]["text"] == first_sentence
    assert cut["claims"][0]["text"] == "Heavy rain flooded the lower town of Ardmore on Friday night"
    for claim in cut["claims"] + whole["claims"]:
        assert ARTICLE[claim["start"]:claim["end"]] == claim["text"]
    assert [c["text"] for c in cut["claims"][1:]] == [c["text"] for c in whole["claims"][1:]]


def test_a_closing_phrase_that_says_who_spoke_is_kept(nlp):
    sentence = ("The plan will cost far more than anyone in the council has admitted, "
                "adding that the vote should be delayed.")
    assert trimmed(nlp, sentence) == sentence
