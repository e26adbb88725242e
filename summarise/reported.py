"""Reported speech: what someone said, given in the reporter's words rather than in quotation marks.

A statement needs no quotation marks to be someone's: "Ukraine said Russia had launched …",
"urged Congress to act", "announced his resignation", "Trump will win, according to
Politico", "As Politico reported, …", "Officers, he said, would be paired …". This module
finds those statements (the clause, demand
or thing a speech verb governs, and the clause an "according to X" or "as X reported" hangs
on), and a short quotation framed by the reporter's own words ("decried the GOP for “turning
its back” on …"), which alone would misstate what was said. Direct quotations are
``quotes``'s; both find speakers through ``cues``.
"""

from __future__ import annotations

import re
from typing import Any

from summarise.brief import Quote
from summarise.cues import (CUE_VERBS, DEMAND_VERBS, DOCUMENTS, FRAMING_VERBS, OBJECT_VERBS, SPEECH_NOUNS, SPEECH_VERBS,
                            according_source, is_aspectual, is_content_clause, speaker_of)
from summarise.models.nlp import text_of
from summarise.speakers import Speakers
from summarise.text import QuotedRanges, is_quoted, word_count

ADDRESSING_VERBS = {"tell", "remind", "assure", "inform", "notify", "warn", "promise"}  # their object is who is told
MIN_REPORTED_WORDS = 2  # shorter statements are fragments of a parse, not reported speech
WORD_SIGNS = {"%", "#"}  # punctuation to the tokenizer, part of the word before or after it


def reported_speech(doc: Any, quoted: QuotedRanges, speakers: Speakers) -> list[Quote]:
    """What a speech verb outside quotation marks governs, with the verb's subject."""
    text = text_of(doc)
    found: list[Quote] = []
    for token in doc:
        if is_quoted(token.idx, quoted) or token.pos_ not in ("VERB", "AUX") or is_aspectual(token):
            continue
        content = _reported_content(token, quoted) or _framed_quotation(token, quoted)
        if content is None:
            continue
        attribution = speaker_of(token, quoted, speakers)
        if attribution is None:
            continue
        start, end = content
        if word_count(text[start:end]) < MIN_REPORTED_WORDS or _mostly_quoted(start, end, quoted):
            continue
        if end <= token.idx and is_quoted(end - 1, quoted):
            continue  # "''I hope so,'' Mrs. Clinton said": the clause is the quotation's, not reported
        start, end = _whole_quotations(text, start, end, quoted)
        speaker, mention, cue = attribution
        found.append(Quote(text[start:end], start, end, speaker, mention, cue, "reported"))
    return found + _according_to_reported(doc, quoted, speakers)


def _reported_content(verb: Any, quoted: QuotedRanges) -> tuple[int, int] | None:
    """Offsets of what a speech verb reports: the clause it governs ("said Russia had
    launched …"), the demand of "urged X to …" / "called on X to …" / "called for …",
    or the thing announced, denied or cited ("announced his resignation")."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma in SPEECH_VERBS:
        clauses = [c for c in children if c.dep_ == "ccomp"]
        # "…, during which she spoke of …, Clinton remarked that she was …": the clause after the verb
        clause = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
        clause = clause or _said_in_a_statement(verb) or _told_them(verb) or _content_read_as_relative(verb)
        if clause is not None:
            return _said_offsets(clause)
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
            return _rest_of_clause(verb.head, verb)  # "As Politico reported, the leaners …"
        if _set_aside(verb, quoted):
            return _around_aside(verb.head, verb)  # "Officers, he said, would be paired …"
    if lemma in DEMAND_VERBS or lemma == "call":
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on")] if lemma == "call" else [verb]
        for head in preps:
            target = next((c for c in head.children if c.dep_ in ("dobj", "pobj")), None)
            wish = next((c for c in [*head.children, *children] if c.dep_ in ("xcomp", "ccomp") and c.i > head.i), None)
            if target is not None and (wish is not None or head.lower_ == "for"):
                first = _clause_offsets(target)
                return first[0], _clause_offsets(wish)[1] if wish is not None else first[1]
    if lemma in OBJECT_VERBS:
        thing = next((c for c in children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if thing is not None:
            return _clause_offsets(thing)
    return None


def _according_to_reported(doc: Any, quoted: QuotedRanges, speakers: Speakers) -> list[Quote]:
    """"Trump will likely win, according to Politico": the rest of the clause, by Politico."""
    found = []
    for token in doc:
        source = according_source(token, quoted)
        if source is None or token.head.i == token.i:
            continue
        start, end = _rest_of_clause(token.head, token)
        if end - start < 2 or _mostly_quoted(start, end, quoted) or word_count(text_of(doc)[start:end]) < MIN_REPORTED_WORDS:
            continue
        start, end = _whole_quotations(text_of(doc), start, end, quoted)
        speaker, mention = speakers.resolve(source)
        found.append(Quote(text_of(doc)[start:end], start, end, speaker, mention, "according to", "reported"))
    return found


def _framed_quotation(verb: Any, quoted: QuotedRanges) -> tuple[int, int] | None:
    """Offsets of what a verb of speech or judgement governs when a short quotation sits
    inside the reporter's own words: "decried the GOP for “turning its back” on working
    families", "vowed to “take our fight” to the 35 states". The statement is the whole
    phrase; the quotation alone, under a third of its words, would misstate it. Where the
    quotation is most of the phrase ("dismissed the report as “fake news”"), it stands as a
    direct quote instead, and this returns None."""
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_VERBS:
        parts = [c for c in verb.rights if c.dep_ == "xcomp"]  # its clauses are _reported_content's
    elif lemma in FRAMING_VERBS:
        parts = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj")]
    else:
        return None
    for run in _contiguous_runs([t for c in parts for t in c.subtree]):
        run = _trimmed(run, floor=0)
        if not run:  # punctuation alone
            continue
        start, end = _offsets(run)
        if _framing(text_of(verb.doc), start, end, quoted):
            return start, end
    return None


def _framing(text: str, start: int, end: int, quoted: QuotedRanges) -> bool:
    """Whether the reporter's own words make up most of a phrase that holds a quotation:
    the quoted words are under a third of its words."""
    words = [m.start() for m in re.finditer(r"\w+", text[start:end])]
    inside = sum(is_quoted(start + w, quoted) for w in words)
    return 0 < inside and 3 * inside < len(words)


def _contiguous_runs(tokens: list[Any]) -> list[list[Any]]:
    """Tokens (in document order) grouped into runs without gaps: the pieces a span can cover."""
    runs: list[list[Any]] = []
    for t in tokens:
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _rest_of_clause(head: Any, aside: Any) -> tuple[int, int]:
    """Offsets of the longest run of ``head``'s clause outside the ``aside`` phrase."""
    left, right = aside.left_edge.i, aside.right_edge.i
    runs = _contiguous_runs([t for t in head.subtree if not left <= t.i <= right])
    run = max(runs, key=len, default=[head])
    return _offsets(_trimmed(run, leading=("cc",)))


def _set_aside(verb: Any, quoted: QuotedRanges) -> bool:
    """Whether a speech verb and its subject are an aside set in the clause they report
    ("Officers, he said, would be paired …"), not the tag of a quotation split around it
    (""Only you," she said, "would …"", "Adelson said, "They have got …"")."""
    clause = verb.head
    return (verb.dep_ == "parataxis" and clause.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in verb.children)
            and not is_quoted(clause.idx, quoted) and not is_quoted(clause.left_edge.idx, quoted))


def _around_aside(clause: Any, aside: Any) -> tuple[int, int] | None:
    """Offsets of the clause a "…, he said, …" aside is set in: "Officers, he said, would be
    paired with outreach workers" is all his, the aside kept inside it but cut from its end
    ("The campaign raised $1.2 million, he said."); None where nothing is left of it."""
    tokens = list(clause.subtree)
    stop = next((t.i for t in tokens if t.i > aside.i and t.text in (".", "!", "?")), None)
    tokens = _trimmed([t for t in tokens if stop is None or t.i <= stop])  # not on into the next sentence
    if tokens[-1].i <= aside.right_edge.i:
        tokens = _trimmed([t for t in tokens if t.i < aside.left_edge.i])
    return _offsets(tokens) if tokens else None


def _said_in_a_statement(verb: Any) -> Any:
    """The clause of "said in a statement that a delay was overdue", which the parser hangs on
    the statement rather than on "said"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_NOUNS | DOCUMENTS):
            return _content_clause_on(noun)
    return None


def _told_them(verb: Any) -> Any:
    """The clause of "assured residents that the water was safe", which the parser hangs on
    the ones told: the object of a verb of telling is its audience, so a "that" clause on it
    is what they were told (not so for "denied reports that …")."""
    audience = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lemma_.lower() not in ADDRESSING_VERBS or audience is None:
        return None
    return _content_clause_on(audience)


def _content_clause_on(noun: Any) -> Any:
    """The "that" clause the parser hung on a noun after it ("a statement that …", "residents that …")."""
    return next((c for c in noun.children if c.i > noun.i and is_content_clause(c)), None)


def _content_read_as_relative(verb: Any) -> Any:
    """The clause of "told reporters after the meeting that he understood why …" or "said at
    a briefing that the department would release …", which the parser hangs as a relative
    clause on the noun of the time or place between: a "that" clause with a subject of its own
    after the verb's adjuncts is what was said, not a description of the meeting. On the
    verb's object it may be one ("reported earnings that analysts were looking for")."""
    for phrase in (c for c in verb.rights if c.dep_ in ("prep", "npadvmod")):
        for clause in (t for t in phrase.subtree if t.dep_ == "relcl" and t.left_edge.lower_ == "that"):
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children)
            noun = clause.head
            while noun.dep_ in ("pobj", "prep", "npadvmod", "dobj") and noun.i != phrase.i:
                noun = noun.head
            if own_subject and noun.i == phrase.i:
                return clause
    return None


def _said_offsets(clause: Any) -> tuple[int, int]:
    """Character range of a reported clause, up to another speaker's statement joined onto it
    ("said his candidate had shown …, while her director, Priya Saldana, told reporters that
    …"), which is Saldana's, reported on its own, or up to the speaker going on (``_speaking_on``)."""
    other = next((t for t in clause.subtree if t.i > clause.i and (_another_statement(t) or _speaking_on(t))), None)
    if other is None:
        return _clause_offsets(clause)
    return _offsets(_trimmed([t for t in clause.subtree if t.i < other.left_edge.i]))


def _another_statement(verb: Any) -> bool:
    """A speech verb with a subject of its own, in a clause set beside the one reported: a
    "while"/"whereas" clause or a conjunct."""
    if verb.lemma_.lower() not in SPEECH_VERBS or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    contrast = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)
    return contrast or verb.dep_ == "conj"


def _speaking_on(verb: Any) -> bool:
    """A participle of speech after the reported clause ("said that a delay was overdue,
    calling it “…”"): the speaker going on, however the parser attached it, not the clause."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.lemma_.lower() in CUE_VERBS


def _clause_offsets(clause: Any) -> tuple[int, int]:
    """Character range of a clause, without punctuation at either end."""
    return _offsets(_trimmed(list(clause.subtree)))


def _trimmed(tokens: list[Any], floor: int = 1, leading: tuple[str, ...] = ()) -> list[Any]:
    """Tokens without punctuation or blank lines at either end, keeping at least ``floor``
    of them, and without a leading token of a ``leading`` relation ("and …"). A sign that
    belongs to its word stays: "cut costs by 10%", "#FeelTheBern"."""
    def edge(token: Any) -> bool:
        return token.is_space or (token.is_punct and token.text not in WORD_SIGNS)

    while len(tokens) > floor and edge(tokens[-1]):
        tokens = tokens[:-1]
    while len(tokens) > floor and (edge(tokens[0]) or tokens[0].dep_ in leading):
        tokens = tokens[1:]
    return tokens


def _offsets(tokens: list[Any]) -> tuple[int, int]:
    """Character range from the first token's start to the last one's end."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _whole_quotations(text: str, start: int, end: int, quoted: QuotedRanges) -> tuple[int, int]:
    """A statement's range widened to the marks of the quotations it holds: the parse leaves
    out the closing mark of "said it was "too little, too late"." with the full stop, which
    would show the quotation cut in half."""
    for s, e in quoted:
        if start <= s < end < e and not re.search(r"\w", text[end:e]):
            end = e
        if s < start < e <= end and not re.search(r"\w", text[s:start]):
            start = s
    return start, end


def _mostly_quoted(start: int, end: int, quoted: QuotedRanges) -> bool:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    return inside * 2 > end - start
