"""Is this English? A cheap check on function words, before the English-only parts run.

The extractive engine's headline, quotes and speakers rest on an English parser:
on French or Russian text they produce confident garbage. Rather than print that,
an article whose words are almost never English function words is refused with a
message. English prose is about a third function words; other languages, even
those sharing the Latin alphabet, are a few percent at most.
"""

from __future__ import annotations

import re

from summarise.errors import InputError

_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for on with as by at it from he she his her they their "
    "be are were has have had not but this which who will would said an its been or than "
    "after about more also over into".split()
)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 30  # fewer words say too little to judge
MIN_SHARE = 0.12


def english_share(text: str, sample: int = 20_000) -> tuple[float, int]:
    """(share of English function words among the words, number of words) in the text's start."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words), len(words)


def require_english(text: str) -> None:
    """Raise ``InputError`` when the text has enough words to judge and reads as another language."""
    share, count = english_share(text)
    if count >= MIN_WORDS and share < MIN_SHARE:
        raise InputError(
            f"not English (only {share:.0%} English function words): the headline, quotes and "
            "speakers need English text"
        )
