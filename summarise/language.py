"""Is this English? A cheap check on function words, before the English-only parts run.

The extractive engine's headline, quotes and speakers rest on an English parser:
on French or Russian text they produce confident garbage. Rather than print that,
an article whose words are almost never English function words is refused with a
message. English prose is about a third function words; other languages, even
those sharing the Latin alphabet, are a few percent at most.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from summarise.errors import InputError

_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for on with as by at it from he she his her they their "
    "be are were has have had not but this which who will would said an its been or than "
    "after about more also over into".split()
)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 30  # fewer words say too little to judge
MIN_SHARE = 0.12
MAX_OTHER_SCRIPT = 0.5  # more of the letters than this in another script is not English
MIN_SENTENCE_WORDS = 3  # a text needs one sentence of this many words to be summarised
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SCRIPT_NAMES = {"CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean"}


def english_share(text: str, sample: int = 20_000) -> tuple[float, int]:
    """(share of English function words among the words, number of words) in the text's start."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words), len(words)


def other_script(text: str, sample: int = 20_000) -> str | None:
    """The script most of the text's letters are in, when that is not Latin ("Cyrillic").

    However short the text, letters that are mostly Cyrillic, Greek, Arabic or Chinese
    are not English: no function-word count is needed to be sure of that.
    """
    scripts: Counter[str] = Counter()
    for char in text[:sample]:
        if char.isalpha():
            scripts["LATIN" if char < "\u0250" else _script(char)] += 1
    letters = sum(scripts.values())
    if not letters:
        return None
    latin = scripts.pop("LATIN", 0)
    if not scripts or (letters - latin) / letters <= MAX_OTHER_SCRIPT:
        return None
    script = scripts.most_common(1)[0][0]
    return _SCRIPT_NAMES.get(script, script.title())


def _script(char: str) -> str:
    """The first word of a letter's Unicode name: LATIN, CYRILLIC, GREEK, CJK, ARABIC…"""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "OTHER"


def require_english(text: str) -> None:
    """Raise ``InputError`` when the text is in another script, or has enough words to judge
    and reads as another language."""
    script = other_script(text)
    if script:
        raise InputError(
            f"not English (mostly {script} letters): the headline, quotes and speakers need English text"
        )
    share, count = english_share(text)
    if count >= MIN_WORDS and share < MIN_SHARE:
        raise InputError(
            f"not English (only {share:.0%} English function words): the headline, quotes and "
            "speakers need English text"
        )


def has_sentence(text: str) -> bool:
    """Whether some sentence of the text has ``MIN_SENTENCE_WORDS`` words of letters."""
    from summarise.text import sentences

    return any(len(_LETTER_WORD.findall(s.text)) >= MIN_SENTENCE_WORDS for s in sentences(text[:200_000]))


def require_sentence(text: str) -> None:
    """Raise ``InputError`` when no sentence has ``MIN_SENTENCE_WORDS`` words of letters.

    "...", "A", "The", a lone quotation mark, "12345" or a row of emoji is not an article:
    a brief of it would be an empty headline over the input repeated back.
    """
    if not has_sentence(text):
        raise InputError(f"nothing to summarise: no sentence of {MIN_SENTENCE_WORDS} or more words")
