"""Direct quotations and who said them.

Quotation marks are paired by character (``text.quotation_spans``); the speaker
is found in the quote's own sentence through the dependency parse: the subject
of a speech verb outside the quotation. Pronouns and role nouns ("he", "the
ambassador") resolve to the last person named before the quote.
"""

from __future__ import annotations

import re
from typing import Any

from summarise.brief import Quote
from summarise.text import quotation_spans

SPEECH_VERBS = {
    "say", "tell", "add", "announce", "state", "declare", "explain", "insist", "warn", "claim",
    "argue", "note", "write", "report", "recall", "confirm", "deny", "acknowledge", "admit",
    "reply", "respond", "remark", "comment", "suggest", "stress", "emphasise", "emphasize",
    "quote", "cite", "describe", "dismiss", "call", "urge", "predict", "tweet", "continue",
    "concede", "complain", "assert", "maintain", "contend", "observe", "conclude", "testify",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
TITLES = re.compile(
    r"^(?:(?:President|Prime Minister|Minister|Foreign Minister|Secretary|Senator|Sen\.|Rep\.|"
    r"Representative|Gov\.|Governor|Mayor|Judge|Justice|Chancellor|Ambassador|General|Gen\.|"
    r"Spokesman|Spokeswoman|Spokesperson|Chief|Director|Commissioner|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
    r"Prof\.?|Professor|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Pope|Rev\.|Father|"
    r"Officer|Detective|Sergeant|Sgt\.|Captain|Capt\.|Lieutenant|Lt\.|Colonel|Col\.|"
    r"Deputy|Vice|Acting|Former|former)\s+)+"
)
MIN_QUOTE_WORDS = 3
MAX_ATTRIBUTION_WORDS = 12


def strip_titles(name: str) -> str:
    """"Spokeswoman Maria Zakharova" → "Maria Zakharova"; a lone title is kept."""
    stripped = TITLES.sub("", name).strip()
    return stripped or name


def extract_quotes(doc: Any) -> list[Quote]:
    """Every direct quotation in a parsed article, with its speaker where one is found."""
    text = doc.text
    quotes: list[Quote] = []
    for span in quotation_spans(text):
        inner = text[span.inner_start : span.inner_end]
        stripped = inner.strip().rstrip(",")
        if len(stripped.split()) < MIN_QUOTE_WORDS:
            continue
        start = span.inner_start + (len(inner) - len(inner.lstrip()))
        end = start + len(stripped)
        speaker, mention, cue = _attribution(doc, span.start, span.end)
        if speaker is None and quotes and _continues(text, quotes[-1], span.start):
            speaker, mention = quotes[-1].speaker, quotes[-1].mention
        quotes.append(Quote(text[start:end], start, end, speaker, mention, cue, "direct"))
    return quotes


def _continues(text: str, previous: Quote, start: int) -> bool:
    """A quote with no cue of its own continues the previous speaker when only the
    rest of that attribution ("…," he told reporters.) lies between them."""
    between = text[previous.end : start]
    return len(re.findall(r"\w+", between)) <= MAX_ATTRIBUTION_WORDS and between.count("\n") <= 2


def _attribution(doc: Any, quote_start: int, quote_end: int) -> tuple[str | None, str | None, str | None]:
    """(speaker, mention, cue) for the quotation at these offsets, from its sentence."""
    sentence = _sentence_around(doc, quote_start)
    for token in sentence:
        inside = quote_start <= token.idx < quote_end
        if inside or token.pos_ not in ("VERB", "AUX") or token.lemma_ not in SPEECH_VERBS:
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            subject = _according_to(sentence)
        if subject is None or quote_start <= subject.idx < quote_end:
            continue
        mention = _mention(subject)
        return _resolve(doc, subject, mention, quote_start), mention, token.text
    subject = _according_to(sentence)
    if subject is not None:
        mention = _mention(subject)
        return _resolve(doc, subject, mention, quote_start), mention, "according to"
    return None, None, None


def _sentence_around(doc: Any, offset: int) -> Any:
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return token.sent if token is not None and len(token) else doc[:]


def _according_to(sentence: Any) -> Any:
    for token in sentence:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _mention(head: Any) -> str:
    """The noun phrase of a subject, without relative clauses or trailing punctuation."""
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "punct") or t.i == head.i]
    cut = [t for t in tokens if t.i <= head.i or t.dep_ in ("compound", "flat", "appos", "prep", "pobj")]
    return " ".join(t.text for t in (cut or [head])).strip()


def _resolve(doc: Any, subject: Any, mention: str, before: int) -> str:
    """The named speaker: a PERSON/ORG in the mention, else the last person named before."""
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and subject.i in range(ent.start, ent.end):
            return strip_titles(ent.text)
    subject_tokens = {t.i for t in subject.subtree}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and ent.start in subject_tokens:
            return strip_titles(ent.text)
    if subject.lower_ in PRONOUNS or subject.pos_ == "NOUN":
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
        if people:
            return strip_titles(people[-1].text)
    return strip_titles(mention)
