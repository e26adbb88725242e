"""Check generated claims against the article: each gets its best supporting span.

A small model writes fluent sentences that merge facts from different places
(a drone count with a trade statistic's time window). So a claim counts as
supported only when one sentence of the source both says much the same thing
(embedding similarity) and contains every number and name the claim states.
Windows of two sentences were tried and dropped: they let exactly such merged
claims through. The span is returned either way, so a reader can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarise.brief import Claim
from summarise.claims import SentenceEncoder
from summarise.text import Sentence

MIN_SIMILARITY = 0.5
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*\w|\b[A-Z]\b")
_ORDINARY = re.compile(r"\b[a-z][a-z’'-]*\b")
NUMBER_WORDS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozen",
    "hundred", "thousand", "million", "billion", "trillion", "half", "quarter",
}


@dataclass(frozen=True)
class Window:
    """A candidate supporting span: one sentence of the article."""

    start: int
    end: int
    text: str


def windows(found: list[Sentence], text: str) -> list[Window]:
    return [Window(s.start, s.end, text[s.start : s.end]) for s in found]


def numbers(text: str) -> set[str]:
    """Numbers in digits, without thousands separators ("1,200" == "1200"), and number words."""
    digits = {match.group().replace(",", "").rstrip(".") for match in _NUMBER.finditer(text)}
    return digits | (set(re.findall(r"[a-z]+", text.lower())) & NUMBER_WORDS)


def names(claim: str, ordinary: set[str]) -> set[str]:
    """Capitalised words of a claim: names, places, organisations, acronyms.

    The first word is capitalised anyway; it counts as a name only when the
    article never uses it in lower case.
    """
    found = set()
    for match in _CAPITALISED.finditer(claim):
        word = re.sub(r"[’']s$", "", match.group())
        if match.start() == len(claim) - len(claim.lstrip()) and word.lower() in ordinary:
            continue
        found.add(word)
    return found


def missing_facts(claim: str, window: str, ordinary: set[str]) -> set[str]:
    """The claim's numbers and names that the window does not contain."""
    absent = numbers(claim) - numbers(window)
    absent |= {name for name in names(claim, ordinary) if not re.search(rf"\b{re.escape(name)}\b", window, re.IGNORECASE)}
    return absent


def ground_claims(
    claims: list[str], found: list[Sentence], text: str, encoder: SentenceEncoder
) -> list[Claim]:
    """Each claim with its best supporting span (``start``/``end``), similarity and verdict."""
    candidates = windows(found, text)
    if not claims or not candidates:
        return [Claim(claim, 0, 0, 0.0, supported=False) for claim in claims]
    ordinary = set(_ORDINARY.findall(text))
    claim_vectors = encoder.encode(claims)
    window_vectors = encoder.encode([w.text for w in candidates])
    similarity = claim_vectors @ window_vectors.T
    grounded = []
    for row, claim in enumerate(claims):
        complete = [i for i, w in enumerate(candidates) if not missing_facts(claim, w.text, ordinary)]
        pool = complete or range(len(candidates))
        best = max(pool, key=lambda i: float(similarity[row, i]))
        score = float(similarity[row, best])
        supported = bool(complete) and score >= MIN_SIMILARITY
        window = candidates[best]
        grounded.append(Claim(claim, window.start, window.end, score, supported=supported))
    return grounded
