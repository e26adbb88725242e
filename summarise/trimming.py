"""Shorten a claim to its core statement, staying a verbatim span of the article.

A news sentence often carries an opening scene-setter ("With summer around the
corner, …") or a closing elaboration (", causing a pileup near Boulder",
", who was relegated in 2009", ", including …") that a brief can do without.
Only what lies at either end is cut, so the claim remains one contiguous span,
and only along the dependency parse, so what remains is still a sentence:

- an opening phrase is cut when it is a modifier of the main verb (a prepositional
  phrase, an adverbial or participial clause, a conjunction) ending in a comma
  just before the subject;
- a closing phrase is cut when, after a comma or dash that follows the main verb,
  it is a participial clause, a relative clause, an "including"/"such as" list or a
  "with" phrase that runs to the end of the sentence.

Attribution is never cut: ", police said", "According to TMZ," or a speech verb the
parser hung on a closing phrase ("…” Murphy, the head of the group, tweeted on Friday")
tells the reader whose claim it is, and without it a report would read as a fact.
"""

from __future__ import annotations

from typing import Any

from summarise.cues import SPEECH_VERBS
from summarise.models.nlp import text_of
from summarise.text import quotation_spans

MIN_WORDS = 8  # never trim a claim below this: a shorter remainder is a fragment
_OPENER_DEPS = {"prep", "advcl", "advmod", "npadvmod", "intj", "cc"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
_BREAKS = {",", "-", "--", "–", "—"}
_LIST_WORDS = {"including", "such"}


def trim_claim(sentence: Any) -> tuple[int, int] | None:
    """The character range of ``sentence`` (a parsed spaCy Span) worth keeping as a claim,
    or None when nothing can be cut safely."""
    roots = [t for t in sentence if t.head == t or not (sentence.start <= t.head.i < sentence.end)]
    if len(roots) != 1:  # not one parsed sentence: leave it whole
        return None
    root, doc = roots[0], sentence.doc
    first = _opening_cut(sentence, root)
    last = _closing_cut(sentence, root)
    if first is not None and any(_attributes(t) for t in doc[sentence.start:first]):
        first = None
    if last is not None and any(_attributes(t) for t in doc[last:sentence.end]):
        last = None
    if first is None and last is None:
        return None
    start = doc[first].idx if first is not None else sentence.start_char
    end = doc[last - 1].idx + len(doc[last - 1]) if last is not None else sentence.end_char
    if len(text_of(doc)[start:end].split()) < MIN_WORDS or _cuts_a_quotation(sentence, start, end):
        return None
    return start, end


def _opening_cut(sentence: Any, root: Any) -> int | None:
    """The token where the sentence starts once its opening modifier is dropped."""
    subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return None
    subject_start = subjects[0].left_edge.i
    comma = subject_start - 1
    if comma <= sentence.start or sentence.doc[comma].text != ",":
        return None
    openers = [c for c in root.children if c.i < comma and c.dep_ != "punct"]
    if openers and all(c.dep_ in _OPENER_DEPS and c.right_edge.i < comma for c in openers):
        return subject_start
    return None


def _attributes(token: Any) -> bool:
    """True for a word that says whose claim this is ("According to TMZ,", "As the minister said,",
    ", adding that …"): a cut never removes one."""
    return token.lower_ == "according" or (token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS)


def _closing_cut(sentence: Any, root: Any) -> int | None:
    """The token (exclusive) where the sentence ends once its closing elaboration is dropped."""
    doc = sentence.doc
    last_word = max((t.i for t in sentence if not t.is_punct), default=sentence.end - 1)
    for token in sentence:
        if token.i <= root.i or token.text not in _BREAKS or token.i + 1 >= sentence.end:
            continue
        phrase = _closing_phrase(doc[token.i + 1])
        if phrase is not None and phrase.left_edge.i == token.i + 1 and phrase.right_edge.i >= last_word:
            return token.i
    return None


def _closing_phrase(first: Any) -> Any:
    """The phrase that ``first`` opens, when it is an elaboration a brief can drop."""
    if first.tag_ in ("VBG", "VBN") and first.dep_ in ("advcl", "acl", "xcomp"):
        return first
    if first.lower_ in _LIST_WORDS and first.dep_ == "prep":
        return first
    if first.lower_ == "with" and first.head.i < first.i:  # ", with five matches left"
        return first
    clause = first
    while clause.dep_ != "relcl" and clause.head != clause and clause.head.i >= first.i:
        clause = clause.head
    return clause if clause.dep_ == "relcl" else None


def _cuts_a_quotation(sentence: Any, start: int, end: int) -> bool:
    """True when the kept range would open or close a quotation without the other mark."""
    offset = sentence.start_char
    for quote in quotation_spans(sentence.text):
        inside = [start <= offset + quote.start < end, start < offset + quote.end <= end]
        if inside[0] != inside[1]:
            return True
    return False
