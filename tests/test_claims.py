"""Claim ranking on text we write ourselves, with a stand-in encoder (no model)."""

import zlib

import numpy as np

from summarise.claims import is_candidate, quoted_share, rank_claims
from summarise.text import sentences


class BagOfWords:
    """Unit vectors of hashed words: similar sentences get similar vectors."""

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 64))
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vectors[row, zlib.crc32(word.strip(".,'\"").encode()) % 64] += 1
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


ARTICLE = (
    "The city council voted on Monday to close the central library next spring. "
    "Officials said the building needs repairs costing four million pounds. "
    "'I think this is a terrible day for all of us,' one reader said. "
    "The city council voted on Monday to close the central library next spring, officials said. "
    "A petition against the closure has gathered 12,000 signatures in a week. "
    "The weather was mild."
)


def test_claims_are_verbatim_spans_in_article_order() -> None:
    claims = rank_claims(sentences(ARTICLE), BagOfWords(), 3)
    assert len(claims) == 3
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for claim in claims:
        assert ARTICLE[claim.start : claim.end] == claim.text


def test_lead_is_kept_and_its_repeat_is_filtered() -> None:
    texts = [c.text for c in rank_claims(sentences(ARTICLE), BagOfWords(), 3)]
    assert texts[0].startswith("The city council voted on Monday")
    assert sum(t.startswith("The city council voted") for t in texts) == 1


def test_a_first_person_quotation_loses_to_a_reported_fact() -> None:
    texts = [c.text for c in rank_claims(sentences(ARTICLE), BagOfWords(), 3)]
    assert not any(t.startswith("'I think") for t in texts)
    assert any("petition" in t for t in texts)


def test_quoted_share() -> None:
    [quote] = sentences("'We will win this,' she said.")
    assert 0.5 < quoted_share(quote) < 1
    [plain] = sentences("The mayor resigned on Friday.")
    assert quoted_share(plain) == 0


def test_default_count_and_empty_input() -> None:
    assert rank_claims([], BagOfWords()) == []
    assert len(rank_claims(sentences(ARTICLE), BagOfWords())) == 3


def test_a_roundup_signature_line_is_no_claim():
    text = (
        "“We are not closing the zoo. We are resting the zoo.”\n"
        "― Gemma Ord, chief executive of Hadley Park Zoo, on the decision to shut it\n\n"
        "- The council voted five to two to close the two schools in June."
    )
    found = [s.text for s in sentences(text) if is_candidate(s)]
    assert not any(s.startswith("―") for s in found)
    assert "- The council voted five to two to close the two schools in June." in found
