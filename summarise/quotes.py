"""Attributed quotes: direct quotations and reported speech, with their speakers.

Direct quotes come from quotation marks paired by character
(``text.quotation_spans``). Their speaker is, in order: a name heading the colon
that opens the quote ("Rep. Trey Gowdy (R-S.C.): "…""); the subject of a speech verb
outside the quotation in the quote's own sentence ("…," the ambassador said) — an
inverted tag right after it first ("…?" asked Dunn), then the verb whose phrase holds
it, then the nearest — or the person quoted ("TASS quoted X as saying"), or who issued
the document that speaks ("BLM issued a statement saying …"), or no one for a passive
verb that names no one ("Trump was asked, "…?""); the object of "according to"; the subject
of the verb a partial quote hangs on (dismissed the report as "fake news"), or the owner
of the words it is ("Clinton's response was: "…""); the
speaker of a sentence that introduces it with a colon or a dash; or the tag right
after the closing mark, read by position where the parse tied it into the quote. A
quote with none of these continues the previous speaker when nothing else lies
between them (a quote split around "he said", or one running over paragraphs), else
takes the speaker of the sentence just before it, or of a sign-off line under it, or,
for a quoted sentence of its own, the person the sentence before it is about.

Reported speech is what a speech verb outside quotation marks governs ("Ukraine
said Russia had launched …", "urged Congress to act", "announced his resignation")
and the clause an "according to X" or "as X reported" hangs on. A partial quotation
under a third of a reported clause's words is shown as part of that clause (a larger one
stands as a direct quote too), and so is a short one framed
by a verb of judgement or request ("decried the GOP for “turning its back” on …").
``speakers.Speakers`` turns the speaking phrase into a name.
"""

from __future__ import annotations

import re
from typing import Any

from summarise.brief import Quote
from summarise.speakers import Speakers, strip_titles
from summarise.text import QuoteSpan, quotation_spans

# Verbs that introduce speech. A direct quotation may also hang on the verbs of
# DIRECT_ONLY ("dismissed it as '…'", "asked: '…'"), which say nothing by themselves.
SPEECH_VERBS = {
    "say", "tell", "add", "announce", "state", "declare", "explain", "insist", "warn", "claim",
    "argue", "note", "write", "report", "recall", "confirm", "deny", "acknowledge", "admit",
    "reply", "respond", "remark", "comment", "suggest", "stress", "emphasise", "emphasize",
    "tweet", "predict", "concede", "complain", "assert", "maintain", "contend", "observe",
    "conclude", "testify", "promise", "pledge", "vow", "allege", "caution", "reiterate",
    "indicate", "post", "boast", "quip", "counter", "point", "shout", "joke", "scream", "yell",
    "whisper", "exclaim", "mutter", "lament", "proclaim", "continue", "answer", "recommend",
}
DIRECT_ONLY = {"ask", "call", "describe", "dismiss", "label", "brand", "term", "dub", "praise",
               "criticize", "criticise", "accuse", "blame", "question", "wonder", "urge", "demand",
               "read", "chant", "boom", "cry", "snap", "plead", "beg", "thunder", "interject", "retort",
               "marvel", "muse", "gush", "sigh", "laugh", "recount", "agree", "disagree"}
# Verbs of judgement: like DIRECT_ONLY, they report speech only with a quotation attached
# ("decried the GOP for “turning its back” on …").
JUDGEMENT_VERBS = {"applaud", "commend", "condemn", "decry", "denounce", "deride", "lambaste", "mock",
                   "ridicule", "scold", "slam", "blast", "chide", "rebuke", "bemoan", "hail", "tout", "thank"}
# Verbs that give a thing a name: in "called the plan “a disgrace”" the quotation is what was said.
NAMING_VERBS = {"call", "describe", "dismiss", "label", "brand", "term", "dub"}
# Verbs whose object and infinitive are a reported demand ("urged Congress to act").
DEMAND_VERBS = {"urge", "demand", "implore", "press", "push"}
# Verbs whose noun object is what was said ("announced his resignation", "cited the cost").
OBJECT_VERBS = {"announce", "confirm", "deny", "acknowledge", "admit", "predict", "promise", "pledge",
                "claim", "cite", "report", "propose", "demand", "disclose", "reveal"}
# Nouns of what someone said: "her comment that “…”", "Clinton's response was: “…”".
SPEECH_NOUNS = {"comment", "remark", "word", "statement", "response", "reply", "answer", "retort", "promise",
                "pledge", "vow", "warning", "message", "dictum", "motto", "mantra", "slogan", "phrase", "refrain",
                "line", "quip", "advice", "argument", "explanation", "question", "tweet", "reaction", "verdict",
                "claim", "suggestion", "assertion", "accusation", "prediction", "complaint", "insistence", "boast"}
# Things put out in their issuer's own voice, and the verbs that put them out: in "BLM issued
# a statement saying …" BLM speaks. Not "cited a report saying …": citing passes on another's words.
DOCUMENTS = {"statement", "release", "letter", "memo", "message", "email", "note", "ad", "advertisement",
             "commercial", "video", "tweet", "post", "editorial", "op-ed", "piece", "article", "story", "column",
             "resolution"}
ISSUING_VERBS = {"issue", "release", "put", "publish", "air", "run", "send", "write", "pen", "draft", "sign",
                 "post", "pass"}
QUOTING_VERBS = {"quote", "cite"}  # "TASS quoted X as saying": the speaker is X
CUE_VERBS = SPEECH_VERBS | DIRECT_ONLY  # any verb that can tag a direct quotation
# Cues whose subject may follow them as a name ("…,'' recalled Mr. Rhodes; "…?" asked Dunn):
# verbs of saying and asking, not those whose object is someone told, named or judged.
INVERTING_VERBS = (SPEECH_VERBS | {"ask"}) - {"tell"}
# Verbs whose phrase frames a short quotation in the reporter's words (not those that name a thing).
FRAMING_VERBS = (DIRECT_ONLY | JUDGEMENT_VERBS) - NAMING_VERBS
SUBJECTS = ("nsubj", "nsubjpass")
SHARED_SUBJECT_LINKS = ("advcl", "xcomp", "conj", "acl", "pcomp")  # a clause so linked may share its head's subject
# Conjunctions of a clause that sets the scene: "When Trump suggested …, Rubio fired back: "…""
SUBORDINATORS = {"when", "after", "before", "while", "if", "because", "since", "until", "once", "although",
                 "though", "unless", "whenever"}
MIN_QUOTE_WORDS = 3
MIN_REPORTED_WORDS = 2
MIN_UNATTRIBUTED_WORDS = 6
MAX_TITLE_WORDS = 8
MAX_SIGN_OFF_WORDS = 8
WEAK_CUE_PENALTY = 40  # characters: how much nearer "asked" or "called" must be than "said" to win
MAX_HEADLINE_GAP = 3  # words between "Name:" and the quote ("Ben Carson: Hillary Clinton '…'")
MAX_CLAUSE_HOPS = 3  # "saying" → "endorsed" → "appeared": how far a shared subject is sought
MAX_TAG_TOKENS = 14  # how far after a quote its tag ("…," Murphy, the head of …, said) may reach


def extract_quotes(doc: Any) -> list[Quote]:
    """Direct quotations and reported speech of a parsed article, in order of appearance."""
    spans = [s for s in quotation_spans(doc.text) if _word_count(doc.text, s) > 0]
    quoted = [(s.start, s.end) for s in spans]
    speakers = Speakers(doc, quoted)
    reported = _reported_speech(doc, quoted, speakers)
    direct = [q for q in _direct_quotes(doc, spans, quoted, speakers, reported) if not _within(q, reported)]
    return sorted(direct + reported, key=lambda q: q.start)


def _within(quote: Quote, reported: list[Quote]) -> bool:
    """A short partial quotation inside a reported clause ("says Americans are "right to be
    angry," but …"), under a third of the clause's words, is shown as part of that clause,
    not as a quote of its own: alone it would misstate what was said."""
    return any(
        r.start <= quote.start < r.end
        and not re.search(r"\w", quote.text[r.end - quote.start :])
        and 3 * len(re.findall(r"\w+", quote.text)) < len(re.findall(r"\w+", r.text))
        for r in reported
    )


def _word_count(text: str, span: QuoteSpan) -> int:
    return len(re.findall(r"\w+", text[span.inner_start : span.inner_end]))


def _direct_quotes(
    doc: Any, spans: list[QuoteSpan], quoted: list[tuple[int, int]], speakers: Speakers, reported: list[Quote]
) -> list[Quote]:
    """One Quote per quotation; ``reported`` speech before a quote may hand it its speaker."""
    text = doc.text
    quotes: list[Quote] = []
    previous: tuple[int, bool, Quote] | None = None  # (end offset, closed, quote)
    for span in spans:
        start, end = _trim(text, span.inner_start, span.inner_end)
        if end <= start:
            continue
        if _word_count(text, span) < MIN_QUOTE_WORDS:
            found = _tag_beside(doc, span, quoted, speakers) if _opens_sentence(text, span) else None
            if found is not None:  # ""Denver," he answered." — a short reply, tagged
                quotes.append(Quote(text[start:end], start, end, *found, "direct"))
                previous = span.end, span.closed, quotes[-1]
            continue
        for said in reported:
            if said.speaker and (previous is None or previous[0] <= said.end) and said.end <= span.start:
                if previous is None or not _nested(said, previous[2]):
                    previous = said.end, True, said
        found = _attribution(doc, span, quoted, speakers)
        if found is None and previous is not None and _continues(doc, previous[0], previous[1], span):
            found = previous[2].speaker, previous[2].mention, previous[2].cue
        if found is None:
            found = (
                _sentence_before(doc, span, quoted, speakers)
                or _sign_off(doc, span, speakers)
                or _sentence_before_about(doc, span, quoted, speakers)
            )
        speaker, mention, cue = found or (None, None, None)
        unattributed = speaker is None and _word_count(text, span) < MIN_UNATTRIBUTED_WORDS
        if _is_title(text, span) or _names_a_thing(doc, span) or unattributed:
            continue  # "A Serious Man", "Make America Great Again", a scare quote
        quote = Quote(text[start:end], start, end, speaker, mention, cue, "direct")
        quotes.append(quote)
        previous = span.end, span.closed, quote
    return quotes


def _nested(said: Quote, outer: Quote) -> bool:
    """Whether reported speech lies inside an earlier reported clause: in "Carter said that
    critics had been predicting a withdrawal", Carter is still the one speaking."""
    return outer.kind == "reported" and outer.start <= said.start and said.end <= outer.end


def _opens_sentence(text: str, span: QuoteSpan) -> bool:
    """Whether the quotation starts its paragraph or follows the end of a sentence."""
    before = text[text.rfind("\n", 0, span.start) + 1 : span.start].rstrip()
    return not before or before[-1] in ".!?"


_BYLINE = re.compile(r",?\s+by\s+(?:the\s+)?[A-Z]")


def _is_title(text: str, span: QuoteSpan) -> bool:
    """A short run of capitalised words is a title, a slogan or a name, not a quotation; so
    is a headline credited to its writer, as roundups list them ("“Met accused of …,” by
    Post's Kathianne Boniello")."""
    inner = text[span.inner_start : span.inner_end]
    if inner.rstrip().endswith(",") and _BYLINE.match(text, span.end):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", inner)
    small = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "para"}
    return 0 < len(words) <= MAX_TITLE_WORDS and all(w[0].isupper() or w.lower() in small for w in words)


def _names_a_thing(doc: Any, span: QuoteSpan) -> bool:
    """A short quotation inside a definite noun phrase that began before it ("the “king of
    debt” moniker", "Trump's ''woman's card'' remark") names or mocks a thing: no one is
    quoted as saying it. Not "dismissed the report as “fake news”" or "called it a “starting
    point”", whose phrase is the quote's."""
    if _word_count(doc.text, span) >= MIN_UNATTRIBUTED_WORDS:
        return False
    inner = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
    before = doc.char_span(span.start, span.start + 1, alignment_mode="expand")
    if inner is None or before is None or not len(inner) or not len(before) or before.start == 0:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in inner):
        return False
    left = doc[before.start - 1]
    definite = left.dep_ == "poss" or (left.dep_ == "det" and left.lower_ in ("the", "this", "that", "these", "those"))
    return definite and left.head.i >= inner.start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Inner offsets without surrounding blanks or the comma before a closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _inside(offset: int, quoted: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in quoted)


def _attribution(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """(speaker, mention, cue) from the quote's own sentence, else from a colon before it,
    else from the words right after it."""
    sentence = _sentence(doc, span)
    found = _transcript_label(doc, span, speakers)
    if found is None:
        found = _name_colon(doc, span, quoted, speakers)
    if found is None:
        found = _speech_verb(sentence, span, quoted, speakers)
    if found is None:
        found = _according_to(sentence, quoted, speakers)
    if found is None:
        found = _governing_verb(doc, span, quoted, speakers)
    if found is None:
        found = _colon_intro(doc, sentence, span, quoted, speakers)
    if found is None:
        found = _tag_beside(doc, span, quoted, speakers)
    return found


_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")


def _transcript_label(doc: Any, span: QuoteSpan, speakers: Speakers) -> tuple[str, str, str] | None:
    """A transcript quoted line names its speaker in capitals: "“PENCE: Well, look…”" → the
    Pence named earlier ("Mike Pence"). A label that names nobody earlier ("VIDEO:") is not one."""
    label = _TRANSCRIPT_LABEL.match(doc.text, span.inner_start, span.inner_end)
    if label is None:
        return None
    name = label.group(1).title()
    speaker = speakers.full_name(name, span.start)
    return (speaker, label.group(1), ":") if speaker != name else None


def _name_colon(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """A name heading the colon that opens the quote: "Bill Clinton: Hillary '…'" in a
    headline, "Rep. Trey Gowdy (R-S.C.): "…"" in a transcript, "Pollsters agree - Carl
    Bialik: "…"" in a roundup. Not "Reyes wrote on Twitter:", where a verb speaks."""
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    at = doc.text.rfind(":", line_start, span.start)
    if at < 0 or len(re.findall(r"\w+", doc.text[at : span.start])) > MAX_HEADLINE_GAP:
        return None
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None or len(colon) != 1:
        return None
    phrase = []
    roundup = False  # the heading follows a spaced dash: a roundup's "Topic - Source:"
    for token in reversed(doc[colon[0].sent.start : colon.start]):
        if _inside(token.idx, quoted):
            break
        if token.text[0] in "-–—―" and (token.whitespace_ or token.i > 0 and doc[token.i - 1].whitespace_):
            roundup = True  # "Pollsters agree - Carl Bialik:", "… all along -More from Jones:", not "(R-S.C.)"
            break
        phrase.insert(0, token)
    if not phrase or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    heading = doc[phrase[0].i : phrase[-1].i + 1]
    names = [e for e in heading.ents if e.label_ in ("PERSON", "ORG") and not _setting(e, heading)]
    if names:
        speaker, mention = speakers.resolve_span(names[-1])
    elif roundup:  # a source the tagger did not name: "- Philip Bump:", "- More from the report:"
        source = next((c for t in heading if t.lower_ == "from" for c in t.children if c.dep_ == "pobj"), None)
        speaker, mention = speakers.resolve(source) if source is not None else speakers.resolve_span(heading)
    else:
        return None
    return speaker, mention, ":"


def _setting(name: Any, heading: Any) -> bool:
    """Whether a name in a heading says where or to whom, not who: "Later that month on CNN:",
    "…, with Clinton:". "More from Jones:" and "A statement by the DNC:" do say who."""
    preposition = name.root.head
    return name.root.dep_ == "pobj" and preposition.i >= heading.start and preposition.lower_ not in ("from", "by")


def _tag_beside(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """The tag right after the closing mark, read by position where the parse went wrong:
    ""…?" the 43-year-old asked" (split into its own sentence, or tied into the quote),
    ""…," said Mr. Rhodes"."""
    line_end = doc.text.find("\n", span.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    after = doc.char_span(span.end, line_end, alignment_mode="contract")
    if after is None:
        return None
    tokens = []
    for token in after[:MAX_TAG_TOKENS]:
        if _inside(token.idx, quoted):
            break
        if tokens or not token.is_punct:
            tokens.append(token)
    if not tokens:
        return None
    # A quotation that ends in a comma, "?" or "!" runs on into its tag, whatever the verb:
    # ""…?" Hannity pressed", ""…," Trump went on", ""…," reacted Trump".
    runs_on = doc.text[span.inner_end - 1] in ",?!"
    if _is_cue(tokens[0]) or (runs_on and tokens[0].pos_ == "VERB"):  # "…," said Mr. Rhodes
        phrase = []
        for token in tokens[1:]:
            if token.is_punct or token.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ"):
                break
            phrase.append(token)
        verb = tokens[0]
    else:  # "…," the ambassador, Kazem Jalali, said
        verb = next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)
        misread = _cue_tagged_as_noun(tokens) if runs_on else None
        if misread is not None and (verb is None or misread.i < verb.i):
            verb = misread
        if verb is None or not (_is_cue(verb) or verb.pos_ not in ("VERB", "AUX") or (runs_on and verb.pos_ == "VERB")):
            return None
        phrase = [t for t in tokens[: tokens.index(verb)] if t.pos_ != "ADV"]
        while phrase and phrase[-1].is_punct:
            phrase.pop()
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON", "NUM") or speakers.is_person(t) for t in phrase) and verb.pos_ in ("VERB", "AUX"):
        return None  # a verb read as a noun ("the editorial read") leaves its phrase's tags wrong too
    if verb.pos_ == "VERB" and not _is_cue(verb) and not any(speakers.is_person(t) for t in phrase):
        return None  # any verb will do only for a person: ""…," came shouts from the crowd" is no tag
    if verb.i > tokens[0].i and any(_runs_on(verb, c) and not _inside(c.idx, quoted) for c in verb.children):
        return None  # "…" Rubio said Trump is wrong: a new statement, not this quote's tag
    speaker, mention = speakers.resolve_span(doc[phrase[0].i : phrase[-1].i + 1])
    return speaker, mention, verb.text


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


def _is_cue(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in CUE_VERBS or _puts_it(token))


def _puts_it(token: Any) -> bool:
    """"As Akhil Amar put it, "…"": "put it" introduces a quotation."""
    return token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)


def _sentence(doc: Any, span: QuoteSpan) -> Any:
    """Tokens of every sentence the quotation touches."""
    first = doc.char_span(span.start, span.start + 1, alignment_mode="expand")
    last = doc.char_span(span.end - 1, span.end, alignment_mode="expand")
    if first is None or last is None or not len(first) or not len(last):
        return doc[:]
    return doc[first.sent.start : last.sent.end]


def _speech_verb(sentence: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """The speech verb right after a quotation that runs on into it (its tag read by
    position where the parse lost its subject: "…,'' said Robin Maynard, half joking"),
    else the one whose phrase holds the quote, else the one nearest to it, and its subject.
    A verb of a relative or adverbial clause speaks only for a quote inside that clause: in
    "…," echoing critics who complained about it, "complained" is no cue, and in "After
    Brown criticized Clinton, Hillary shot back, "…"", "criticized" is none."""
    doc = sentence.doc
    inverted = _inverted_cue(doc, span)
    if inverted is not None and _is_cue(doc[inverted]) and _speaker_of(doc[inverted], quoted, speakers) is None:
        found = _tag_beside(doc, span, quoted, speakers)
        if found is not None:
            return found
    candidates = []
    for token in sentence:
        if _inside(token.idx, quoted) or not (token.lemma_.lower() in CUE_VERBS or token.lemma_.lower() in QUOTING_VERBS or _puts_it(token)):
            continue
        if token.pos_ not in ("VERB", "AUX") or _aspectual(token):
            continue
        governs = _governs(token, span)
        if (token.dep_ == "relcl" or _sets_scene(token, span)) and not governs:
            continue
        found = _speaker_of(token, quoted, speakers)
        if found is not None:
            distance = min(abs(token.idx - span.start), abs(token.idx - span.end))
            if token.lemma_.lower() in DIRECT_ONLY:
                distance += WEAK_CUE_PENALTY  # "asked about …, had said, "…"": said is the cue
            candidates.append((token.i != inverted, not governs, distance, found))
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None


def _aspectual(verb: Any) -> bool:
    """"continues to battle", "will continue to be “…”": "continue" with a verb of its own
    says nothing, unlike "he continued, “…”"."""
    return verb.lemma_.lower() == "continue" and any(c.dep_ == "xcomp" for c in verb.children)


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


def _inverted_cue(doc: Any, span: QuoteSpan) -> int | None:
    """The token index of the word right after a quotation that runs on into it, which is
    the quote's cue when it is a speech verb ("…?" asked Dunn, now a partner at …), whatever
    other speech verb the sentence holds ("…, as Moscow denies — "…?" asked Dunn")."""
    if doc.text[span.inner_end - 1] not in ",?!":
        return None
    after = doc.char_span(span.end, min(len(doc.text), span.end + 40), alignment_mode="contract")
    words = [t for t in after if not t.is_punct and not t.is_space] if after is not None else []
    return words[0].i if words and words[0].tag_ != "VBG" else None  # "…," adding: no inversion


def _governs(verb: Any, span: QuoteSpan) -> bool:
    """Whether the quotation lies inside the verb's phrase, or opens right after the verb or
    its phrase and a comma or a dash ("a message that said, "Sorry, …"", "Sykes, who lamented
    in an interview with Oliver Darcy, "…"", however the parser attached it) — a phrase with
    no quotation of its own ("the crowd chanted "Build the wall!" - "…"")."""
    text = verb.doc.text
    if verb.idx < span.start and not re.search(r"\w", text[verb.idx + len(verb.text) : span.start]):
        return True
    edge = verb.right_edge
    if verb.idx <= edge.idx < span.start and not re.search(r"\w", text[edge.idx + len(edge.text) : span.start]):
        if re.search(r"[,—–-]", text[edge.idx : span.start]) and not re.search(r"[“”\"]|''", text[verb.idx : span.start]):
            return True
    return verb.left_edge.idx <= span.inner_start and span.inner_end <= verb.right_edge.idx + len(verb.right_edge.text) + 1


def _speaker_of(verb: Any, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str | None, str | None, str] | None:
    """(speaker, mention, cue) for a speech verb: its subject, or the person quoted; no
    speaker for a passive one that names none ("was asked, “…?”")."""
    quoting = verb if verb.lemma_.lower() in QUOTING_VERBS else _quoting_head(verb)
    if quoting is not None:
        quoted_person = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        if quoted_person is not None and not _inside(quoted_person.idx, quoted):
            speaker, mention = speakers.resolve(quoted_person)
            return speaker, mention, f"{quoting.text} … as saying"
    subject = _subject(verb, speakers)
    if quoting is None and subject is not None and subject.head.i == verb.i and _passive_cue(verb):
        subject = _agent(verb)  # "Trump was asked, “…?”": Trump is who was asked, not who spoke
        if subject is None:
            return None, None, verb.text
    if subject is None or _inside(subject.idx, quoted):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, verb.text


def _passive_cue(verb: Any) -> bool:
    """A speech verb in the passive ("was asked", "had been told", "is described as"), whose
    subject is who was spoken to or of. Not "he's said", the parser's passive for "he has said",
    nor "is shown lecturing", where the one shown speaks, nor "is said to have called them
    “free riders”", where the subject did the speaking."""
    if not _is_cue(verb) or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    if verb.lemma_.lower() in ("say", "report") and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children)


def _agent(verb: Any) -> Any:
    """The "by" phrase of a passive verb: "was asked by host Bill Maher" → Maher."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _quoting_head(verb: Any) -> Any:
    """"quoted X as saying": the quoting verb above "saying", if any."""
    head = verb.head
    if verb.lower_ == "saying" and head.lower_ == "as" and head.head.lemma_.lower() in QUOTING_VERBS:
        return head.head
    return None


def _subject(verb: Any, speakers: Speakers) -> Any:
    """The verb's subject, or a name the parser misread as something else
    (``_misread_subject``), or the subject of the clause a participle or a coordinated
    verb hangs on ("…, saying", "appeared and endorsed Clinton, saying") or of the clause
    reporting that one. Where the parse gives a verb two subjects, the one nearest it
    speaks: "Speaking in Salem, New Hampshire, Trump went after Bush" is Trump's sentence.
    A document speaks for its issuer (``_issuer``), whether the cue is a participle on it
    ("issued a statement saying"), its relative clause ("a video that said") or its verb."""
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        misread = _misread_subject(verb, speakers)
        if misread is not None:
            return misread
    token = verb
    for _ in range(MAX_CLAUSE_HOPS):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - token.i))
            relative = token.dep_ in ("relcl", "acl") and subject.lower_ in ("that", "which")
            return _issuer(token.head if relative else subject, speakers) or subject
        if token.dep_ not in SHARED_SUBJECT_LINKS or token.head.i == token.i:
            return None
        issuer = _issuer(token.head, speakers) if token.dep_ == "acl" else None
        if issuer is not None:
            return issuer  # "issued a statement saying …"
        token = token.head
        if verb.lemma_.lower() in CUE_VERBS:
            token = _reporting_clause(token)
    return None


def _issuer(document: Any, speakers: Speakers) -> Any:
    """Who put out a document that speaks: "BLM issued a statement saying …", "Trump released
    a video that said …", "an email sent out by Sanders warned …" — the words are theirs. None
    for other nouns, and for a document that names its author ("a letter from his doctor")."""
    if document.pos_ != "NOUN" or document.lemma_.lower() not in DOCUMENTS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in document.children):
        return None
    if document.dep_ == "dobj" and document.head.lemma_.lower() in ISSUING_VERBS:
        return _subject(document.head, speakers)
    for issued in document.children:
        if issued.dep_ == "acl" and issued.lemma_.lower() in ISSUING_VERBS:
            return _agent(issued)
    return None


def _reporting_clause(clause: Any) -> Any:
    """The speech verb before a clause that reports what it said ("Trump told Newsmax that
    Romney had …"), else the clause: a speech participle on a reported clause ("…, adding")
    speaks for the reporter. Not where the clause's own verb speaks ("Comey cannot say that
    …, Lewandowski added")."""
    head = clause.head
    if clause.dep_ == "ccomp" and head.i < clause.i and head.lemma_.lower() in SPEECH_VERBS and not _is_cue(clause):
        return head
    return clause


def _misread_subject(verb: Any, speakers: Speakers) -> Any:
    """The name that speaks for a subjectless cue, which the parser read as its object
    ("…,'' recalled Mr. Rhodes"), as an adverb or a modal right before it ("Early described
    it as …", "Will wrote"), as the object of "as" ("As Akhil Amar … put it"), or as the
    noun a fronted cue modifies ("Continued Stone: “…”"), or, for a finite verb of saying that
    shares no subject, anywhere before it in its sentence ("Col. Steven H. Warren, a military
    spokesman in Baghdad, said", where Warren was read as an apposition of the date before him)."""
    if not _is_cue(verb):
        return None
    before = verb.nbor(-1) if verb.i > 0 else None
    if before is not None and before.head.i == verb.i and before.dep_ in ("advmod", "aux") and speakers.is_person(before):
        return before
    if verb.dep_ == "amod" and verb.i == verb.sent.start and verb.head.pos_ == "PROPN" and verb.head.i == verb.i + 1:
        return verb.head
    as_ = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    named = next((c for c in as_.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if as_ is not None else None
    if named is not None:
        return named
    if verb.lemma_.lower() not in INVERTING_VERBS or verb.tag_ in ("VB", "VBG"):
        return None  # "telling Reuters", "to call Cruz “…”": the one spoken to or of
    inverted = next((c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ == "PROPN"), None)
    if inverted is not None or verb.dep_ in SHARED_SUBJECT_LINKS:
        return inverted
    return speakers.named_before(verb)


def _according_to(sentence: Any, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj" and not _inside(c.idx, quoted)]
            if objects:
                speaker, mention = speakers.resolve(objects[0])
                return speaker, mention, "according to"
    return None


def _governing_verb(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """A partial quote: the subject of the verb it hangs on ("dismissed the report as "fake news"").
    A clause that is the complement of a verb with a subject of its own is that subject's
    statement or thought: in "Ryan worried that the safety net was becoming "a hammock"",
    Ryan speaks, not the net. A phrase that holds the quote ("a group dressed in “…” T-shirts
    marched") does not speak it, and a clause coordinated with the one above it ("can drive
    out bad, but only when “the truth is …”") is a statement of its own."""
    inner = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    token = inner.root
    while token.head.i != token.i:
        child, token = token, token.head
        if child.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in child.children):
            return None
        if _inside(token.idx, quoted):
            continue
        owner = _speech_owner(token)
        if owner is not None and not _inside(owner.idx, quoted):
            speaker, mention = speakers.resolve(owner)
            return speaker, mention, token.text
        subject = _hanging_subject(token, quoted, speakers)
        if subject is None or subject.i == child.i or (token.dep_ == "ccomp" and _hanging_subject(token.head, quoted, speakers) is not None):
            continue
        speaker, mention = speakers.resolve(subject)
        return speaker, mention, token.text
    return None


def _hanging_subject(verb: Any, quoted: list[tuple[int, int]], speakers: Speakers) -> Any:
    """The subject of a verb a partial quote hangs on, if it can be the quote's speaker: not
    a dummy ("it", "there") and not what a passive verb is done to ("battery is committed
    when a person "…"")."""
    if verb.pos_ != "VERB":
        return None
    subject = _subject(verb, speakers)
    if subject is None or _inside(subject.idx, quoted) or subject.lower_ in ("it", "this", "that", "there"):
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


def _colon_intro(doc: Any, sentence: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """"Trump tweeted:" (or a dash) then the quote, in the same sentence or just before it."""
    before = doc.text[sentence.start_char : span.start].rstrip()
    intro = sentence
    if not before:
        if sentence.start == 0:
            return None
        intro = doc[sentence.start - 1].sent
        before = intro.text.rstrip()
    if not before.endswith((":", "--", "—", "–")):  # "…techniques -- "I think …""
        return None
    verbs = [t for t in intro if t.idx < span.start and t.pos_ == "VERB" and not _inside(t.idx, quoted)]
    verbs = [t for t in verbs if not _sets_scene(t, span)]  # "When Trump suggested …, Rubio fired back:"
    # A speech verb first, else the main clause's last verb ("leaned in and boomed:"), not one of a
    # clause that only sets the scene ("after 14 people were killed", "apologized for what happened").
    verbs.sort(key=lambda t: (t.lemma_.lower() in CUE_VERBS, not any(c.dep_ == "mark" for c in t.children), -_depth(t), t.i))
    for token in reversed(verbs):
        found = _speaker_of(token, quoted, speakers)
        if found is not None:
            return found
    head = intro.root
    if head.pos_ in ("PROPN", "NOUN") and not _inside(head.idx, quoted):  # "Clinton: "…""
        speaker, mention = speakers.resolve(head)
        return speaker, mention, ":"
    return None


def _depth(token: Any) -> int:
    """How many heads lie between a token and its sentence's root."""
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _sentence_before(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """A quote with no cue of its own, right after a sentence in which someone speaks:
    "Trump is a "change agent," Cole said. "That's exactly what people want." The speech
    verb of a relative clause, or of a clause inside one, describes someone ("a call-in show
    during which callers asked …", "the emails, which included staff suggesting someone should
    question …"): it does not hand on the floor. Issuing words hands it on as speaking does:
    "The DNC issued a statement apologizing to Sanders. "On behalf of …""
    """
    before = _previous_sentence(doc, span)
    if before is None:
        return None
    for token in reversed(before):
        if _inside(token.idx, quoted) or any(t.dep_ in ("relcl", "acl") for t in (token, *token.ancestors)):
            continue
        if _is_cue(token) or _issues_words(token):
            found = _answer(token, quoted, speakers) or _speaker_of(token, quoted, speakers)
            if found is not None:
                return found
    return None


def _answer(verb: Any, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """The one asked, for the quote after "Sanders was asked about the lawsuit.": the answer."""
    if verb.lemma_.lower() != "ask" or not _passive_cue(verb):
        return None
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    if _inside(subject.idx, quoted):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, verb.text


def _issues_words(verb: Any) -> bool:
    """"issued a statement", "sent a letter": the verb puts out words that may follow it."""
    return verb.lemma_.lower() in ISSUING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in verb.children)


def _sentence_before_about(doc: Any, span: QuoteSpan, quoted: list[tuple[int, int]], speakers: Speakers) -> tuple[str, str, str] | None:
    """The person the sentence before is about, when a quoted sentence follows it with no
    tag at all: "Viguerie is upbeat about Cruz's chances. “Not only can Ted Cruz win …”" —
    the newsroom way of letting the quotation speak for the subject just introduced."""
    before = _previous_sentence(doc, span)
    if before is None or not _opens_sentence(doc.text, span):
        return None
    root = before.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or _inside(subject.idx, quoted):
        return None
    if not speakers.is_person(subject):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, root.text


def _previous_sentence(doc: Any, span: QuoteSpan) -> Any:
    """The sentence just before the quotation's, when it may introduce it: in the same
    paragraph, or the paragraph before one that is nothing but the quotation."""
    first = doc.char_span(span.start, span.start + 1, alignment_mode="expand")
    if first is None or not len(first) or first.sent.start == 0:
        return None
    before = doc[first.sent.start - 1].sent
    if "\n" in doc.text[before.end_char : span.start] and not _whole_paragraph(doc.text, span):
        return None
    return before


def _sign_off(doc: Any, span: QuoteSpan, speakers: Speakers) -> tuple[str, str, str] | None:
    """A quote block signed on the line under it: ""The reality is …¶S.C. Rep. Jim Clyburn."", or
    with a dash before a name the tagger may miss: ""…"¶- Sanders."."""
    text = doc.text
    line_start = text.find("\n", span.end)
    if line_start < 0 or text[span.end : line_start].strip(" \t.\"”'’"):
        return None
    while line_start < len(text) and text[line_start].isspace():
        line_start += 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    if len(re.findall(r"\w+", text[line_start:line_end])) > MAX_SIGN_OFF_WORDS:
        return None
    line = doc.char_span(line_start, line_end, alignment_mode="contract")
    names = [e for e in line.ents if e.label_ in ("PERSON", "ORG")] if line is not None else []
    if line is None or _word_count(text, span) < MIN_UNATTRIBUTED_WORDS:
        return None
    if names:
        speaker, mention = speakers.resolve_span(names[0])
        return speaker, mention, "signed"
    name = []  # "- Sanders.", "-Michelle Marks, Philadelphia.": the proper name after the dash
    for token in line if text[line_start] in "-–—―" else []:
        if token.pos_ != "PROPN" and not (token.i == line.start and token.is_punct):
            break
        name.append(token)
    mention = doc[name[0].i : name[-1].i + 1].text.lstrip("-–—― ") if name else ""
    if not mention:
        return None
    return speakers.full_name(strip_titles(mention), line_start), mention, "signed"


def _continues(doc: Any, previous_end: int, closed: bool, span: QuoteSpan) -> bool:
    """A quote with no cue of its own continues the previous speaker when only the
    rest of that quote's sentence ("…," he said.) lies between them, when the
    previous quote ran to the end of its paragraph without a closing mark, or when it
    is a paragraph of its own after the previous speaker's paragraph."""
    between = doc.text[previous_end:span.start]
    if not closed:
        return not between.strip()
    said_to = previous_end + len(between.rstrip())
    last = doc.char_span(previous_end - 1, previous_end, alignment_mode="expand")
    if last is None or not len(last) or last.sent.end_char < said_to:
        return False
    return "\n" not in between or _whole_paragraph(doc.text, span)


def _whole_paragraph(text: str, span: QuoteSpan) -> bool:
    """Whether the quotation is its paragraph, give or take closing punctuation."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    after = text[span.end : len(text) if line_end < 0 else line_end]
    return not text[line_start : span.start].strip() and not re.search(r"\w", after)


def _reported_speech(doc: Any, quoted: list[tuple[int, int]], speakers: Speakers) -> list[Quote]:
    """What a speech verb outside quotation marks governs, with the verb's subject."""
    text = doc.text
    found: list[Quote] = []
    for token in doc:
        if _inside(token.idx, quoted) or token.pos_ not in ("VERB", "AUX") or _aspectual(token):
            continue
        content = _reported_content(token) or _framed_quotation(token, quoted)
        if content is None:
            continue
        attribution = _speaker_of(token, quoted, speakers)
        if attribution is None:
            continue
        start, end = content
        if len(re.findall(r"\w+", text[start:end])) < MIN_REPORTED_WORDS or _mostly_quoted(start, end, quoted):
            continue
        if end <= token.idx and _inside(end - 1, quoted):
            continue  # "''I hope so,'' Mrs. Clinton said": the clause is the quotation's, not reported
        speaker, mention, cue = attribution
        found.append(Quote(text[start:end], start, end, speaker, mention, cue, "reported"))
    return found + _according_to_reported(doc, quoted, speakers)


def _reported_content(verb: Any) -> tuple[int, int] | None:
    """Offsets of what a speech verb reports: the clause it governs ("said Russia had
    launched …"), the demand of "urged X to …" / "called on X to …" / "called for …",
    or the thing announced, denied or cited ("announced his resignation")."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma in SPEECH_VERBS:
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if clause is not None:
            return _clause_offsets(clause)
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
            return _rest_of_clause(verb.head, verb)  # "As Politico reported, the leaners …"
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


def _framed_quotation(verb: Any, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
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
        while run and (run[-1].is_punct or run[-1].is_space):
            run.pop()
        while run and (run[0].is_punct or run[0].is_space):
            run.pop(0)
        if not run:  # punctuation alone
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        if _framing(verb.doc.text, start, end, quoted):
            return start, end
    return None


def _framing(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether the reporter's own words make up most of a phrase that holds a quotation:
    the quoted words are under a third of its words."""
    words = [m.start() for m in re.finditer(r"\w+", text[start:end])]
    inside = sum(_inside(start + w, quoted) for w in words)
    return 0 < inside and 3 * inside < len(words)


def _according_to_reported(doc: Any, quoted: list[tuple[int, int]], speakers: Speakers) -> list[Quote]:
    """"Trump will likely win, according to Politico": the rest of the clause, by Politico."""
    found = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or _inside(token.idx, quoted):
            continue
        source = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
        if source is None or token.head.i == token.i:
            continue
        start, end = _rest_of_clause(token.head, token)
        if end - start < 2 or _mostly_quoted(start, end, quoted) or len(re.findall(r"\w+", doc.text[start:end])) < MIN_REPORTED_WORDS:
            continue
        speaker, mention = speakers.resolve(source)
        found.append(Quote(doc.text[start:end], start, end, speaker, mention, "according to", "reported"))
    return found


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
    while len(run) > 1 and (run[-1].is_punct or run[-1].is_space):
        run.pop()
    while len(run) > 1 and (run[0].is_punct or run[0].is_space or run[0].dep_ == "cc"):
        run.pop(0)
    return run[0].idx, run[-1].idx + len(run[-1].text)


def _clause_offsets(clause: Any) -> tuple[int, int]:
    """Character range of a clause, without punctuation at either end."""
    tokens = list(clause.subtree)
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _mostly_quoted(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    return inside * 2 > end - start
