"""Rank the key claims of an article: verbatim sentences, never rewritten.

Score = a lead prior (news puts what matters first) blended with centrality in
embedding space (how much of the article a sentence speaks for), less penalties
for quotation, first-person voice and length; a redundancy filter then keeps
the chosen claims from saying the same thing twice. Boilerplate and captions are
removed before this (``summarise.boilerplate``), so positions count real sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from summarise.brief import Claim
from summarise.text import DASHES, Sentence, quotation_spans

if TYPE_CHECKING:
    import numpy as np


class SentenceEncoder(Protocol):
    def encode(self, texts: list[str]) -> "np.ndarray": ...


MIN_WORDS = 5
MAX_WORDS = 80
# A roundup's signature line: a dash, a name, a comma and details, no full stop at the end.
_SIGN_OFF = re.compile(rf"[{DASHES}]\s*[A-Z][^,\n]{{0,60}},[^\n]*[^.!?\"”’\s]\s*$")
# Weights measured on cnndm_dev100 (benchmarks/rouge.py); see README "Quality".
LEAD_WEIGHT = 0.6
CENTRALITY_WEIGHT = 0.2
QUOTED_PENALTY = 0.1
PERSONAL_PENALTY = 0.1
LENGTH_PENALTY = 0.1
COMFORTABLE_WORDS = 30
REDUNDANCY_LIMIT = 0.8
# First and second person, or a question: the voice of a quotation, not of the report.
_PERSONAL = re.compile(r"\b(?:I|I'm|I've|we|We|you|You|my|our|me|us)\b|\?[\"'’”]*$")


def default_claim_count(sentence_count: int) -> int:
    """Three claims for a short story, up to six for a long one."""
    return max(1, min(sentence_count, 3 + sentence_count // 20, 6))


def is_candidate(sentence: Sentence) -> bool:
    """Claims are full statements: not a fragment, not a wall of text, not the line that signs
    a quotation in a roundup ("― Gemma Ord, chief executive of Hadley Park Zoo, on the closure")."""
    words = len(sentence.text.split())
    statement = bool(re.search(r"[a-z]", sentence.text)) and not _SIGN_OFF.match(sentence.text)
    return MIN_WORDS <= words <= MAX_WORDS and statement


def lead_prior(position: int) -> float:
    """1.0 for the first sentence, then 1/2, 1/3…: news puts what matters first."""
    return 1.0 / (1.0 + position)


def quoted_share(sentence: Sentence) -> float:
    """How much of the sentence lies inside quotation marks (0 to 1)."""
    inside = sum(q.end - q.start for q in quotation_spans(sentence.text))
    return inside / max(1, len(sentence.text))


def sentence_score(sentence: Sentence, position: int, centrality: float) -> float:
    """Lead prior and centrality, less the marks of what summaries leave out.

    A reporter's own statement of fact makes a better claim than a quotation
    (someone's words, often first person) or a rambling sentence.
    """
    words = len(sentence.text.split())
    return (
        LEAD_WEIGHT * lead_prior(position)
        + CENTRALITY_WEIGHT * centrality
        - QUOTED_PENALTY * quoted_share(sentence)
        - PERSONAL_PENALTY * bool(_PERSONAL.search(sentence.text))
        - LENGTH_PENALTY * max(0, words - COMFORTABLE_WORDS) / COMFORTABLE_WORDS
    )


def rank_claims(
    sentences: list[Sentence], encoder: SentenceEncoder, count: int | None = None
) -> list[Claim]:
    """Pick ``count`` claims among ``sentences`` (boilerplate already removed).

    Returned in article order, not score order: a claim often leans on the one
    before it ("The club…", "He…"), and readers of news expect its sequence.
    """
    import numpy as np

    positions = [i for i, s in enumerate(sentences) if is_candidate(s)]
    positions = positions or list(range(len(sentences)))
    if not positions:
        return []
    count = default_claim_count(len(positions)) if count is None else count
    vectors = encoder.encode([sentences[i].text for i in positions])
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = vectors @ centroid
    scores = [
        sentence_score(sentences[p], p, float(c)) for p, c in zip(positions, centrality)
    ]
    chosen: list[int] = []
    for index in sorted(range(len(positions)), key=lambda i: -scores[i]):
        if len(chosen) >= count:
            break
        if any(float(vectors[index] @ vectors[j]) > REDUNDANCY_LIMIT for j in chosen):
            continue
        chosen.append(index)
    return [
        Claim(sentences[positions[i]].text, sentences[positions[i]].start,
              sentences[positions[i]].end, scores[i])
        for i in sorted(chosen)
    ]
