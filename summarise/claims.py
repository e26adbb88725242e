"""Rank the key claims of an article: verbatim sentences, never rewritten.

Score = centrality in embedding space (how much of the article a sentence
speaks for) blended with a lead prior (news puts what matters first), then a
redundancy filter keeps the chosen claims from saying the same thing twice.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Protocol

from summarise.brief import Claim
from summarise.text import Sentence

if TYPE_CHECKING:
    import numpy as np


class SentenceEncoder(Protocol):
    def encode(self, texts: list[str]) -> "np.ndarray": ...


MIN_WORDS = 5
MAX_WORDS = 80
LEAD_WEIGHT = 0.6
REDUNDANCY_LIMIT = 0.8


def default_claim_count(sentence_count: int) -> int:
    """Three claims for a short story, up to six for a long one."""
    return max(1, min(sentence_count, 3 + sentence_count // 20, 6))


def is_candidate(sentence: Sentence) -> bool:
    """Claims are full statements: not a fragment, not a wall of text."""
    words = len(sentence.text.split())
    return MIN_WORDS <= words <= MAX_WORDS and bool(re.search(r"[a-z]", sentence.text))


def lead_prior(position: int) -> float:
    """1.0 for the first sentence, decaying with position in the article."""
    return 1.0 / math.sqrt(1.0 + position)


def rank_claims(
    sentences: list[Sentence], encoder: SentenceEncoder, count: int | None = None
) -> list[Claim]:
    """Pick ``count`` claims among ``sentences``; returned in article order."""
    import numpy as np

    candidates = [s for s in sentences if is_candidate(s)] or list(sentences)
    if not candidates:
        return []
    count = default_claim_count(len(candidates)) if count is None else count
    vectors = encoder.encode([s.text for s in candidates])
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = vectors @ centroid
    scores = [
        (1 - LEAD_WEIGHT) * float(c) + LEAD_WEIGHT * lead_prior(i) for i, c in enumerate(centrality)
    ]
    chosen: list[int] = []
    for index in sorted(range(len(candidates)), key=lambda i: -scores[i]):
        if len(chosen) >= count:
            break
        if any(float(vectors[index] @ vectors[j]) > REDUNDANCY_LIMIT for j in chosen):
            continue
        chosen.append(index)
    return [
        Claim(candidates[i].text, candidates[i].start, candidates[i].end, scores[i])
        for i in sorted(chosen)
    ]
