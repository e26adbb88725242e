"""Attributed quotes: each quotation in an article with its speaker, merged with reported speech.

``extract_quotes`` is the entry point. Quotation marks are paired by character
(``text.quotation_spans``); reported speech comes from ``reported``; the verb-and-subject
logic both share (whose words a cue verb introduces) is in ``cues``; ``speakers.Speakers``
turns the speaking phrase into a name. This module decides which cue a direct quote has.

A transcript or an interview printed without quotation marks ("TAPPER: Do you think …",
"Q: … A: …") gives each line to the speaker its label names (``transcripts``). A quotation
signed on its own line, as roundups print them (""…" ― Maria Lopez, 34, Phoenix"), is its
signer's. Otherwise a quote's speaker is the first of these strategies to find one (``_attribution``):
a transcript label inside it ("PENCE: …" → Mike Pence); a name heading the colon that
opens it (a headline's "Bill Clinton:", "Rep. Trey Gowdy (R-S.C.):", a roundup's
"Topic - Source:", an excerpt's "From the report:"); the owner of a noun of speech whose
content it is ("Clinton's assertion of a “…”"); a speech verb in its own sentence (cut at
full stops the parser ran past) — an inverted tag right after it first ("…?" asked Dunn),
then the verb whose phrase holds it or that leads into it with a comma or dash, then the
nearest, "said" beating "asked" or "called", a scene-setting when/after clause never;
"according to X"; the verb a partial quote hangs on ("dismissed the report as “fake
news”"), the subject above a complement clause, or the owner of a noun of speech
("Clinton's response was: “…”"); a sentence that introduces it with a colon or dash
("Trump tweeted:"), or a bare clause and a comma ("Hillary shot back, “…”"); or the tag
after the closing mark, read by position where the parse tied it into the quote. A
headline or subhead that only quotes words quoted again further down is that later
quote's speaker's. A quotation printed under a line that names its speaker ("Angela Ruiz, 41,
intensive care unit") is that speaker's.

A quote with none of these continues the previous speaker when nothing else lies between
them (a quote split around "he said", one running over paragraphs, or reported speech just
before it, unless nested in an earlier statement or an aside of the previous quote's tag);
else it takes the signer of a signature line under it ("- Sanders.", "Siobhán Griffin, 49,
carer"), the speaker of the sentence just before it (one who speaks or issues a statement;
the one "asked" answers), or, for a
quoted sentence of its own, the person the sentence before is about, else the speaker of
its paragraph. A one- or two-word quotation counts only with a tag after it or as the
whole object of the speech verb right before it ("yelled “You lie!”");
titles, slogans, names of things ("the “king of debt” moniker") and short unattributed scare
quotes are left out, and so is a short partial quote inside a reported clause, which shows
it instead.
"""

from __future__ import annotations

import re
from itertools import takewhile
from typing import Any

from summarise.brief import Quote
from summarise.cues import (
    CUE_VERBS, DIRECT_ONLY, NAMING_VERBS, QUOTING_VERBS, SPEECH_NOUNS, SUBJECTS, SUBORDINATORS, Attribution,
    according_source, is_aspectual, is_cue, is_passive_cue, issues_words, puts_it, speaker_of, subject_of,
)
from summarise.reported import reported_speech
from summarise.models.nlp import joins_words, text_of, token_at
from summarise.names import is_title_word, strip_titles
from summarise.speakers import Speakers
from summarise.text import DASHES, QuotedRanges, QuoteSpan, is_quoted, quotation_spans, trim_span, word_count
from summarise.transcripts import transcript_lines, transcript_quotes

MIN_QUOTE_WORDS = 3
MIN_UNATTRIBUTED_WORDS = 6
MAX_TITLE_WORDS = 8
MAX_SIGN_OFF_WORDS = 8  # words of a signature line with no dash before it ("Siobhán Griffin, 49, carer")
MAX_LABEL_WORDS = 16  # words of a name line over a quotation ("Angela Ruiz, 41, intensive care unit, …")
MAX_NAME_WORDS = 6  # words of a signature's name, title and role included ("Port director Jim Clyburn")
NOT_IN_A_NAME = ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON")  # word classes a signature's name part never has
WEAK_CUE_PENALTY = 40  # characters: how much nearer "asked" or "called" must be than "said" to win
MAX_HEADLINE_GAP = 3  # words between "Name:" and the quote ("Ben Carson: Hillary Clinton '…'")
MAX_TAG_TOKENS = 14  # how far after a quote its tag ("…," Murphy, the head of …, said) may reach
NOUN_PHRASE_TAGS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART")  # words of a bare noun phrase


def extract_quotes(doc: Any) -> list[Quote]:
    """Direct quotations and reported speech of a parsed article, in order of appearance."""
    lines = transcript_lines(doc)
    in_lines = QuotedRanges((line.start, line.end) for line in lines)
    spans = [s for s in quotation_spans(text_of(doc)) if _word_count(text_of(doc), s) > 0 and not is_quoted(s.start, in_lines)]
    quoted = QuotedRanges([(s.start, s.end) for s in spans] + list(in_lines))
    speakers = Speakers(doc, quoted)
    reported = reported_speech(doc, quoted, speakers)
    direct = [q for q in _direct_quotes(doc, spans, quoted, speakers, reported) if not _within(q, reported)]
    direct += transcript_quotes(doc, lines, speakers)
    return sorted(direct + reported, key=lambda q: q.start)


def _within(quote: Quote, reported: list[Quote]) -> bool:
    """A short partial quotation inside a reported clause ("says Americans are "right to be
    angry," but …"), under a third of the clause's words, is shown as part of that clause,
    not as a quote of its own: alone it would misstate what was said."""
    return any(
        r.start <= quote.start < r.end
        and not re.search(r"\w", quote.text[r.end - quote.start :])
        and 3 * word_count(quote.text) < word_count(r.text)
        for r in reported
    )


def _direct_quotes(
    doc: Any, spans: list[QuoteSpan], quoted: QuotedRanges, speakers: Speakers, reported: list[Quote]
) -> list[Quote]:
    """One Quote per quotation; ``reported`` speech before a quote may hand it its speaker."""
    text = text_of(doc)
    quotes: list[Quote] = []
    previous: tuple[int, bool, Quote] | None = None  # (end offset, closed, quote)
    labels, under_labels = _labels_above(doc, spans, speakers)
    for span in spans:
        start, end = trim_span(text, span.inner_start, span.inner_end)
        if end <= start:
            continue
        if _word_count(text, span) < MIN_QUOTE_WORDS:
            found = (_tag_beside(doc, span, quoted, speakers) if _opens_sentence(text, span)
                     else _uttered(doc, span, quoted, speakers))
            if found is not None:  # ""Denver," he answered.", "yelled "You lie!"" — a short reply, tagged
                quotes.append(Quote(text[start:end], start, end, *found, "direct"))
                previous = span.end, span.closed, quotes[-1]
            continue
        for said in reported:
            if said.speaker and (previous is None or previous[0] <= said.end) and said.end <= span.start:
                if previous is None or not _nested(doc, said, previous[2]):
                    previous = said.end, True, said
        found = _signed_beside(doc, span, speakers) or _attribution(doc, span, quoted, speakers) \
            or labels.get(span.start) or _echoed(doc, span, spans, quoted, speakers)
        if found is None and previous is not None and _continues(doc, previous[0], previous[1], span, quoted):
            found = previous[2].speaker, previous[2].mention, previous[2].cue
        if found is None:
            found = (
                (None if span.start in under_labels else _signed_below(doc, span, speakers))
                or _sentence_before(doc, span, quoted, speakers)
                or _sentence_before_about(doc, span, quoted, speakers)
                or _paragraph_speaker(doc, previous, span, speakers)
            )
        speaker, mention, cue = found or (None, None, None)
        unattributed = speaker is None and _word_count(text, span) < MIN_UNATTRIBUTED_WORDS
        title = _is_title(text, span) and not _exclaimed(doc, span, quoted, speakers)
        if title or _names_a_thing(doc, span) or unattributed:
            continue  # "A Serious Man", "Make America Great Again", a scare quote
        quote = Quote(text[start:end], start, end, speaker, mention, cue, "direct")
        quotes.append(quote)
        previous = span.end, span.closed, quote
    return quotes


def _uttered(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """A short quotation that is the whole object of the speech verb right before it ("a man
    yelled "Stay there!"", "said, "We'll see,"") is words spoken, not a scare quote; one the
    sentence runs on from ("testified "thousands" of emails") or after a verb that names a
    thing ("called it "spinach"") is the reporter's wording."""
    text = text_of(doc)
    if text[span.inner_end - 1] not in ".,!?" and re.match(r"\s*\w", text[span.end :]):
        return None
    before = doc.char_span(_line_start(text, span.start), span.start, alignment_mode="contract")
    words = [t for t in before if not t.is_space] if before is not None else []
    if words and words[-1].text in ",:":
        words = words[:-1]
    verb = words[-1] if words else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in CUE_VERBS - NAMING_VERBS:
        return None
    found = speaker_of(verb, quoted, speakers)
    return found if found is not None and found[0] is not None else None


def _echoed(
    doc: Any, span: QuoteSpan, spans: list[QuoteSpan], quoted: QuotedRanges, speakers: Speakers
) -> Attribution | None:
    """A headline or subhead that is nothing but a quotation repeats words the article quotes
    in full further down ("'We're vetting VP candidates!'" over a section where ""We're vetting
    VP candidates!" said Arturo Vargas"): they are that speaker's, not the previous paragraph's."""
    if not _whole_paragraph(text_of(doc), span):
        return None
    words = _words(text_of(doc)[span.inner_start : span.inner_end])
    for later in spans:
        if later.start > span.end and words in _words(text_of(doc)[later.inner_start : later.inner_end]):
            return _attribution(doc, later, quoted, speakers)
    return None


def _words(text: str) -> str:
    """The text's words, lower-cased, each between spaces, to find one wording inside another."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _nested(doc: Any, said: Quote, outer: Quote) -> bool:
    """Whether reported speech lies inside an earlier reported clause, or in the rest of the
    sentence of an earlier direct quote: in "Carter said that critics had been predicting a
    withdrawal", Carter is still the one speaking, and in ""…," Trump said, two hours after
    news outlets declared him the victor", the outlets are an aside of Trump's tag."""
    if outer.kind == "reported":
        return outer.start <= said.start and said.end <= outer.end
    last = token_at(doc, outer.end - 1)
    return last is not None and said.start < last.sent.end_char


def _attribution(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """(speaker, mention, cue) from the quote's own sentence, else from a colon before it,
    else from the words right after it."""
    sentence = _sentence(doc, span, quoted)
    found = _transcript_label(doc, span, speakers)
    if found is None:
        found = _name_colon(doc, span, quoted, speakers)
    if found is None:
        found = _owned_words(sentence, span, quoted, speakers)
    if found is None:
        found = _speech_verb(sentence, span, quoted, speakers)
    if found is None:
        found = _according_to(sentence, quoted, speakers)
    if found is None:
        found = _governing_verb(sentence, span, quoted, speakers)
    if found is None:
        found = _colon_intro(doc, sentence, span, quoted, speakers)
    if found is None:
        found = _tag_beside(doc, span, quoted, speakers)
    return found


_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")


def _transcript_label(doc: Any, span: QuoteSpan, speakers: Speakers) -> Attribution | None:
    """A transcript quoted line names its speaker in capitals: "“PENCE: Well, look…”" → the
    Pence named earlier ("Mike Pence"). A label that names nobody earlier ("VIDEO:") is not one."""
    label = _TRANSCRIPT_LABEL.match(text_of(doc), span.inner_start, span.inner_end)
    if label is None:
        return None
    name = label.group(1).title()
    speaker = speakers.full_name(name, span.start)
    return (speaker, label.group(1), ":") if speaker != name else None


def _name_colon(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """A name heading the colon that opens the quote: "Bill Clinton: Hillary '…'" in a
    headline, "Rep. Trey Gowdy (R-S.C.): "…"" in a transcript, "Pollsters agree - Carl
    Bialik: "…"" in a roundup, "From the report: "…"" over an excerpt. Not "Reyes wrote on
    Twitter:", where a verb speaks."""
    at = text_of(doc).rfind(":", _line_start(text_of(doc), span.start), span.start)
    if at < 0 or word_count(text_of(doc)[at : span.start]) > MAX_HEADLINE_GAP:
        return None
    colon = token_at(doc, at)
    if colon is None:
        return None
    phrase = []
    roundup = False  # the heading follows a spaced dash: a roundup's "Topic - Source:"
    for token in reversed(doc[colon.sent.start : colon.i]):
        if is_quoted(token.idx, quoted):
            break
        if token.text[0] in DASHES and (token.whitespace_ or token.i > 0 and doc[token.i - 1].whitespace_):
            roundup = True  # "Pollsters agree - Carl Bialik:", "… all along -More from Jones:", not "(R-S.C.)"
            break
        phrase.insert(0, token)
    if not phrase or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    heading = doc[phrase[0].i : phrase[-1].i + 1]
    names = [e for e in heading.ents if e.label_ in ("PERSON", "ORG") and not _setting(e, heading)]
    source = next((c for t in heading if t.lower_ == "from" for c in t.children if c.dep_ == "pobj"), None)
    if names:
        speaker, mention = speakers.resolve_span(names[-1])
    elif source is not None and (roundup or heading[0].lower_ == "from"):  # "- More from the report:", "From the report:"
        speaker, mention = speakers.resolve(source)
    elif roundup:  # a source the tagger did not name: "- Philip Bump:"
        speaker, mention = speakers.resolve_span(heading)
    else:
        return None
    return speaker, mention, ":"


def _setting(name: Any, heading: Any) -> bool:
    """Whether a name in a heading says where or to whom, not who: "Later that month on CNN:",
    "…, with Clinton:". "More from Jones:" and "A statement by the DNC:" do say who."""
    preposition = name.root.head
    return name.root.dep_ == "pobj" and preposition.i >= heading.start and preposition.lower_ not in ("from", "by")


def _speech_verb(sentence: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """The speech verb right after a quotation that runs on into it (its tag read by
    position where the parse lost its subject: "…,'' said Robin Maynard, half joking"),
    else the one whose phrase holds the quote, else the one nearest to it, and its subject.
    A verb of a relative or adverbial clause speaks only for a quote inside that clause: in
    "…," echoing critics who complained about it, "complained" is no cue, and in "After
    Brown criticized Clinton, Hillary shot back, "…"", "criticized" is none."""
    doc = sentence.doc
    inverted = _inverted_cue(doc, span)
    if inverted is not None and is_cue(doc[inverted]) and speaker_of(doc[inverted], quoted, speakers) is None:
        found = _tag_beside(doc, span, quoted, speakers)
        if found is not None:
            return found
    candidates = []
    for token in sentence:
        if is_quoted(token.idx, quoted) or not (token.lemma_.lower() in CUE_VERBS or token.lemma_.lower() in QUOTING_VERBS or puts_it(token)):
            continue
        if token.pos_ not in ("VERB", "AUX") or is_aspectual(token):
            continue
        governs = _governs(token, span) and not _says_its_noun(token)
        if (token.dep_ == "relcl" or _sets_scene(token, span)) and not governs:
            continue
        found = speaker_of(token, quoted, speakers)
        if found is not None:
            distance = min(abs(token.idx - span.start), abs(token.idx - span.end))
            if token.lemma_.lower() in DIRECT_ONLY:
                distance += WEAK_CUE_PENALTY  # "asked about …, had said, "…"": said is the cue
            candidates.append((token.i != inverted, not governs, distance, found))
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None


def _inverted_cue(doc: Any, span: QuoteSpan) -> int | None:
    """The token index of the word right after a quotation that runs on into it, which is
    the quote's cue when it is a speech verb ("…?" asked Dunn, now a partner at …), whatever
    other speech verb the sentence holds ("…, as Moscow denies — "…?" asked Dunn")."""
    if text_of(doc)[span.inner_end - 1] not in ",?!":
        return None
    after = doc.char_span(span.end, min(len(text_of(doc)), span.end + 40), alignment_mode="contract")
    words = [t for t in after if not t.is_punct and not t.is_space] if after is not None else []
    return words[0].i if words and words[0].tag_ != "VBG" else None  # "…," adding: no inversion


def _governs(verb: Any, span: QuoteSpan) -> bool:
    """Whether the quotation lies inside the verb's phrase, or opens right after the verb or
    its phrase and a comma or a dash ("a message that said, "Sorry, …"", "Sykes, who lamented
    in an interview with Oliver Darcy, "…"", however the parser attached it) — a phrase with
    no quotation of its own ("the crowd chanted "Build the wall!" - "…"")."""
    text = text_of(verb.doc)
    if verb.idx < span.start and not re.search(r"\w", text[verb.idx + len(verb.text) : span.start]):
        return True
    edge = verb.right_edge
    if verb.idx <= edge.idx < span.start and not re.search(r"\w", text[edge.idx + len(edge.text) : span.start]):
        if re.search(r"[,—–-]", text[edge.idx : span.start]) and not re.search(r"[“”\"]|''", text[verb.idx : span.start]):
            return True
    return verb.left_edge.idx <= span.inner_start and span.inner_end <= verb.right_edge.idx + len(verb.right_edge.text) + 1


def _says_its_noun(verb: Any) -> bool:
    """Whether the verb heads a relative clause with no relative word, whose object is the noun
    it describes: in "Nothing the president said “will help,” the senator said", what the
    president said is "nothing", and the quote is the senator's. Not "a message that said “…”"
    or "a video in which Ross said: “…”"."""
    return verb.dep_ == "relcl" and not any(t.tag_ in ("WDT", "WP", "WRB") for t in verb.subtree if t.i < verb.i)


def _sets_scene(verb: Any, span: QuoteSpan) -> bool:
    """Whether the verb heads an adverbial clause of time, condition or cause ("When Trump
    suggested …") whose main clause stands between it and the quotation: that clause, not
    the scene set before it, introduces the quote ("…, Rubio fired back: "…""). "As
    Politico reported, "…"" is no such clause."""
    conjunctions = [c for c in verb.children if c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS]
    if verb.dep_ != "advcl" or not conjunctions:
        return False
    main = verb.head.idx
    return verb.idx < main < span.start or span.end <= main < verb.idx


def _according_to(sentence: Any, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """"…," according to the Post: the source of the quote's sentence."""
    sources = (according_source(token, quoted) for token in sentence)
    source = next((s for s in sources if s is not None), None)
    if source is None:
        return None
    speaker, mention = speakers.resolve(source)
    return speaker, mention, "according to"


def _owned_words(sentence: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """The owner of a noun of speech whose content the quote is: in "Fitton called Clinton's
    assertion of a “claim of right” disturbing", the innermost attribution says whose words
    they are, whatever verb of the sentence speaks about them. Not "Trump's comments are
    “…”" or "played down Trump's comments as “…”", said about the words."""
    inner = _inner_tokens(sentence.doc, span)
    if inner is None:
        return None
    token = inner.root
    while token.dep_ in ("appos", "acl", "ccomp", "pobj") or (token.dep_ == "prep" and token.lower_ == "of"):
        token = token.head
        if not sentence.start <= token.i < sentence.end or is_cue(token):
            return None
        owner = _speech_owner(token) if token.pos_ == "NOUN" and not is_quoted(token.idx, quoted) else None
        if owner is not None:
            if is_quoted(owner.idx, quoted) or owner.tag_ == "WP$":
                return None  # "a candidate whose words “…”": no one in particular
            return (*speakers.resolve(owner), token.text)
    return None


def _governing_verb(sentence: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """A partial quote: the subject of the verb it hangs on ("dismissed the report as "fake news"").
    A clause that is the complement of a verb with a subject of its own is that subject's
    statement or thought: in "Ryan worried that the safety net was becoming "a hammock"",
    Ryan speaks, not the net. A phrase that holds the quote ("a group dressed in “…” T-shirts
    marched") does not speak it, and a clause coordinated with the one above it ("can drive
    out bad, but only when “the truth is …”") is a statement of its own. A quote the parser
    could not attach ("dep") hangs on nothing it can tell."""
    inner = _inner_tokens(sentence.doc, span)
    if inner is None:
        return None
    token = inner.root
    while token.head.i != token.i and sentence.start <= token.head.i < sentence.end:
        child, token = token, token.head
        if child.dep_ == "dep" or (child.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in child.children)):
            return None
        if is_quoted(token.idx, quoted):
            continue
        owner = _speech_owner(token)
        if owner is not None and owner.tag_ == "WP$":
            return None  # "a candidate whose promise of “…”": no one in particular
        if owner is not None and not is_quoted(owner.idx, quoted):
            speaker, mention = speakers.resolve(owner)
            return speaker, mention, token.text
        subject = _hanging_subject(token, quoted, speakers)
        if subject is None or subject.i == child.i or (token.dep_ == "ccomp" and _hanging_subject(token.head, quoted, speakers) is not None):
            continue
        speaker, mention = speakers.resolve(subject)
        return speaker, mention, token.text
    return None


def _hanging_subject(verb: Any, quoted: QuotedRanges, speakers: Speakers) -> Any:
    """The subject of a verb a partial quote hangs on, if it can be the quote's speaker: not
    a dummy ("it", "there") and not what a passive verb is done to ("battery is committed
    when a person "…"")."""
    if verb.pos_ != "VERB":
        return None
    subject = subject_of(verb, speakers)
    if subject is None or is_quoted(subject.idx, quoted) or subject.lower_ in ("it", "this", "that", "there"):
        return None
    return None if subject.dep_ == "nsubjpass" else subject


def _speech_owner(token: Any) -> Any:
    """The possessor of a noun of speech that a quotation is, or is what the noun was:
    "her comment that “…”", "Clinton's response was: “…”" — whose words they are."""
    noun = token
    if token.lemma_ == "be":
        noun = next((c for c in token.children if c.dep_ == "nsubj"), token)
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _colon_intro(doc: Any, sentence: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """"Trump tweeted:" (or a dash) then the quote, in the same sentence or just before it;
    a line naming where an excerpt is from ("From Jane Doe writing at Slate:") heads it too."""
    before = text_of(doc)[sentence.start_char : span.start].rstrip()
    intro = sentence
    if not before:
        if sentence.start == 0:
            return None
        intro = doc[sentence.start - 1].sent
        before = intro.text.rstrip()
    if before.endswith(",") and intro is sentence:
        return _lead_in(sentence, span, quoted, speakers)
    if not before.endswith((":", "--", "—", "–")):  # "…techniques -- "I think …""
        return None
    verbs = [t for t in intro if t.idx < span.start and t.pos_ == "VERB" and not is_quoted(t.idx, quoted)]
    verbs = [t for t in verbs if not _sets_scene(t, span)]  # "When Trump suggested …, Rubio fired back:"
    verbs = [t for t in verbs if is_cue(t) or not _describes_a_noun(t)]  # "the House, which passed the bill, …"
    # A speech verb first, else the main clause's last verb ("leaned in and boomed:"), not one of a
    # clause that only sets the scene ("after 14 people were killed", "apologized for what happened").
    verbs.sort(key=lambda t: (t.lemma_.lower() in CUE_VERBS, not any(c.dep_ == "mark" for c in t.children), -_depth(t), t.i))
    for token in reversed(verbs):
        found = speaker_of(token, quoted, speakers)
        if found is not None:
            return found
    head = intro.root
    if head.lower_ == "from":  # an excerpt's source on the line before: "From Josh Feldman writing at Mediaite:"
        head = next((c for c in head.children if c.dep_ == "pobj"), head)
    if head.pos_ in ("PROPN", "NOUN") and not is_quoted(head.idx, quoted):  # "Clinton: "…""
        speaker, mention = speakers.resolve(head)
        return speaker, mention, ":"
    return None


def _describes_a_noun(verb: Any) -> bool:
    """A relative clause's verb ("which passed the bill", "whose constituency includes the
    plant"): it tells of a noun, not who speaks."""
    def relative(subject: Any) -> bool:  # "which", or the noun "whose" owns
        return subject.lower_ in ("who", "which", "that") or any(g.lower_ == "whose" for g in subject.children)

    return verb.dep_ == "relcl" and any(c.dep_ in SUBJECTS and relative(c) for c in verb.children)


def _lead_in(sentence: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """A person doing anything, then a comma and the quote: "Hillary shot back, “…”", "Sanders
    cut in, “…”" — the mirror of a tag that runs on (""…?" Hannity pressed"). Only a bare
    clause (subject, verb, particle or adverb) hands on the floor so."""
    before = [t for t in sentence if t.idx < span.start and not t.is_space]
    verb = next((t for t in reversed(before) if t.pos_ == "VERB" and not is_quoted(t.idx, quoted)), None)
    if verb is None or any(t.dep_ not in ("prt", "advmod") for t in before[before.index(verb) + 1 : -1]):
        return None
    subject = subject_of(verb, speakers)
    if subject is None or subject.i > verb.i or is_quoted(subject.idx, quoted) or not speakers.is_person(subject):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, verb.text


def _depth(token: Any) -> int:
    """How many heads lie between a token and its sentence's root."""
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _tag_beside(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """The tag right after the closing mark, read by position where the parse went wrong:
    ""…?" the 43-year-old asked" (split into its own sentence, or tied into the quote),
    ""…," said Mr. Rhodes". A quotation that runs on into a bare noun phrase and a verb is
    tagged whatever the verb (""…?" the moderator pressed")."""
    after = doc.char_span(span.end, _line_end(text_of(doc), span.end), alignment_mode="contract")
    if after is None:
        return None
    tokens = []
    aside = False  # ", who was not authorized to speak," inside the tag: neither its verb nor its speaker
    for token in after:
        if is_quoted(token.idx, quoted) or len(tokens) == MAX_TAG_TOKENS:
            break
        if token.text == ",":
            aside = False
        if tokens and tokens[-1].text == "," and token.lower_ in ("who", "which"):
            aside = True
        if not aside and (tokens or not token.is_punct):
            tokens.append(token)
    if not tokens:
        return None
    # A quotation that ends in a comma, "?" or "!" runs on into its tag, whatever the verb:
    # ""…?" Hannity pressed", ""…," Trump went on", ""…," reacted Trump".
    runs_on = text_of(doc)[span.inner_end - 1] in ",?!"
    if is_cue(tokens[0]) or (runs_on and tokens[0].pos_ == "VERB"):  # "…," said Mr. Rhodes
        phrase = []
        for token in tokens[1:]:
            if (token.is_punct and not joins_words(token)) or token.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ"):
                break
            phrase.append(token)
        phrase += _name_beside(doc, phrase)
        verb = tokens[0]
    else:  # "…," the ambassador, Kazem Jalali, said
        verb = next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i and is_cue(verb.head) \
                and verb.head.dep_ != "relcl" and verb.head in tokens:  # not "…" that would respond to …
            verb = verb.head  # "…," the aide would say; "…," Will Estrada said, the name read as a modal
        misread = _cue_tagged_as_noun(tokens) if runs_on else None
        if misread is not None and (verb is None or misread.i < verb.i):
            verb = misread
        if verb is None or not (is_cue(verb) or verb.pos_ not in ("VERB", "AUX") or (runs_on and verb.pos_ == "VERB")):
            return None
        phrase = [t for t in tokens[: tokens.index(verb)] if t.pos_ != "ADV"]
        while phrase and (phrase[-1].is_punct or phrase[-1].dep_ in ("aux", "auxpass")):
            phrase.pop()
        if phrase and phrase[0].pos_ == "ADP" and any(t.text == "," for t in phrase):
            phrase = phrase[[t.text for t in phrase].index(",") + 1 :]  # "Of Carson, Levine said": the topic goes
        if phrase and phrase[-1].tag_ == "PRP":
            phrase = phrase[-1:]  # "South Carolina, he said, was …": a pronoun is a whole phrase
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON", "NUM") or speakers.is_person(t) for t in phrase) and verb.pos_ in ("VERB", "AUX"):
        return None  # a verb read as a noun ("the editorial read") leaves its phrase's tags wrong too
    noun_phrase = verb.i > tokens[0].i and all(t.pos_ in NOUN_PHRASE_TAGS and t.tag_ not in ("WDT", "WP") for t in phrase)
    if verb.pos_ == "VERB" and not is_cue(verb) and not noun_phrase and not any(speakers.is_person(t) for t in phrase):
        return None  # any verb will do after a bare noun phrase (""…?" Hannity pressed") or for a person, not in
        # ""…," came shouts from the crowd" or a relative clause going on (""…," which allows …")
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return None  # ""…." Mr. Zahed said: "…"": the verb introduces the next quote
    if verb.i > tokens[0].i and any(_runs_on(verb, c) and not is_quoted(c.idx, quoted) for c in verb.children):
        return None  # "…" Rubio said Trump is wrong: a new statement, not this quote's tag
    speaker, mention = speakers.resolve_span(doc[phrase[0].i : phrase[-1].i + 1])
    return speaker, mention, verb.text


def _name_beside(doc: Any, phrase: list[Any]) -> list[Any]:
    """The comma and person's name set after a role in an inverted tag: ""…," recalled her
    granddaughter, Elise Nye." — the role alone would hide who spoke."""
    if not phrase or phrase[-1].i + 2 >= len(doc) or doc[phrase[-1].i + 1].text != ",":
        return []
    first = doc[phrase[-1].i + 2]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return []
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[phrase[-1].i + 1 : end])


def _runs_on(verb: Any, clause: Any) -> bool:
    """Whether a clause the verb governs follows it with no punctuation between: "said Trump is
    wrong" reports it; in "asked, repeating a broadside - that …" it belongs to the aside."""
    doc = verb.doc
    return clause.dep_ == "ccomp" and clause.i > verb.i and not any(t.is_punct for t in doc[verb.i + 1 : clause.left_edge.i])


def _cue_tagged_as_noun(tokens: list[Any]) -> Any:
    """A speech verb the tagger read as a noun, in a verbless tag after a quotation that
    runs on: ""…," the Saudis state in the white paper", ""…," the editorial read." It
    follows the speaking noun phrase and ends the tag or opens a prepositional phrase."""
    for before, token, after in zip(tokens, tokens[1:], [*tokens[2:], None]):
        lemma = token.lemma_.lower()
        if lemma not in CUE_VERBS or before.pos_ not in ("NOUN", "PROPN", "ADJ") or before.dep_ == "poss":
            continue
        if after is None or after.is_punct or after.pos_ == "ADP":
            return token
    return None


def _continues(doc: Any, previous_end: int, closed: bool, span: QuoteSpan, quoted: QuotedRanges) -> bool:
    """A quote with no cue of its own continues the previous speaker when only the
    rest of that quote's sentence ("…," he said.) lies between them, when the
    previous quote ran to the end of its paragraph without a closing mark, or when it
    is a paragraph of its own after the previous speaker's paragraph."""
    between = text_of(doc)[previous_end:span.start]
    if not closed:
        return not between.strip()
    said_to = previous_end + len(between.rstrip())
    # the rest of the previous quote's sentence: one sentence, in one paragraph
    if "\n" in between.rstrip() or any(stop.idx + 1 < said_to for stop in _full_stops(doc, previous_end, said_to, quoted)):
        return False
    return "\n" not in between or _whole_paragraph(text_of(doc), span)


def _paragraph_speaker(
    doc: Any, previous: tuple[int, bool, Quote] | None, span: QuoteSpan, speakers: Speakers
) -> Attribution | None:
    """The speaker of an earlier quote in the same paragraph, when only the reporter's words lie
    between: ""…," she says. And it threw Santilli for a loop. "Pete's done a lot of changing."" —
    a paragraph is one speaker's until someone else is given the floor, as a person named as a
    subject between would be ("Her rival, Tom Hale, has spent millions. "…""). Only for a quoted
    sentence: a partial quote is part of the reporter's sentence, which says whose words it borrows."""
    if previous is None or previous[2].speaker is None or not _opens_sentence(text_of(doc), span):
        return None
    if "\n" in text_of(doc)[previous[0] : span.start]:
        return None
    last, first = token_at(doc, previous[0] - 1), token_at(doc, span.start)
    if last is None or first is None:
        return None
    for token in doc[last.sent.end : first.i]:  # the sentences after the previous quote's
        if token.dep_ in SUBJECTS and any(t.pos_ == "PROPN" and speakers.is_person(t) for t in token.subtree):
            return None
    return previous[2].speaker, previous[2].mention, previous[2].cue


def _sentence_before(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """A quote with no cue of its own, right after a sentence in which someone speaks:
    "Trump is a "change agent," Cole said. "That's exactly what people want." The speech
    verb of a relative clause, or of a clause inside one, describes someone ("a call-in show
    during which callers asked …", "the emails, which included staff suggesting someone should
    question …"): it does not hand on the floor. Issuing words hands it on as speaking does:
    "The DNC issued a statement apologizing to Sanders. "On behalf of …""
    """
    before = _previous_sentence(doc, span, quoted)
    if before is None:
        return None
    for token in reversed(before):
        if is_quoted(token.idx, quoted) or any(t.dep_ in ("relcl", "acl") for t in (token, *token.ancestors)):
            continue
        if is_cue(token) or issues_words(token):
            found = _answer(token, quoted, speakers) or speaker_of(token, quoted, speakers)
            if found is not None:
                return found
    return None


def _answer(verb: Any, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """The one asked, for the quote after "Sanders was asked about the lawsuit.": the answer."""
    if verb.lemma_.lower() != "ask" or not is_passive_cue(verb):
        return None
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    if is_quoted(subject.idx, quoted):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, verb.text


def _signed_beside(doc: Any, span: QuoteSpan, speakers: Speakers) -> Attribution | None:
    """A quotation at the head of its line signed after a dash or in brackets, as roundups and
    reader mail print them: ""…" ― Maria Lopez, 34, Phoenix", ""…" (Jane Doe, Ohio)". The
    signature is its speaker's, whatever the sentences around it say."""
    text = text_of(doc)
    line_end = _line_end(text, span.end)
    dash = re.match(rf"[\s.,]*(?=[{DASHES}(])", text[span.end : line_end])
    if dash is None or not _heads_its_line(text, span.start):
        return None
    return _signature(doc, span.end + dash.end(), line_end, speakers)


def _signed_below(doc: Any, span: QuoteSpan, speakers: Speakers) -> Attribution | None:
    """A quote block signed on the line under it: ""The reality is …¶S.C. Rep. Jim Clyburn."",
    ""…"¶- Sanders.". Weaker than a signature beside it (a photo credit or a subhead may stand
    there too), so it is read only for a quote with no tag of its own that does not go on
    from the one before."""
    text = text_of(doc)
    line_end = _line_end(text, span.end)
    if text[span.end : line_end].strip(" \t.\"”'’") or _word_count(text, span) < MIN_UNATTRIBUTED_WORDS:
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    return _signature(doc, start, _line_end(text, start), speakers)


def _labels_above(doc: Any, spans: list[QuoteSpan], speakers: Speakers) -> tuple[dict[int, Attribution], set[int]]:
    """Quotations printed under a line that names their speaker, as "in their own words"
    pieces set them out ("Angela Ruiz, 41, intensive care unit" over her words): the speaker of
    each by the start of its quotation, and the starts of all quotations in such a run. A
    run of name lines and quotations is read this way when it opens with a name line; one that
    opens with a quotation is signed below instead ("…"¶Maria Lopez, Phoenix¶"…"¶Tom Reed).
    An article must set out two or more so: one is as likely a byline or a subhead."""
    text = text_of(doc)
    heads = {_line_start(text, s.start): s for s in spans if _heads_its_line(text, s.start)}
    labels: dict[int, Attribution] = {}
    under: set[int] = set()
    for line, span in heads.items():
        above = _line_before(text, line)
        if above is None:
            continue
        if above[0] in heads:  # a paragraph going on with the quotation above it
            if heads[above[0]].start in under:
                under.add(span.start)
            continue
        label = _signature(doc, *above, speakers, label=True) if _whole_paragraph(text, span) else None
        before = _line_before(text, above[0])
        if label is not None and (before is None or before[0] not in heads or heads[before[0]].start in under):
            labels[span.start] = label
            under.add(span.start)
    if len(labels) < 2:  # one name line over one quotation is as likely a byline or a subhead
        return {}, set()
    return labels, under


def _line_before(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) of the last line with words before the line at ``offset``."""
    end = _line_start(text, offset) - 1
    while end > 0 and not text[_line_start(text, end) : end].strip():
        end = _line_start(text, end) - 1
    return (_line_start(text, end), end) if end > 0 else None


def _signature(doc: Any, start: int, end: int, speakers: Speakers, label: bool = False) -> Attribution | None:
    """The speaker a signature names: a name, then its details after a comma ("Maria Lopez, 34,
    Phoenix", "-President Obama, tweeting after the speech"). The name comes first, with at most
    a title or role before it ("Port director Jim Clyburn"), and no verb, preposition or pronoun:
    "Smith disagreed." is not a signature, nor is the byline "By Jane Smith" or the credit "Tom
    Lee via Getty Images". A line with no dash or bracket before it is a signature only when it
    is short and has no verb at all: "Smith, a teacher, said …" opens a paragraph of narrative.
    A ``label`` over a quotation may say more of the speaker ("Angela Ruiz, 41, intensive care
    unit, 16 years at St. Brendan's"): the quotation under it shows what it is. A name the
    tagger misses counts when it is marked as one: after a dash or bracket, or with details
    after it ("Siobhán Griffin, 49, carer")."""
    text = text_of(doc)
    marked = start < len(text) and text[start] in DASHES + "("
    line = doc.char_span(start, end, alignment_mode="contract")
    words = [t for t in line or () if not t.is_space]
    while words and words[0].is_punct:
        words.pop(0)
    comma = next((i for i, t in enumerate(words) if t.text == ","), len(words))
    name_part = words[:comma]
    if not name_part or len(name_part) > MAX_NAME_WORDS:
        return None
    if label and (word_count(text[start:end]) > MAX_LABEL_WORDS or re.search(r"[\"“”«»„]|[.!?]\W*$", text[start:end])):
        return None  # a sentence of narrative, not a name line: "Clinton, though, would have to “…,” Cuban said."
    if not (marked or label) and (word_count(text[start:end]) > MAX_SIGN_OFF_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words)):
        return None
    if any(t.pos_ in NOT_IN_A_NAME and t.ent_type_ not in ("PERSON", "ORG") for t in name_part):
        return None
    name = [t for t in name_part if t.ent_type_ in ("PERSON", "ORG")]
    if not name and (marked or comma < len(words)):
        name = list(takewhile(lambda t: t.pos_ == "PROPN", name_part))
    if not name:
        return None
    while name[-1].i + 2 < len(doc) and joins_words(doc[name[-1].i + 1]):
        name += [doc[name[-1].i + 1], doc[name[-1].i + 2]]  # "Deb Okonkwo-Meyers"
    if any(not t.is_punct and t.i > name[-1].i for t in name_part):
        return None  # the name ends its part: "Trump supporters, chanting …" is not Trump's signature
    before = name_part[: name_part.index(name[0])]
    if not all(t.pos_ in ("PROPN", "NOUN", "ADJ") or _dashed_word(t) for t in before):
        return None  # a title or role may stand before the name, not a year: "(2015). (SVP/Reuters.)"
    while before and (before[-1].pos_ == "PROPN" and not is_title_word(before[-1].text) or _dashed_word(before[-1])):
        name.insert(0, before.pop())  # "-Tom Reed", a first name the tagger left out; not "Rail Minister"
    mention = doc[name[0].i : name[-1].i + 1].text.strip(DASHES + " ")
    return speakers.full_name(strip_titles(mention), start), mention, "signed"


def _dashed_word(token: Any) -> bool:
    """A word the tokenizer left glued to the dash before it: "-Tom" of "-Tom Reed"."""
    return len(token.text) > 1 and token.text[0] in DASHES and token.text[1:].isalpha()


def _sentence_before_about(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """The person the sentence before is about, when a quoted sentence follows it with no
    tag at all: "Viguerie is upbeat about Cruz's chances. “Not only can Ted Cruz win …”" —
    the newsroom way of letting the quotation speak for the subject just introduced, also one
    named beside a role ("The chief constable, Alan Whitford, was furious. “…”"). A role
    brought in after someone's quote in the same paragraph may be whom that speaker talks
    about (""…," Finch says. Her rival, Tom Hale, has spent millions. "…""): not so."""
    before = _previous_sentence(doc, span, quoted)
    if before is None or not _opens_sentence(text_of(doc), span):
        return None
    root = before.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or is_quoted(subject.idx, quoted):
        return None
    if not speakers.is_person(subject):
        return None
    paragraph = _line_start(text_of(doc), before.start_char)
    if subject.pos_ == "NOUN" and any(paragraph <= start < before.start_char for start, _ in quoted):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, root.text


def _previous_sentence(doc: Any, span: QuoteSpan, quoted: QuotedRanges) -> Any:
    """The sentence just before the quotation's, when it may introduce it: in the same
    paragraph, or the paragraph before one that is nothing but the quotation."""
    first = token_at(doc, span.start)
    if first is None:
        return None
    own = [t for t in _sentence_around(first, first, quoted) if not t.is_space]
    if "\n" in text_of(doc)[own[0].idx : span.start] and not _whole_paragraph(text_of(doc), span):
        return None
    last = own[0].i - 1
    while last >= 0 and doc[last].is_space:
        last -= 1
    return _sentence_around(doc[last], doc[last], quoted) if last >= 0 else None


_BYLINE = re.compile(r",?\s+by\s+(?:the\s+)?[A-Z]")


def _is_title(text: str, span: QuoteSpan) -> bool:
    """A short run of capitalised words is a title, a slogan or a name, not a quotation, and so
    is one of any length with a subtitle after a colon ("Backfire: Carly Fiorina's Battle for
    the Soul of HP", a book); so is a headline credited to its writer, as roundups list them
    ("“Met accused of …,” by Post's Kathianne Boniello")."""
    inner = text[span.inner_start : span.inner_end]
    if inner.rstrip().endswith(",") and _BYLINE.match(text, span.end):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", inner)
    small = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "para"}
    short = len(words) <= MAX_TITLE_WORDS or re.search(r"\w: [A-Z]", inner) is not None
    return 0 < len(words) and short and all(w[0].isupper() or w.lower() in small for w in words)


def _exclaimed(doc: Any, span: QuoteSpan, quoted: QuotedRanges, speakers: Speakers) -> bool:
    """A cry or a question in capitals that a speech verb right before it utters ("She declared
    “What a Super Tuesday!”") is words spoken, not a title."""
    return text_of(doc)[span.inner_end - 1] in "!?" and _uttered(doc, span, quoted, speakers) is not None


def _names_a_thing(doc: Any, span: QuoteSpan) -> bool:
    """A short quotation inside a definite noun phrase that began before it ("the “king of
    debt” moniker", "Trump's ''woman's card'' remark") names or mocks a thing: no one is
    quoted as saying it. Not "dismissed the report as “fake news”" or "called it a “starting
    point”", whose phrase is the quote's."""
    if _word_count(text_of(doc), span) >= MIN_UNATTRIBUTED_WORDS:
        return False
    inner = _inner_tokens(doc, span)
    opening = token_at(doc, span.start)
    if inner is None or opening is None or opening.i == 0:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in inner):
        return False
    left = doc[opening.i - 1]
    definite = left.dep_ == "poss" or (left.dep_ == "det" and left.lower_ in ("the", "this", "that", "these", "those"))
    return definite and left.head.i >= inner.start


def _sentence(doc: Any, span: QuoteSpan, quoted: QuotedRanges) -> Any:
    """Tokens of every sentence the quotation touches, cut at full stops the parser ran past."""
    first, last = token_at(doc, span.start), token_at(doc, span.end - 1)
    if first is None or last is None:
        return doc[:]
    return _sentence_around(first, last, quoted)


def _sentence_around(first: Any, last: Any, quoted: QuotedRanges) -> Any:
    """The sentences from ``first`` to ``last``, cut at a full stop outside quotation marks that
    the parser ran past: "…,'' he said of the industry. ''This is a necessity.''" is two
    sentences, and "Mr. Schmidt said" before them introduces neither quote."""
    doc = first.doc
    sentence = doc[first.sent.start : last.sent.end]
    stops = _full_stops(doc, sentence.start_char, sentence.end_char, quoted)
    start = max((t.i + 1 for t in stops if t.i < first.i), default=sentence.start)
    end = min((t.i + 1 for t in stops if t.i >= last.i), default=sentence.end)
    return doc[start:end]


def _full_stops(doc: Any, start: int, end: int, quoted: QuotedRanges) -> list[Any]:
    """The tokens that end a sentence between two offsets, outside quotation marks."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return [t for t in span or () if t.text in (".", "!", "?") and not is_quoted(t.idx, quoted)]


def _opens_sentence(text: str, span: QuoteSpan) -> bool:
    """Whether the quotation starts its paragraph or follows the end of a sentence."""
    before = text[_line_start(text, span.start) : span.start].rstrip()
    return not before or before[-1] in ".!?"


def _whole_paragraph(text: str, span: QuoteSpan) -> bool:
    """Whether the quotation is its paragraph, give or take closing punctuation."""
    after = text[span.end : _line_end(text, span.end)]
    return _heads_its_line(text, span.start) and not re.search(r"\w", after)


def _heads_its_line(text: str, offset: int) -> bool:
    """Whether nothing but blanks stands before ``offset`` on its line."""
    return not text[_line_start(text, offset) : offset].strip()


def _inner_tokens(doc: Any, span: QuoteSpan) -> Any:
    """The tokens inside the quotation marks, or None where there are none."""
    inner = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
    return inner if inner is not None and len(inner) else None


def _word_count(text: str, span: QuoteSpan) -> int:
    return word_count(text[span.inner_start : span.inner_end])


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
