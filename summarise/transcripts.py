"""Words printed without quotation marks, as a transcript ("TAPPER: Do you think …") or an
interview ("Q: …" then "A: …"): each line is a quote of the one its label stands for.

``transcript_lines`` finds the lines, so that ``quotes`` can keep quotation marks inside them
from being read as quotes of their own; ``transcript_quotes`` turns them into quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from summarise.brief import Quote
from summarise.models.nlp import text_of
from summarise.names import strip_titles
from summarise.speakers import SUBJECTS, Speakers
from summarise.text import paragraphs, trim_span

# A transcript's line: its speaker in capitals, a colon, then the words, with no quotation marks.
TRANSCRIPT_LINE = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+([^\s\"“‘'(\[][^\n]*)$", re.M)
# An interview's line: "Q:", "A.", "Question:", "Answer:".
_INTERVIEW_LINE = re.compile(r"^(Q|A|Question|Answer)[:.][ \t]+(\S[^\n]*)$", re.M)
_ANSWER = ("A", "Answer")
_INTERVIEW_NOUNS = {"interview", "interviews", "conversation", "chat", "q&a", "q&as"}
ANSWER_MENTION = "A"


@dataclass(frozen=True)
class Line:
    """A labelled line's words (``start``–``end``) and its label ("TAPPER", "JAKE TAPPER", "A")."""

    label: str
    start: int
    end: int


def transcript_lines(doc: Any) -> list[Line]:
    """The transcript lines and interview answers of a parsed article, in order."""
    return sorted(_labelled_lines(doc) + _answers(doc), key=lambda line: line.start)


def transcript_quotes(doc: Any, lines: list[Line], speakers: Speakers) -> list[Quote]:
    """Each line as its speaker's words. A surname label is the full name an earlier label or
    the article gave ("TAPPER:" after "JAKE TAPPER:", "FALLIN:" → Mary Fallin); an answer is
    the interviewee's, where the lead-in names one (``_interviewee``), else nobody's."""
    text = text_of(doc)
    interviewee = _interviewee(doc, lines, speakers)
    quotes = []
    for line in lines:
        words = text[line.start : line.end]
        if line.label == ANSWER_MENTION:
            quotes.append(Quote(words, line.start, line.end, interviewee, ANSWER_MENTION if interviewee else None,
                                ":" if interviewee else None, "direct"))
            continue
        surname = line.label.rsplit(" ", 1)[-1]
        full = next((other.label for other in lines if " " in other.label and other.label.rsplit(" ", 1)[-1] == surname),
                    line.label)
        name = strip_titles(full.title())
        quotes.append(Quote(words, line.start, line.end, speakers.full_name(name, line.start), line.label, ":", "direct"))
    return quotes


def _labelled_lines(doc: Any) -> list[Line]:
    """Lines of a transcript in capitals. A label counts when the transcript gives it both in
    full and as a surname ("JAKE TAPPER:", "TAPPER:"), the article names a person of that
    surname ("Gov. Mary Fallin"), or it opens two lines or more beside another label that does
    (a transcript of the two speakers alone); and only where two lines or more have such
    labels: a fact box's "WHEN:" or a roundup's "PARIS:" names no one who speaks."""
    text = text_of(doc)
    labelled = list(TRANSCRIPT_LINE.finditer(text))
    if len(labelled) < 2:
        return []
    counts = Counter(line.group(1) for line in labelled)
    repeated = {label for label, count in counts.items() if count >= 2}
    people = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON"}
    found = []
    for line in labelled:
        label = line.group(1)
        surname = label.rsplit(" ", 1)[-1]
        full_and_alone = surname in counts if " " in label else any(other.endswith(" " + label) for other in counts)
        if full_and_alone or surname.lower() in people or (label in repeated and len(repeated) >= 2):
            found.append(Line(label, *trim_span(text, line.start(2), line.end(2))))
    return found if len(found) >= 2 else []


def _answers(doc: Any) -> list[Line]:
    """An interview's answers: each "A:" line, and the paragraphs after it up to the next
    question, where one follows (an editor's note after the last answer is not the answer's).
    Only where the article has both questions and answers: "A." alone may start a list."""
    text = text_of(doc)
    labelled = list(_INTERVIEW_LINE.finditer(text))
    if not any(m.group(1) in _ANSWER for m in labelled) or all(m.group(1) in _ANSWER for m in labelled):
        return []
    spans = paragraphs(text)
    paragraph_starts = [paragraph.start for paragraph in spans]
    found = []
    for number, line in enumerate(labelled):
        if line.group(1) not in _ANSWER:
            continue
        found.append(Line(ANSWER_MENTION, *trim_span(text, line.start(2), line.end(2))))
        following = labelled[number + 1] if number + 1 < len(labelled) else None
        if following is None or following.group(1) in _ANSWER:
            continue
        for paragraph in spans[bisect_right(paragraph_starts, line.end()) :]:
            if paragraph.end > following.start():
                break
            found.append(Line(ANSWER_MENTION, *trim_span(text, paragraph.start, paragraph.end)))
    return found


def _interviewee(doc: Any, lines: list[Line], speakers: Speakers) -> str | None:
    """Who answers an interview, from the lead-in before the first answer: the person it has
    "an interview with" or "a Q&A with", else the person whose surname it gives most ("Vice
    President Joe Biden … spoke with POLITICO's Michael Grunwald … Biden complained"), of those
    given as often, the first one a sentence has as its subject ("Jocelyn Park took over …, she
    spoke with Statehouse Report's Owen Brandt"). None where it cannot tell: an answer is better
    left without a speaker than given the wrong one, and "spoke with X" may name the reporter as
    easily as the guest."""
    answers = [line for line in lines if line.label == ANSWER_MENTION]
    if not answers:
        return None
    named = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.end_char <= answers[0].start
             and not doc[ent.start].sent.text.lstrip().lower().startswith("by ")  # a byline
             and not (ent.start and doc[ent.start - 1].lower_ == "the")]  # "the Herald": a paper the tagger took for a name
    names = [speakers.full_name(strip_titles(ent.text), ent.start_char) for ent in named]
    guests = {name for name, ent in zip(names, named) if _interviewed(ent)}
    if len(guests) == 1:
        return guests.pop()
    lead_in = text_of(doc)[: answers[0].start]
    subject_at = {}  # where the first sentence that has the person as its subject starts
    for name, ent in zip(names, named):
        if _is_subject(ent.root):
            subject_at[name] = min(subject_at.get(name, len(lead_in)), ent.sent.start_char)
    rank = {name: (len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", lead_in)), -subject_at.get(name, len(lead_in)))
            for name in names}  # surname mentions first, then who was a subject first
    ranked = sorted(rank, key=rank.get, reverse=True)
    if not ranked or (len(ranked) > 1 and rank[ranked[0]] == rank[ranked[1]]):
        return None
    return ranked[0]


def _interviewed(ent: Any) -> bool:
    """"an interview with X", "Q&A with X", "in conversation with X": X is the guest."""
    preposition = ent.root.head
    return (ent.root.dep_ == "pobj" and preposition.lower_ == "with"
            and preposition.head.lower_ in _INTERVIEW_NOUNS)


def _is_subject(token: Any) -> bool:
    """A sentence's subject, or one of several joined ("Ana Lindqvist and Tom Berg spoke")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECTS
