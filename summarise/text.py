"""Text structure with character offsets: paragraphs, quotation spans, sentences, datelines.

Everything here works on the article text as decoded and returns offsets into it,
so that a claim or a quote can always be checked as ``text[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

# Opening mark -> the closing marks that end it.
_CLOSERS = {
    "“": "”“\"",  # English closes with ”; some sources reuse “ or mix in a straight mark
    "„": "“”",  # German-style „…“
    "«": "»",
    "»": "«",  # Danish/Swedish style »…«
    "‹": "›",
    "›": "‹",
    '"': '"”',
    "‘": "’",
    "'": "'’",
    "‚": "‘’",
}
_LETTER = re.compile(r"\w", re.UNICODE)
DASHES = "-–—―"  # hyphen, en dash, em dash, horizontal bar: what a signature under a quotation opens with


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them.

    ``closed`` is False when the paragraph ended before a closing mark (the
    newsroom convention for a quote that runs on into the next paragraph).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines or blocks separated by newlines, with their offsets."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            left = len(line) - len(line.lstrip())
            right = len(line.rstrip())
            spans.append(Span(match.start() + left, match.start() + right))
    return spans


def _is_word_char(char: str) -> bool:
    return bool(char) and bool(_LETTER.match(char))


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at ``i`` and its width: typewriter '' and `` count as one double mark."""
    if text.startswith("''", i) or text.startswith("``", i):
        return '"', 2
    return text[i], 1


def _can_open(text: str, i: int, start: int, width: int = 1) -> bool:
    """A mark opens a quotation when it starts a word (not an apostrophe, not an inch mark)."""
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < len(text) else " "
    if after == ">":
        return False  # tweet-date="…">text — the end of markup left in the text
    if after.isspace() or after == "":
        # saying, “ you have to — a curly opener standing apart; French sets « and ‹ apart from their words
        return text[i] in "“«‹" and (before.isspace() or before in "([")
    if text[i] in "'’" and _is_word_char(before):
        return False  # don't, James' — an apostrophe
    if text[i] == '"' and before.isdigit():
        return False  # 12" — inches
    if before == "=":
        return False  # author="@name" — markup left in the text, not a quotation
    return not _is_word_char(before) or text[i] in "“„«"


def _can_close(text: str, i: int, end: int, width: int = 1) -> bool:
    """A closing single mark must not sit inside a word ("don’t")."""
    after = text[i + width] if i + width < end else " "
    if text[i] in "'’" and _is_word_char(after):
        return False
    return True


# The tag of a quotation whose closing mark is missing: the rest of its last sentence after a
# comma, a speech verb in it ("…no choice, union negotiator Marieke de Vries told reporters.").
_OWN_TAG = re.compile(r",\s+(?:[^,.!?\"“”]{1,80}?\s)?(?:said|says|told|tells|added|adds|explained|wrote)\b[^.!?\"“”]*[.!?]\s*$")


def _last_sentence_start(text: str, start: int, end: int) -> int:
    """Where the last sentence of ``text[start:end]`` (which ends with a stop) begins: the tag
    of an unclosed quotation is looked for there only, not from every comma before it."""
    stop = end - 1
    while stop > start and text[stop].isspace():
        stop -= 1
    return max([start] + [text.rfind(mark, start, stop) + 1 for mark in ".!?"])


def _reopens(text: str, i: int, end: int, width: int) -> bool:
    """Whether a straight mark that would close the open quotation opens the next one instead:
    after a sentence's end and a blank, before a word (\"… no choice, the negotiator told
    reporters. \"They want …\"), the writer left out the earlier quotation's closing mark."""
    after = text[i + width] if i + width < end else " "
    return _is_word_char(after) and text[i - 1].isspace() and text[i - 2 : i].rstrip()[-1:] in (".", "?", "!")


def quotation_spans(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Pair quotation marks by character, paragraph by paragraph.

    Outer quotations only (a ‘nested’ quote stays inside its “outer” one). A quote
    still open at the end of its paragraph is closed there, so unbalanced marks
    never swallow the rest of the article.
    """
    end = len(text) if end is None else end
    found: list[QuoteSpan] = []
    for para in paragraphs(text[start:end]):
        p_start, p_end = start + para.start, start + para.end
        i = p_start
        open_at = opened_inner = -1
        closers = ""
        nested = 0  # curly quotations open inside a straight one
        last_single = _last_single_closer(text, p_start, p_end)
        while i < p_end:
            char, width = _mark(text, i)
            if open_at < 0:
                if char in _CLOSERS and _can_open(text, i, p_start, width) and (char not in "'’" or i < last_single):
                    open_at, opened_inner, closers, nested = i, i + width, _CLOSERS[char], 0
            # "… Trump’s “Look at me!” line …": a curly quotation within a straight one is closed
            # by its own ”, which must not close the outer quotation (a straight quotation closed
            # by a curly mark with a curly one inside it, rare, now runs to its paragraph's end)
            elif closers == _CLOSERS['"'] and char == "“" and _can_open(text, i, p_start):
                nested += 1
            elif nested and char == "”":
                nested -= 1
            elif char == '"' and closers == _CLOSERS[char] and i > opened_inner and _reopens(text, i, p_end, width):
                tag = _OWN_TAG.search(text, _last_sentence_start(text, opened_inner, i), i)  # it ends at its tag
                cut = tag.start() if tag else i
                found.append(_quote_span(text, open_at, opened_inner, cut, cut))
                open_at, opened_inner, closers, nested = i, i + width, _CLOSERS[char], 0
            elif char in closers and i > opened_inner and _can_close(text, i, p_end, width):
                found.append(_quote_span(text, open_at, opened_inner, i, i + width))
                open_at = -1
            i += width
        if open_at >= 0 and text[opened_inner:p_end].strip():
            found.append(_quote_span(text, open_at, opened_inner, p_end, p_end))
    return found


def _quote_span(text: str, start: int, inner_start: int, inner_end: int, end: int) -> QuoteSpan:
    """A quotation whose words exclude the blanks inside its marks (French sets them apart: « Oui »).
    One without a closing mark ends at its paragraph's end, or at its own tag before the next one."""
    words = text[inner_start:inner_end]
    inner_start += len(words) - len(words.lstrip())
    return QuoteSpan(start, end, inner_start, inner_start + len(words.strip()), closed=end > inner_end)


def word_count(text: str) -> int:
    """Runs of letters and digits: how the length of quotes and statements is measured."""
    return len(re.findall(r"\w+", text))


class QuotedRanges(list):
    """(start, end) character ranges of an article that lie inside quotation marks, sorted.
    ``is_quoted`` finds the one around an offset by bisection when they do not overlap (as
    an article's quotations do not), which a long article asks thousands of times."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(sorted(ranges))
        self.starts = [start for start, _ in self]
        self.apart = all(end <= start for (_, end), (start, _) in zip(self, self[1:]))


def is_quoted(offset: int, quoted: Iterable[tuple[int, int]]) -> bool:
    """Whether a character offset lies inside one of the (start, end) quotation ranges."""
    if isinstance(quoted, QuotedRanges) and quoted.apart:
        at = bisect_right(quoted.starts, offset) - 1
        return at >= 0 and offset < quoted[at][1]
    return any(start <= offset < end for start, end in quoted)


def _last_single_closer(text: str, start: int, end: int) -> int:
    """Offset of the paragraph's last ' or ’ that could close a quotation, else -1. A single
    mark with none after it opens nothing: it is an apostrophe ("the late '70s"), and must
    not swallow the quotations after it."""
    for i in range(end - 1, start - 1, -1):
        if text[i] in "'’" and "''" not in text[max(start, i - 1) : i + 2] and _can_close(text, i, end):
            return i
    return -1


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "etc", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "nos", "fig", "rev",
    "hon", "pres", "gov", "supt", "det", "insp", "mt", "ft", "approx", "dept", "univ", "ave",
    "blvd", "rd", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c", "u.s.a",
}
# A sentence's end: its stop, any closing marks (French sets » apart: "enough. »", German closes
# with “, Danish with «), then a blank and a capital, maybe after an opening mark („Rate, « Words).
_BOUNDARY = re.compile(
    r"[.!?…]+(?:[\"'”“’»«›‹)\]]|[^\S\n]+[»›](?!\w))*"
    r"(?=\s+(?:[\"'“‘„‚»›(\[]|[«‹][^\S\n]*)?[A-Z0-9À-ÖØ-Þ])"
)
_MAX_QUOTE_HOLD = 600  # longer "quotations" are likely unbalanced marks: split inside them
# Longer runs without a sentence end are not prose (a line with no punctuation): they are cut
# at a space, so that parsing and headline compression work on bounded sentences.
MAX_SENTENCE_CHARS = 1_000


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    initials = re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)  # "B.B. King", "J.K. Rowling"
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or bool(initials)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split into sentences with offsets; never inside a quotation, never across paragraphs."""
    end = len(text) if end is None else end
    result: list[Sentence] = []
    held = [q for q in quotation_spans(text, start, end) if q.end - q.start <= _MAX_QUOTE_HOLD]
    for number, para in enumerate(paragraphs(text[start:end])):
        p_start, p_end = start + para.start, start + para.end
        cursor = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            cut = match.end()
            if _is_abbreviation(text, match.start()):
                continue
            if any(q.start < cut < q.end - 1 for q in held):
                continue
            _append_sentence(result, text, cursor, cut, number)
            cursor = cut
        _append_sentence(result, text, cursor, p_end, number)
    return result


def _append_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    start, end = start + left, start + right
    while end - start > MAX_SENTENCE_CHARS:  # text without punctuation: cut at a space
        window = text[start + MAX_SENTENCE_CHARS // 2 : start + MAX_SENTENCE_CHARS]
        space = window.rfind(" ")
        cut = start + MAX_SENTENCE_CHARS // 2 + space if space >= 0 else start + MAX_SENTENCE_CHARS
        _append_sentence(out, text, start, cut, paragraph)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(text[start:end], start, end, paragraph))


# "MOSCOW (Reuters) – ", "WASHINGTON ― ", "LONDON, March 3 (AP) - ", "(CNN) -- ", "(CNN)", "PARIS: "
_DATELINE = re.compile(
    r"""^\s*(?:
        (?:[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4}   # place, maybe "New York, N.Y."
           (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)?              # ", March 3"
        \s*\((?:[A-Z][\w .&/-]{0,24})\)                          # (Reuters)
        (?:\s*(?:--|[-–—―:])|(?=\S))                             # CNN writes "(CNN)The …"
      | [A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Z.'\-]+){0,3}
        # a state shortened ("NEWPORT NEWS, Va.") or in full before the dash ("LANCASTER, Ohio —")
        (?:,\s*[A-Z][a-z]{1,4}\.|,\s*[A-Z][a-z]+(?:\ [A-Z][a-z]+)?(?=\s*(?:--|[-–—―])))?
        (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?
        \s*(?:--|[-–—―:])
    )\s*""",
    re.VERBOSE,
)


def dateline_end(text: str, start: int = 0) -> int:
    """Offset just past a wire dateline at ``start`` ("MOSCOW (Reuters) – "), else ``start``."""
    match = _DATELINE.match(text[start : start + 120])
    return start + match.end() if match else start


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding blanks or the comma before a closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
