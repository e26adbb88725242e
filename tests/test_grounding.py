"""Grounding generated claims in the article, with the real sentence embedder."""

from __future__ import annotations

import pytest

from summarise.grounding import ground_claims, missing_facts, names, numbers
from summarise.models.prompts import clean_headline, parse_list
from summarise.text import sentences

ARTICLE = (
    "KYIV (Wire) – Ukraine said on Sunday it had shot down 42 Russian drones overnight, "
    "most of them over the Odesa region.\n\n"
    "Exports of grain through the Black Sea rose to 3,400,000 tonnes in the first six months "
    "of the year, the agriculture ministry said.\n\n"
    "Mayor Hennadiy Trukhanov said two warehouses in the port had been damaged."
)


@pytest.fixture(scope="module")
def embedder():
    from summarise.models.embedder import shared_embedder

    return shared_embedder()


def ground(claims: list[str], embedder):
    return ground_claims(claims, sentences(ARTICLE), ARTICLE, embedder)


def test_a_faithful_paraphrase_is_supported_with_its_span(embedder) -> None:
    [claim] = ground(["Ukraine shot down 42 Russian drones overnight, mostly over Odesa."], embedder)
    assert claim.supported is True
    assert "42 Russian drones" in ARTICLE[claim.start : claim.end]


def test_merged_facts_are_unsupported(embedder) -> None:
    """Facts from different sentences (a drone count with the trade statistic's time window,
    or its tonnage) do not support each other, even from adjacent sentences."""
    merged = ground(
        [
            "Ukraine shot down 42 Russian drones in the first six months of the year.",
            "Ukraine shot down 3,400,000 drones over Odesa.",
        ],
        embedder,
    )
    assert [claim.supported for claim in merged] == [False, False]


def test_invented_numbers_and_names_are_unsupported(embedder) -> None:
    invented = ground(
        [
            "Ukraine said it had shot down 57 Russian drones overnight.",
            "Mayor Vitali Klitschko said two warehouses in the port had been damaged.",
        ],
        embedder,
    )
    assert [claim.supported for claim in invented] == [False, False]
    # The span shown is still the closest one, so a reader can compare.
    assert "drones" in ARTICLE[invented[0].start : invented[0].end]
    assert "warehouses" in ARTICLE[invented[1].start : invented[1].end]


def test_an_unrelated_claim_is_unsupported(embedder) -> None:
    [claim] = ground(["The central bank raised interest rates to curb inflation."], embedder)
    assert claim.supported is False


def test_the_dateline_counts_as_source(embedder) -> None:
    [claim] = ground(["In Kyiv, Ukraine said it had shot down 42 Russian drones overnight."], embedder)
    assert claim.supported is True


def test_numbers_and_names() -> None:
    assert numbers("3,400,000 tonnes in 2024.") == {"3400000", "2024"}
    assert numbers("Six of the twenty ships, a million tonnes") == {"six", "twenty", "million"}
    ordinary = {"the", "officials"}
    assert names("Officials in Kyiv met NATO's envoy", ordinary) == {"Kyiv", "NATO"}
    assert names("Trukhanov met the envoy", ordinary) == {"Trukhanov"}
    assert missing_facts("Trukhanov counted 7 ships", "Mayor Trukhanov saw 7 ships.", ordinary) == set()
    assert missing_facts("Trukhanov counted 8 ships", "Mayor Trukhanov saw 7 ships.", ordinary) == {"8"}


def test_parse_list_reads_numbered_and_bulleted_answers() -> None:
    answer = "Sure! Here are the facts:\n1. Ukraine shot down 42 drones.\n2) Grain exports rose sharply.\n\n- Two warehouses were damaged.\nHope this helps."
    assert parse_list(answer) == [
        "Ukraine shot down 42 drones.", "Grain exports rose sharply.", "Two warehouses were damaged.",
    ]
    assert parse_list("Ukraine shot down 42 drones. Two warehouses were damaged.") == [
        "Ukraine shot down 42 drones.", "Two warehouses were damaged.",
    ]
    assert parse_list("1. **Same claim here.**\n2. same claim here.") == ["Same claim here."]


def test_clean_headline() -> None:
    assert clean_headline('Headline: "Ukraine downs 42 drones."\nMore text') == "Ukraine downs 42 drones"
    assert clean_headline("\n## Grain exports rise\n") == "Grain exports rise"
