"""A headline made only of the article's own words.

The most important sentence is compressed the way a sub-editor would, by
pruning its dependency parse: keep what a speech verb reports and drop the
attribution ("…, officials said"), the dateline, parentheses, relative and
adverbial clauses, then prepositional phrases from the right until at most
``MAX_WORDS`` words remain. Nothing is added, so a headline never states what
the article does not.
"""

from __future__ import annotations

import re
from typing import Any

from summarise.text import dateline_end

MAX_WORDS = 14
SPEECH_LEMMAS = {"say", "tell", "announce", "report", "add", "state", "claim", "confirm", "warn"}
MIN_WORDS = 5
_ALWAYS_DROP = {"appos", "parataxis", "meta", "dep", "intj"}
# Pruned while the line is too long: lower rank first, then the deepest, then the rightmost.
_DROP_RANK = {
    "advmod": 0, "npadvmod": 0, "relcl": 0, "advcl": 1, "prep": 1, "acl": 1, "agent": 1,
    "dative": 2, "conj": 3,
}
_EDGE_PUNCTUATION = "\"'“”‘’«»,;:.!?-–— "


def _subtree_ids(token: Any) -> set[int]:
    return {t.i for t in token.subtree}


def _reported_clause(root: Any) -> Any:
    """If the sentence is "X said (that) Y", the head of Y; else the root itself."""
    if root.lemma_ in SPEECH_LEMMAS:
        for child in root.children:
            if child.dep_ == "ccomp":
                return child
    return root


def compress(sentence: Any, max_words: int = MAX_WORDS) -> str:
    """Shorten a parsed sentence (a spaCy Span) to headline length, word for word."""
    text = sentence.doc.text
    skip_before = dateline_end(text, sentence.start_char)
    head = _reported_clause(sentence.root)
    kept = {t.i for t in head.subtree if t.idx >= skip_before}
    kept -= {t.i for t in head.children if t.dep_ == "mark"}  # "that" of "said that"
    for token in sentence:
        if token.i in kept and token.dep_ in _ALWAYS_DROP and token.i != head.i:
            kept -= _subtree_ids(token)
    _drop_parentheses(sentence, kept)
    while _word_count(sentence, kept) > max_words:
        droppable = [
            t for t in sentence
            if t.i in kept and t.i != head.i and t.dep_ in _DROP_RANK
            and _word_count(sentence, kept - _subtree_ids(t)) >= MIN_WORDS
        ]
        if not droppable:
            break
        first = min(droppable, key=lambda t: (_DROP_RANK[t.dep_], -_depth(t, head), -t.i))
        kept -= _subtree_ids(first)
    _drop_orphaned_conjunctions(sentence, kept)
    words = [t for t in sentence if t.i in kept and not t.is_space]
    if _word_count(sentence, kept) > max_words:
        words = _first_words(words, max_words)
    return _tidy("".join(t.text + _space_after(t) for t in words))


def _space_after(token: Any) -> str:
    """A token's trailing space, counting a dropped whitespace token ("A\u00a0Bloomberg")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return " " if token.whitespace_ or (following is not None and following.is_space) else ""


def _depth(token: Any, head: Any) -> int:
    """How far below ``head`` a token hangs: deep modifiers go first."""
    depth = 0
    while token.i != head.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _drop_orphaned_conjunctions(sentence: Any, kept: set[int]) -> None:
    """"Putin and" → "Putin" once the second conjunct is gone."""
    for token in sentence:
        if token.dep_ == "cc" and token.i in kept:
            if not any(c.dep_ == "conj" and c.i in kept for c in token.head.children):
                kept.discard(token.i)


def _drop_parentheses(sentence: Any, kept: set[int]) -> None:
    depth = 0
    for token in sentence:
        if token.text in "([":
            depth += 1
        if depth:
            kept.discard(token.i)
        if token.text in ")]" and depth:
            depth -= 1


def _word_count(sentence: Any, kept: set[int]) -> int:
    return sum(1 for t in sentence if t.i in kept and not t.is_punct)


def _first_words(tokens: list[Any], limit: int) -> list[Any]:
    out, words = [], 0
    for token in tokens:
        words += not token.is_punct
        if words > limit:
            break
        out.append(token)
    return out


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,;:.!?’”])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = text.strip(_EDGE_PUNCTUATION)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[“”\"]", "", text)
    return text[:1].upper() + text[1:]


def make_headline(sentences: list[Any]) -> str:
    """Compress the first of ``sentences`` (spaCy spans, best first) that gives a real line."""
    fallback = ""
    for sentence in sentences:
        headline = _at_most(compress(sentence), MAX_WORDS)
        if len(headline.split()) >= 4:
            return headline
        fallback = fallback or headline
    return fallback


def _at_most(headline: str, limit: int) -> str:
    """Spaced words, not tokens, are what a reader counts ("Trump – again" is three)."""
    words = headline.split()
    return headline if len(words) <= limit else _tidy(" ".join(words[:limit]))
