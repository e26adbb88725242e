"""Speech cues: the words that introduce speech, and who speaks through them.

Direct quotes (``quotes``) and reported speech (``reported``) both start from a cue verb
("said", "asked", "urged") and need the same answer to "whose words are these?": the verb's
subject, found through participles, coordinated verbs and misparsed names; the person
quoted ("TASS quoted X as saying"); the issuer of a document that speaks ("BLM issued a
statement saying"); or no one, for a passive cue that names no speaker ("was asked").
Keeping the vocabularies and that search here gives both one definition of a cue.
"""

from __future__ import annotations

from typing import Any

from summarise.speakers import SUBJECTS, Speakers
from summarise.text import QuotedRanges, is_quoted

# (speaker, mention, cue) of a quote: who speaks, how the article refers to them there, the cue word
Attribution = tuple[str | None, str | None, str]

# Verbs that introduce speech, with or without a quotation ("said Russia had launched …").
SPEECH_VERBS = {
    "say", "tell", "add", "announce", "state", "declare", "explain", "insist", "warn", "claim",
    "argue", "note", "write", "report", "recall", "confirm", "deny", "acknowledge", "admit",
    "reply", "respond", "remark", "comment", "suggest", "stress", "emphasise", "emphasize",
    "tweet", "predict", "concede", "complain", "assert", "maintain", "contend", "observe",
    "conclude", "testify", "promise", "pledge", "vow", "allege", "caution", "reiterate",
    "indicate", "post", "boast", "quip", "counter", "point", "shout", "joke", "scream", "yell",
    "whisper", "exclaim", "mutter", "lament", "proclaim", "continue", "answer", "recommend", "opine",
    "remind", "assure", "inform", "notify", "estimate", "disclose", "reveal", "speculate", "repeat",
}
# Verbs that give a thing a name: in "called the plan “a disgrace”" the quotation is what was said.
NAMING_VERBS = {"call", "describe", "dismiss", "label", "brand", "term", "dub"}
# Verbs that tag a direct quotation ("asked: '…'", "dismissed it as '…'") but report nothing
# without one.
DIRECT_ONLY = NAMING_VERBS | {
    "ask", "praise", "criticize", "criticise", "accuse", "blame", "question", "wonder", "urge", "demand",
    "read", "chant", "boom", "cry", "snap", "plead", "beg", "thunder", "interject", "retort",
    "marvel", "muse", "gush", "sigh", "laugh", "recount", "agree", "disagree",
}
# Verbs of judgement: like DIRECT_ONLY, they report speech only with a quotation attached
# ("decried the GOP for “turning its back” on …"), and are no cue of a direct quotation.
JUDGEMENT_VERBS = {"applaud", "commend", "condemn", "decry", "denounce", "deride", "lambaste", "mock",
                   "ridicule", "scold", "slam", "blast", "chide", "rebuke", "bemoan", "hail", "tout", "thank"}
CUE_VERBS = SPEECH_VERBS | DIRECT_ONLY  # any verb that can tag a direct quotation
# Cues whose subject may follow them as a name ("…,'' recalled Mr. Rhodes; "…?" asked Dunn):
# verbs of saying and asking, not those whose object is someone told, named or judged.
INVERTING_VERBS = (SPEECH_VERBS | {"ask"}) - {"tell"}
# Verbs whose phrase frames a short quotation in the reporter's words (not those that name a thing).
FRAMING_VERBS = (DIRECT_ONLY | JUDGEMENT_VERBS) - NAMING_VERBS
# Verbs whose object and infinitive are a reported demand ("urged Congress to act").
DEMAND_VERBS = {"urge", "demand", "implore", "press", "push"}
# Verbs whose noun object is what was said ("announced his resignation", "cited the cost").
OBJECT_VERBS = {"announce", "confirm", "deny", "acknowledge", "admit", "predict", "promise", "pledge",
                "claim", "cite", "report", "propose", "demand", "disclose", "reveal"}
QUOTING_VERBS = {"quote", "cite"}  # "TASS quoted X as saying": the speaker is X
# Nouns of what someone said, whose owner speaks: "her comment that “…”", "Clinton's response
# was: “…”". A statement, message or tweet is also a DOCUMENT: owned, it is someone's words;
# issued, its issuer speaks through it.
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
# Verbs by which someone puts out figures or findings that speak for them: "a poll conducted by X".
# Not "obtained by X": who obtains a document did not write it.
MAKING_VERBS = ISSUING_VERBS | {"compile", "conduct", "produce", "prepare", "commission"}
# Conjunctions of a clause that sets the scene: "When Trump suggested …, Rubio fired back: "…""
SUBORDINATORS = {"when", "after", "before", "while", "if", "because", "since", "until", "once", "although",
                 "though", "unless", "whenever"}
SHARED_SUBJECT_LINKS = ("advcl", "xcomp", "conj", "acl", "pcomp")  # a clause so linked may share its head's subject
MAX_CLAUSE_HOPS = 3  # "saying" → "endorsed" → "appeared": how far a shared subject is sought


def is_cue(token: Any) -> bool:
    """Whether the token is a verb that can introduce a direct quotation."""
    return token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in CUE_VERBS or puts_it(token))


def puts_it(token: Any) -> bool:
    """"As Akhil Amar put it, "…"": "put it" introduces a quotation."""
    return token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)


def is_aspectual(verb: Any) -> bool:
    """"continues to battle", "will continue to be “…”": "continue" with a verb of its own
    says nothing, unlike "he continued, “…”"."""
    return verb.lemma_.lower() == "continue" and any(c.dep_ == "xcomp" for c in verb.children)


def speaker_of(verb: Any, quoted: QuotedRanges, speakers: Speakers) -> Attribution | None:
    """(speaker, mention, cue) for a speech verb: its subject, or the person quoted; no
    speaker for a passive one that names none ("was asked, “…?”"); None for a quoting verb
    that names no one quoted."""
    # One quotes a person ("quoted Leonardo da Vinci: “…”") but cites a reason or a source
    # ("cited the exclusion of the Rohingyas as “…”"): the one citing speaks, unless "as saying".
    quoting = verb if verb.lemma_.lower() == "quote" else _quoting_head(verb)
    if quoting is not None:
        quoted_person = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        if quoted_person is not None and not is_quoted(quoted_person.idx, quoted):
            speaker, mention = speakers.resolve(quoted_person)
            cue = quoting.text if quoting is verb else f"{quoting.text} … {'as ' if verb.head.lower_ == 'as' else ''}{verb.text}"
            return speaker, mention, cue
        if quoting is verb and quoted_person is None:
            return None  # "Trump said, and I quote, “…”": one passing words on, not their speaker
    subject = subject_of(verb, speakers)
    if quoting is None and subject is not None and subject.head.i == verb.i and is_passive_cue(verb):
        subject = agent_of(verb)  # "Trump was asked, “…?”": Trump is who was asked, not who spoke
        if subject is None:
            return None, None, verb.text
    if subject is None or is_quoted(subject.idx, quoted):
        return None
    speaker, mention = speakers.resolve(subject)
    return speaker, mention, verb.text


def _quoting_head(verb: Any) -> Any:
    """"quoted X as saying", "cited a report saying": the quoting verb above "saying", if any."""
    head = verb.head
    quoted_as = head.lower_ == "as" or (verb.dep_ == "acl" and head.dep_ == "dobj")
    if verb.lower_ == "saying" and quoted_as and head.head.lemma_.lower() in QUOTING_VERBS:
        return head.head
    return None


def is_passive_cue(verb: Any) -> bool:
    """A speech verb in the passive ("was asked", "had been told", "is described as"), whose
    subject is who was spoken to or of. Not "he's said", the parser's passive for "he has said",
    nor "is shown lecturing", where the one shown speaks, nor "is said to have called them
    “free riders”", where the subject did the speaking."""
    if not is_cue(verb) or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    if verb.lemma_.lower() in ("say", "report") and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children)


def agent_of(verb: Any) -> Any:
    """The "by" phrase of a passive verb: "was asked by host Bill Maher" → Maher."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def subject_of(verb: Any, speakers: Speakers) -> Any:
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
        if token.pos_ == "ADP" and token.dep_ == "prep" and token.head.dep_ != "relcl":
            token = token.head  # "punctuated his list by saying", "defended it by citing a poll"
        if verb.lemma_.lower() in CUE_VERBS:
            token = _reporting_clause(token)
    return None


def _misread_subject(verb: Any, speakers: Speakers) -> Any:
    """The name that speaks for a subjectless cue, which the parser read as its object right
    after it ("…,'' recalled Mr. Rhodes", not "joked, “Bernie or Bust …”", a quotation's word),
    as the noun a past-tense cue right after it modifies ("Tomas Reyes posted on X:"),
    as an adverb, a modal or a compound right before it ("Early described it as …", "Will
    wrote", "Beck joked"), as the object of "as" ("As Akhil Amar … put it"), or as the
    noun a fronted cue modifies ("Continued Stone: “…”"), or, for a finite verb of saying that
    shares no subject, anywhere before it in its sentence ("Col. Steven H. Warren, a military
    spokesman in Baghdad, said", where Warren was read as an apposition of the date before him)."""
    if not is_cue(verb):
        return None
    before = verb.nbor(-1) if verb.i > 0 else None
    if before is not None and before.head.i == verb.i and before.dep_ in ("advmod", "aux", "compound") and speakers.is_person(before):
        return before
    if verb.dep_ == "amod" and verb.i == verb.sent.start and verb.head.pos_ == "PROPN" and verb.head.i == verb.i + 1:
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.i == verb.i - 1 and verb.head.pos_ == "PROPN":
        return verb.head  # "Minority Whip Tomas Reyes posted on X:", read as "Reyes (who was) posted"
    as_ = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    named = next((c for c in as_.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if as_ is not None else None
    if named is not None:
        return named
    if verb.lemma_.lower() not in INVERTING_VERBS or verb.tag_ in ("VB", "VBG"):
        return None  # "telling Reuters", "to call Cruz “…”": the one spoken to or of
    inverted = next((c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ == "PROPN"
                     and not any(t.is_punct for t in verb.doc[verb.i + 1 : c.left_edge.i])), None)
    if inverted is not None or verb.dep_ in SHARED_SUBJECT_LINKS:
        return inverted
    return speakers.named_before(verb) or speakers.role_before(verb)


def _reporting_clause(clause: Any) -> Any:
    """The speech verb before a clause that reports what it said ("Trump told Newsmax that
    Romney had …", "Brenner said in a statement that a delay was overdue"), else the clause: a
    speech participle on a reported clause ("…, adding") speaks for the reporter. Not where the clause's own verb speaks ("Comey cannot say that
    …, Lewandowski added")."""
    head = clause.head
    if clause.dep_ == "ccomp" and head.i < clause.i and head.lemma_.lower() in SPEECH_VERBS and not is_cue(clause):
        return head
    if is_content_clause(clause) and head.lemma_.lower() in SPEECH_NOUNS | DOCUMENTS and not is_cue(clause):
        above = head.head.head if head.dep_ == "pobj" else head.head  # "said in a statement that …"
        if above.i < clause.i and above.lemma_.lower() in SPEECH_VERBS | ISSUING_VERBS:
            return above
    return clause


def _issuer(document: Any, speakers: Speakers) -> Any:
    """Who put out a document that speaks: "BLM issued a statement saying …", "Trump released
    a video that said …", "an email sent out by Sanders warned …" — the words are theirs. None
    for other nouns, and for a document that names its author ("a letter from his doctor")."""
    if document.pos_ != "NOUN" or document.lemma_.lower() not in DOCUMENTS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in document.children):
        return None
    if document.dep_ == "dobj" and document.head.lemma_.lower() in ISSUING_VERBS:
        return subject_of(document.head, speakers)
    for issued in document.children:
        if issued.dep_ == "acl" and issued.lemma_.lower() in ISSUING_VERBS:
            return agent_of(issued)
    return None


def is_content_clause(clause: Any) -> bool:
    """A "that" clause hung on a noun ("a statement that a delay was overdue"): what it says."""
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def issues_words(verb: Any) -> bool:
    """"issued a statement", "sent a letter": the verb puts out words that may follow it."""
    return verb.lemma_.lower() in ISSUING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in verb.children)


def according_source(token: Any, quoted: QuotedRanges) -> Any:
    """The source of "according to X" when ``token`` is its "according", said outside quotation
    marks (the source itself may be a quoted title: according to "The Fixers"), or the one who
    put X out ("according to figures released this week by City Auditor Helen Brandauer")."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    if is_quoted(token.idx, quoted):
        return None
    source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    made = next((c for c in source.children if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS), None)
    return (agent_of(made) or source) if made is not None else source
