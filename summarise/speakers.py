"""Who a quote's subject refers to: names, organisations, pronouns and roles.

The parse gives us the noun phrase that speaks ("he", "the ambassador", "A Kremlin
statement", "Iran's ambassador to Moscow, Kazem Jalali"). ``Speakers`` turns it
into the name the brief shows: a person or organisation named in the phrase, or,
for a pronoun or a role noun, the person named earlier in the article (never one
named only inside a quotation: that is someone the speaker talks about), or for a
description never named before, the one the article names by it further on. "It" is an
organisation named just before. "I" outside quotation marks is the writer, whom no name in
the article stands for. The small tagger's entities are corrected first: an office makes a
person of the names after it, and a lone word the article uses for a body is no person.
Where a name or a phrase starts and ends is ``names``'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import Any, Iterable

from summarise.models.nlp import text_of, token_at
from summarise.names import (
    NAME_LABELS, POST_NOMINALS, TITLES, bare_phrase, drop_article, hyphen_joined, hyphenated_at, is_title_word,
    mention_span, names_in, strip_titles,
)
from summarise.text import QuotedRanges, is_quoted

PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
# The gender a pronoun names, and the titles and pronouns that show a person's.
SELF_NAMING = {"identify", "give", "introduce", "name", "call"}  # "who identified herself as …"
KIN_GENDER = {"wife": "f", "mother": "f", "daughter": "f", "sister": "f", "widow": "f", "grandmother": "f",
              "aunt": "f", "niece": "f", "husband": "m", "father": "m", "son": "m", "brother": "m",
              "widower": "m", "grandfather": "m", "uncle": "m", "nephew": "m"}
MEN_ROLES = {"spokesman", "congressman", "councilman", "businessman", "assemblyman", "alderman"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
SUBJECTS = ("nsubj", "nsubjpass")
MAX_QUOTED_SENTENCES = 3  # quoted sentences a pronoun may look past for the sentence before it
MAX_PRONOUN_CHAIN = 3  # "Walsh … . But he … . “…,” he said": how many pronoun subjects lead back to a name
GROUP_PRONOUNS = {"they", "we", "it"}
RANKS = {"vice", "deputy", "assistant", "associate", "under", "lieutenant", "shadow", "former"}  # "vice president" is its own office
INDEFINITES = {"a", "an", "one", "another", "some", "several"}
# Nouns that stand for an organisation ("the statement", "the ministry"): never a person's role.
ORGANISATION_NOUNS = {
    "statement", "company", "ministry", "agency", "department", "government", "campaign",
    "committee", "office", "administration", "party", "group", "organization", "organisation",
    "firm", "release", "report", "embassy", "council", "commission", "court", "bank", "union",
    "board", "foundation", "network", "newspaper", "paper", "utility", "airline", "club", "district",
    "hospital", "university", "association", "regulator", "retailer", "insurer", "charity",
}
# Things that say something themselves, which an "it" after them may be: "The BBC obtained the
# inspection report. It said …" is the report's words, not the BBC's.
SAYING_THINGS = {"report", "study", "survey", "poll", "audit", "ruling", "filing", "letter", "statement", "memo",
                 "email", "document", "order", "complaint", "lawsuit", "review", "analysis"}
# Words that end the names of bodies, never of people: "General Motors", "Justice Department".
BODY_NAME_WORDS = {"motors", "inc", "corp", "co", "ltd", "llc", "group", "holdings", "school", "schools", "college",
                   "institute", "center", "centre", "church", "airlines", "airways", "foods", "partners", "fund"}
# Words in the names of bodies that "the company" or "the union" may stand for.
KINDRED_NAME_WORDS = {
    "company": ("inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "holdings"),
    "firm": ("inc", "corp", "llc", "llp", "partners", "group"),
    "union": ("guild", "federation", "brotherhood", "teamsters", "workers", "afl-cio"),
    "university": ("college", "institute"),
    "utility": ("power", "energy", "electric", "gas", "water"),
    "airline": ("airlines", "airways", "air"),
    "club": ("fc", "united", "rovers", "athletic"),
    "district": ("schools", "school"),
    "hospital": ("medical", "health", "clinic"),
    "newspaper": ("times", "post", "journal", "tribune", "herald", "gazette"),
    "paper": ("times", "post", "journal", "tribune", "herald", "gazette"),
}
# Nouns through which a body speaks: "the Kremlin's statement" is the Kremlin speaking.
VOICE_NOUNS = {"statement", "release", "spokesman", "spokeswoman", "spokesperson", "account", "website"}
# A person described rather than named ("the teenager said"): an age, or these words.
DESCRIBED = re.compile(r"the (?:(\w+-year-old)\b ?)?([A-Za-z]+)?", re.I)
EPITHETS = {"teenager", "youngster", "veteran", "pensioner", "billionaire", "millionaire", "tycoon", "mogul",
            "businessman", "businesswoman", "magnate"}
PARTY_MEMBERS = {"Democrat", "Republican", "Independent", "Libertarian"}
COLLECTIVE_DEMONYM = re.compile(r"(?:sh|ch|ese|ss)$")  # "the French", "the Swiss" are a people
# Labels the small tagger gives a person's name it does not know ("Renate Vollmer" as ORG);
# places and nationalities are left alone ("in Jupiter, Fla., the …").
MISLABELS = ("ORG", "PRODUCT", "WORK_OF_ART", "FAC")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"}
BODY_LABELS = ("ORG", "NORP", "GPE")
PLACE_LABELS = ("GPE", "LOC", "FAC")


class Speakers:
    """Resolves speaking noun phrases of one parsed article to names."""

    def __init__(self, doc: Any, quoted: Iterable[tuple[int, int]]):
        self.doc = doc
        self._quoted = quoted if isinstance(quoted, QuotedRanges) else QuotedRanges(quoted)
        self._ents = _with_titled_names(doc, _bodies_named_alone([_as_person(e) for e in doc.ents]))
        self._ent_starts = [e.start for e in self._ents]  # in order: a phrase's entities by bisection
        self._person_tokens = {i for e in self._ents if e.label_ in NAME_LABELS for i in range(e.start, e.end)}
        self._outside = [n for e in self._ents if not is_quoted(e.start_char, self._quoted) for n in names_in(e)]
        self._full_names: dict[str, list[tuple[Any, str]]] = {}  # last word → (entity, name), in order
        for ent in self._outside:
            full = strip_titles(ent.text)
            if ent.label_ in NAME_LABELS and " " in full:
                self._full_names.setdefault(full.rsplit(" ", 1)[1].lower(), []).append((ent, full))
        self._genders: dict[str, str] = {}  # none known yet: this first pass ignores titles' gender
        self._people = self._person_mentions()
        self._genders = self._learn_genders()
        self._people = self._person_mentions()  # now a title picks the full name of its gender
        self._shown_genders = {i: _title_gender(doc[i]) for i in self._people}  # "Mr." before a mention
        self._roles = self._role_mentions()
        self._described_genders = self._genders_beside_names()

    def resolve(self, head: Any) -> tuple[str, str]:
        """(speaker, mention) for the subject token ``head``."""
        clause = head.head
        while head.lower_ in ("who", "that", "which") and clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "O'Rourke, whose district went for her but who suggested …"
        if head.lower_ in ("who", "that", "which") and clause.dep_ in ("relcl", "acl"):
            # "Jalali, who said …": the noun the clause describes speaks; "who" is the mention.
            # Of "Jalali, the ambassador, who said …", the name the role stands beside.
            described = _person_above(clause.head) if head.lower_ == "who" else clause.head
            described = described.head if described.dep_ == "appos" else described
            speaker, _ = self.resolve(described)
            return speaker, head.text
        span = mention_span(head)
        if head.pos_ == "ADP":  # "Of Carson, Levine … said": the parser made the topic's preposition the subject
            head = next((c for c in head.children if c.dep_ == "pobj"), head)
            span = mention_span(head)
            topic_end = max((t.i for t in span if t.text == "," and t.i < head.i), default=None)
            span = span if topic_end is None else head.doc[topic_end + 1 : span.end]
        return self.resolve_span(span, head)

    def resolve_span(self, span: Any, head: Any = None) -> tuple[str, str]:
        """(speaker, mention) for a speaking phrase found by position, not by the parse
        (""…," the 43-year-old asked", where the parser tied the phrase into the quote)."""
        head = span.root if head is None else head
        mention = span.text
        apposed = span.start <= head.i < span.end - 1 and span.doc[head.i + 1].text == ","
        described = span.doc[span.start : head.i + 1] if apposed else span  # without ", a former state treasurer"
        named = _named_by_self(head) if head.pos_ == "NOUN" else None
        if named is not None:  # "said the seller, who gave her name only as Wanjiku"
            return self.full_name(named.text, span.start_char), mention
        if self._describes_one_named(described, head):  # "the 54-year-old", "the Scot", "the teenager"
            person = self._antecedent(span.start_char, "", described_as=_gendered_as(head))
            if person is not None:
                return person, mention
        named = self._named_in(span, head)
        if named is not None:
            return self.full_name(strip_titles(named.text), span.start_char, _title_gender(named.root)), mention
        lower = head.lower_
        if lower == "i":  # the writer, in a column or a book excerpt: no one the article names
            return mention, mention
        if lower in PERSON_PRONOUNS or lower == "his":  # "his comment that “…”"
            return (self._antecedent(span.start_char, lower) or mention), mention
        if lower == "it":  # "The White House weighed in. In a statement, it said …"
            return self._body_before(span.start_char) or mention, mention
        if lower in GROUP_PRONOUNS:
            return mention, mention
        if head.pos_ in ("NOUN", "PROPN"):
            lemma = head.lemma_.lower()
            body_noun = next((c for c in head.children if c.dep_ == "compound" and c.lemma_.lower() in ORGANISATION_NOUNS), None)
            if lemma.startswith("spokes") and body_noun is not None and len(span) == 3 and span[0].lower_ in INDEFINITES | {"the"}:
                body = self._body_named_as(body_noun, span.start_char)  # "a company spokeswoman": the company's words
                if body is not None:
                    return body, mention
            if lemma not in ORGANISATION_NOUNS:
                # "the Florida senator" is the last senator named only if he is Florida's, which
                # the role table does not know: a phrase naming a place stays as it is
                placed = any(t.ent_type_ in ("GPE", "LOC") for t in span)
                person = self._role(_role_key(head), span.start_char) if _one_known(head) and not placed else None
                if person is None and head.tag_ == "NN" and not placed and span[0].lower_ in ("a", "an", "the"):
                    person = self._named_later(head)  # "an independent researcher", "the city's forestry supervisor"
                if person is not None:
                    return person, mention
            elif [t.lower_ for t in span if t.i != head.i] in (["the"], ["this"]):  # not "the Clinton campaign"
                body = self._body_named_as(head, span.start_char)
                if body is not None:
                    return body, mention
        name = strip_titles(drop_article(bare_phrase(span, head)))
        return (self.full_name(name, span.start_char, _title_gender(head)) if head.pos_ == "PROPN" else name), mention

    def _describes_one_named(self, span: Any, head: Any) -> bool:
        """Whether a phrase describes a person named earlier instead of naming anyone: an age
        ("the 54-year-old"), a nationality or party in the singular ("the Scot", "the Texan",
        "the Republican", "the Oklahoma Republican"; not "the French", who are many, nor a
        paper, "The Tennessean"), a word for a person by what they are (``EPITHETS``), or an age
        with one of these or with a role ("the 19-year-old Scot", "the 51-year-old
        superintendent"). Not when the article first brought in someone unnamed so ("a
        54-year-old man", "a teenager"): the phrase is that person."""
        unplaced = "".join(t.text_with_ws for t in span if t.ent_type_ != "GPE" or t.i == head.i).strip()
        found = DESCRIBED.fullmatch(unplaced)  # "the Oklahoma Republican" as "the Republican"
        if found is None:
            return False
        age, word = found.groups()
        if word is not None:
            # "The" opening a sentence may begin a paper's name ("The Tennessean first reported"),
            # but no paper is called "The Democrat, a former state treasurer, …"
            article = span[0].text == "the" or (span[0].is_sent_start and span[0].text == "The" and word in PARTY_MEMBERS)
            demonym = (article and head.ent_type_ in ("NORP", "PERSON")
                       and not COLLECTIVE_DEMONYM.search(word) and not is_title_word(word)
                       and self.full_name(word, span.start_char) == word)
            aged_role = age is not None and word.lower() in _ROLE_WORDS  # "the 51-year-old superintendent"
            if head.text != word or head.tag_ not in ("NN", "NNP") or not (demonym or aged_role or word.lower() in EPITHETS):
                return False
        earlier = text_of(self.doc)[: span.start_char].lower()
        return re.search(rf"\b(?:{'|'.join(INDEFINITES)}) {re.escape((age or word).lower())}\b", earlier) is None

    def _named_in(self, span: Any, head: Any) -> Any:
        """A person named in the phrase, else an organisation or place ("A Kremlin statement"):
        one the phrase is about, not one that only describes its head (``_speaks_for``) or a
        name in a quoted title ("Fleming's “The Fixers: Eddie Mannix, …”"). Letters after a
        name, which the parse may make the phrase's head ("Simon Aldridge KC"), name no one."""
        named = span
        while len(named) > 1 and named[-1].text in POST_NOMINALS and named[-2].i in self._person_tokens:
            named = named[:-1]
        first = bisect_left(self._ent_starts, span.start)
        ents = [e for e in self._ents[first : bisect_left(self._ent_starts, span.end)] if e.end <= span.end]
        for labels in (NAME_LABELS, BODY_LABELS):
            for ent in (n for e in ents for n in names_in(e) if n.end <= named.end):
                if ent.label_ in labels and _speaks_for(ent, named, head) and not is_quoted(ent.start_char, self._quoted):
                    return hyphen_joined(ent)
        return None

    def is_person(self, token: Any) -> bool:
        """A person's name, a personal pronoun, or the surname of a person named in full
        earlier ("Maddow" after "Rachel Maddow", "LeVell" after "Bruce LeVell", which the tagger
        may miss on its own), the letters after a person's name ("Simon Aldridge KC"), or a noun
        with a person's name set beside it, who is that person ("The chief constable, Alan
        Whitford, was furious", also where the parse ties the name to the noun's "of" phrase:
        "The chief constable of Northshire Police, Sir Alan Whitford, used …")."""
        if token.i in self._person_tokens or token.lower_ in PERSON_PRONOUNS:
            return True
        if token.pos_ == "NOUN" and any(t.dep_ == "appos" and t.i in self._person_tokens and _stands_beside(t, token)
                                        for t in token.subtree):
            return True
        if token.text in POST_NOMINALS and token.i and self.is_person(token.doc[token.i - 1]):
            return True
        return token.text[:1].isupper() and self.full_name(token.text, token.idx) != token.text

    def full_name(self, name: str, before: int, gender: str | None = None) -> str:
        """"Clinton" → "Hillary Clinton", "De Vries" → "Marieke de Vries", when the article
        named the person in full earlier. Of several so named, the last named in full as a
        sentence's subject, the one the story is about there ("Bill Clinton spoke with voters
        … Clinton said"), else the first named: a relative named in passing ("his wife, Jane
        Sanders", "Bill Clinton's policies") does not take over the bare surname. A title
        (``gender``) keeps those known to be of its gender, else those not known to be of the
        other ("Mrs. Clinton" is Hillary Clinton, not Bill Clinton). A surname titled both ways
        (``_titled_both_ways``) that the article names in full for one person only is that
        person's only where the article shows her or him to be of the title's gender."""
        candidates = self._full_names.get(name.rsplit(" ", 1)[-1].lower(), [])
        named = [(e, full) for e, full in candidates
                 if e.start_char < before and full.lower().endswith(" " + name.lower())]
        if gender is not None:
            fits = [(e, full) for e, full in named if self._genders.get(full, gender) == gender]
            known = [(e, full) for e, full in fits if full in self._genders]
            if name.lower() in self._titled_both_ways and len({full for _, full in candidates}) == 1:
                fits = []  # "Mr Ellery", "Mrs Ellery": Tom Ellery, alone named in full, is one of them
            named = known or fits
        if not named:
            return name
        subjects = [full for e, full in named if e.root.dep_ in SUBJECTS and e.root.head.i == e.sent.root.i]
        return subjects[-1] if subjects else named[0][1]

    def named_before(self, token: Any) -> Any:
        """The root of the last person named outside quotations in the token's sentence before
        it, not as someone's owner or a verb's object ("criticized Clinton's record")."""
        for ent in reversed(self._outside):
            if ent.label_ in NAME_LABELS and token.sent.start <= ent.start and ent.end <= token.i:
                return ent.root if ent.root.dep_ not in ("poss", "dobj") else None
        return None

    def role_before(self, token: Any) -> Any:
        """A role noun the parser hung on a phrase before the token as an apposition, and so
        left the token's speech verb without a subject ("…'s team, a White House official who
        spoke anonymously said, “…”"): the official speaks."""
        for noun in reversed(token.doc[token.sent.start : token.i]):
            role = noun.pos_ == "NOUN" and noun.dep_ == "appos" and noun.lower_ in _ROLE_WORDS
            if role and not is_quoted(noun.idx, self._quoted):
                return noun
        return None

    def _body_named_as(self, noun: Any, before: int) -> str | None:
        """The organisation "the ministry" or "the campaign" stands for: the last one named
        with that word, or a word for such a body, in its name ("the Defence Ministry", not the
        contractor named after it; "the union" is the Nurses Guild), else the last one named
        other than in a person's description (not the firm of "an analyst at Pinebrook"), by
        its name ("Exxon Mobil. The company said") or by a phrase with that word that says
        whose it is ("the Clinton campaign", "Ostravia's defence ministry"; not "his campaign",
        a plural or a headline's capitalised words)."""
        lemma = noun.lemma_.lower()
        bodies = [e for e in reversed(self._outside) if e.label_ in BODY_LABELS[:1] and e.end_char <= before]
        kindred = {lemma, *KINDRED_NAME_WORDS.get(lemma, ())}
        called_so = (e for e in bodies if kindred & {t.lower_.rstrip(".") for t in e})  # "the Defence Ministry", "Corvane Inc."
        speaking = [e for e in bodies if not _in_a_description(e)]  # not "Greg Tamura, an analyst at Pinebrook"
        last = next(called_so, speaking[0] if speaking else bodies[0] if bodies else None)
        named_at = last.start_char if last is not None else -1
        for token in reversed(self.doc[: noun.i]):  # the last such phrase after that name, if any
            if token.idx <= named_at:
                break
            if token.lemma_.lower() == lemma and token.tag_ == "NN" and token.is_lower and not is_quoted(token.idx, self._quoted):
                named = self.doc[token.left_edge.i : token.i + 1]
                if any(t.pos_ == "PROPN" or t.ent_type_ in BODY_LABELS for t in named):  # "the German finance ministry"
                    return drop_article(named)
        return self.full_name(strip_titles(last.text), last.start_char) if last is not None else None

    def _antecedent(self, before: int, pronoun: str, chain: int = 0, described_as: str | None = None) -> str | None:
        """The person a pronoun at ``before`` stands for: a person named as a subject (or beside
        one) in this sentence or the one before, the main clause's first ("he" in "Reid said
        that Sanders had energized voters. He added …" is Reid; in "Viguerie is upbeat about
        Cruz's chances because he …", Viguerie), following a same pronoun or a description
        ("the Scot") there back to its name; else the last person named. Never one the article
        shows to be of the other gender ("she" is not Mr. Trump). A description itself
        (``_describes_one_named``, pronoun "", of the gender ``described_as`` its word shows)
        stands only for a subject there, or for whom a "he" or "she" subject there stands: with
        no gender to check, the last person named may be anyone ("Melania Trump … the Trump
        team … the 46-year-old")."""
        gender = PRONOUN_GENDER.get(pronoun, described_as)  # a description's own gender: "the businessman"
        fits = {i: name for i, name in self._people.items()
                if gender is None or (self._shown_genders.get(i) or self._genders.get(name)
                                      or self._described_genders.get(name, gender)) == gender}
        at = token_at(self.doc, before)
        window = []
        if at is not None and at.head.i != at.i:
            fits = {i: name for i, name in fits.items() if not self._subject_of_quoted_clause(self.doc[i], at.head)}
        if at is not None:
            window.append(at.sent)
            before_sent = at.sent
            for _ in range(MAX_QUOTED_SENTENCES + 1):  # the sentence before, past any that are all quotation
                if not before_sent.start:
                    break
                before_sent = self.doc[before_sent.start - 1].sent
                if not self._all_quoted(before_sent):
                    window.append(before_sent)
                    break

        def leads_back(token: Any) -> bool:
            """A subject that names one who fits, or a pronoun to follow back: the same one, or
            for a description "he" or "she" of its gender ("she said. The 61-year-old said")."""
            if token.i in fits:
                return True
            if chain >= MAX_PRONOUN_CHAIN:
                return False
            if pronoun:
                return token.lower_ == pronoun and gender is not None
            return token.lower_ in ("he", "she") and gender in (None, PRONOUN_GENDER[token.lower_])

        for sent in window:
            subjects = [t for t in sent if t.idx < before and _subject(t) is not None
                        and not is_quoted(t.idx, self._quoted) and leads_back(t)]
            if subjects:
                subject = min(subjects, key=lambda t: (_subject(t).head.i != sent.root.i, -t.i))
                if subject.i in fits and not self._describes_one_named(mention_span(subject), subject):
                    return fits[subject.i]
                if subject.i not in fits and not pronoun:  # a description after "she": whom "she" stands for
                    return self._antecedent(subject.idx, subject.lower_, chain + 1)
                return self._antecedent(subject.idx, pronoun, chain + 1, described_as)  # "he" or "the Scot" before
        earlier = [i for i in fits if self.doc[i].idx < before]
        if not earlier or not pronoun:
            return None
        last = self.doc[max(earlier)]
        if self._describes_one_named(mention_span(last), last):
            return self._antecedent(last.idx, pronoun, chain + 1)
        return fits[last.i]

    def _body_before(self, before: int) -> str | None:
        """The organisation or country "it" stands for: the one named as the subject of its
        own sentence before it, else of the sentence before ("The Ombudsman's Office … said the
        three were civilians. It said it had opened an inquiry"), the main clause's first; none
        where a report or a letter named there may be what speaks."""
        at = token_at(self.doc, before)
        if at is None:
            return None
        sentences = [at.sent]
        if at.sent.start:
            sentences.append(self.doc[at.sent.start - 1].sent)
        for sent in sentences:
            subjects = [t for t in sent if t.dep_ in SUBJECTS and t.idx < before and not is_quoted(t.idx, self._quoted)]
            if subjects:
                subject = min(subjects, key=lambda t: (t.head.i != sent.root.i, t.i))
                body = self._named_in(mention_span(subject), subject)
                if body is None or body.label_ not in ("ORG", "GPE") or self.is_person(body.root):
                    return None  # "Sanders" read as an organisation is still no "it"
                # "The BBC obtained the report. It said …" is the report's ("said in a statement" is the body's own)
                if any(t.lemma_.lower() in SAYING_THINGS and t.head.lower_ != "in" for t in sent if t.idx < before):
                    return None
                return drop_article(body)
        return None

    def _all_quoted(self, sentence: Any) -> bool:
        """Whether a sentence is all quotation ("That is not a luxury."), no narrative of its own;
        a tag after the quote ("…," she said.) is narrative."""
        words = [t for t in sentence if not t.is_punct and not t.is_space]
        return bool(words) and all(is_quoted(t.idx, self._quoted) for t in words)

    def _subject_of_quoted_clause(self, token: Any, verb: Any) -> bool:
        """Whether ``token`` is the subject of the quoted clause ``verb`` reports: in
        "Turnout “will be very low,” she says", Turnout is what she talks about, not her."""
        clause = token.head
        return clause.dep_ == "ccomp" and clause.head.i == verb.i and is_quoted(clause.idx, self._quoted)

    def _person_mentions(self) -> dict[int, str]:
        """Head token → full name of each person named outside quotations, counting a
        surname the tagger labelled otherwise ("Bryant" after "John Bryant") or not at all
        ("Haldorsen, for his part, has stopped waiting" after "Jeremy Haldorsen")."""
        people = {}
        for ent in self._outside:
            name = strip_titles(ent.text)
            full = self.full_name(name, ent.start_char, _title_gender(ent.root))
            if ent.label_ in NAME_LABELS or (full != name and ent.root.is_title):
                people[ent.root.i] = full
        for token in self.doc:  # "The woman, who later identified herself as Danielle Pruitt,"
            named = _named_by_self(token) if token.pos_ == "NOUN" else None
            if named is not None and not is_quoted(token.idx, self._quoted):
                people[token.i] = self.full_name(named.text, named.start_char)
        in_entities = {i for ent in self._ents for i in range(ent.start, ent.end)}
        for token in self.doc:
            # the tagger may even take a surname that opens a sentence for a noun ("Sandoval anticipated")
            name_like = token.pos_ == "PROPN" or (token.is_title and token.dep_ in SUBJECTS)
            if not name_like or token.i in in_entities or is_quoted(token.idx, self._quoted):
                continue
            surname = hyphenated_at(token)  # "Ruiz-Whitaker", which the tokenizer splits in three
            if surname.lower() in self._full_names and surname.lower() not in self._titled_both_ways:
                full = self.full_name(surname, token.idx, _title_gender(token))
                if full != surname:
                    people[token.i] = full
        return dict(sorted(people.items()))

    def _learn_genders(self) -> dict[str, str]:
        """Each person's gender as the article shows it: a title (Mr., Ms.) before the name,
        the pronouns after the name that is the main subject of a sentence ("Ginsburg said
        that she …", "Ginsburg escalated her criticism"), or the pronoun subject of the
        sentence after ("Ginsburg said … . She added …"), the majority deciding. A pronoun in a
        clause whose subject is another pronoun may stand for someone else (``_someone_else``).
        A titled surname two people share is left out: "Mrs. Clinton" may not be the Clinton last
        named in full, and would teach that one the other's gender."""
        votes: dict[str, list[str]] = {}
        surnames = {e.root.i for e in self._outside if " " not in strip_titles(e.text)}
        shared = {i for i in self._people if i in surnames
                  and len({full.lower() for _, full in self._full_names.get(self.doc[i].lower_, [])}) > 1}
        for i, name in self._people.items():
            if _title_gender(self.doc[i]) is not None and i not in shared:
                votes.setdefault(name, []).append(_title_gender(self.doc[i]))
        main_before = None
        for sent in self.doc.sents:
            subject = next((t for t in sent.root.children if t.dep_ in SUBJECTS and t.i in self._people
                            and (t.i not in shared or _title_gender(t) is None)), None)
            main = self._people[subject.i] if subject is not None else None
            for token in sent:
                if token.i in self._people and token != subject:
                    break  # a pronoun after another name may stand for either
                if token.lower_ not in PRONOUN_GENDER or is_quoted(token.idx, self._quoted):
                    continue
                if subject is not None and token.i > subject.i:
                    if not _someone_else(token, subject):
                        votes.setdefault(main, []).append(PRONOUN_GENDER[token.lower_])
                elif subject is None and token.dep_ in SUBJECTS and _of_main_clause(token.head) and main_before:
                    votes.setdefault(main_before, []).append(PRONOUN_GENDER[token.lower_])
            main_before = main
        genders = {}
        for name, said in votes.items():
            men, women = said.count("m"), said.count("f")
            if men != women:
                genders[name] = "m" if men > women else "f"
        return genders

    def _genders_beside_names(self) -> dict[str, str]:
        """The gender a kinship or role word set beside a name shows ("Mercer's mother, Karen
        Mercer", "Lattimore, the chairwoman"). It only keeps a pronoun from the wrong person:
        it does not make a relative named in passing the likelier owner of a bare surname."""
        genders = {}
        for i, name in self._people.items():
            for noun in _apposed_nouns(self.doc[i]):
                gender = _role_gender(noun.lemma_.lower())
                if gender is not None:
                    genders.setdefault(name, gender)
        return genders

    @cached_property
    def _titled_both_ways(self) -> set[str]:
        """Surnames the article titles as a man's and as a woman's ("Mr Ellery", "Mrs Ellery"):
        two people bear them, whoever of them was named in full. Read off the words, not the
        entities: the tagger misses a name now and then."""
        titles: dict[str, set[str]] = {}
        for token in self.doc:
            gender = _title_gender(token) if token.pos_ == "PROPN" else None
            if gender is not None and not is_quoted(token.idx, self._quoted):
                titles.setdefault(token.lower_, set()).add(gender)
        return {surname for surname, genders in titles.items() if len(genders) > 1}

    def _role(self, lemma: str, before: int) -> str | None:
        """Who "the senator" is: of those the article introduced with that role, the subject of
        this sentence or the one before ("Hollis … said she was inclined to support it. The
        senator said …"), else the last one introduced."""
        holders = [name for offset, role, name in self._roles if offset < before and role == lemma]
        if not holders and lemma.startswith("former "):  # "the former president" for one brought in as "President Bush"
            holders = [name for offset, role, name in self._roles if offset < before and role == lemma.removeprefix("former ")]
        if not holders:
            return None
        if len(set(holders)) > 1:
            near = self._antecedent(before, "")
            if near in holders:
                return near
        return holders[-1]

    def _named_later(self, noun: Any) -> str | None:
        """Who "an independent security researcher" or "the city's forestry supervisor", named
        nowhere before, is: the one the article names further on by the same word with "the"
        ("The researcher, Noor Haddad, said …", "said the supervisor, Tom Reddick"), unless another
        one came between ("a resident said … another resident … The resident, Mary Poole,")."""
        key = _role_key(noun)
        for ent in self._outside:
            if ent.label_ not in NAME_LABELS or ent.start <= noun.i:
                continue
            for role in _apposed_nouns(ent.root):
                if _role_key(role) == key and any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in role.children):
                    others = [t for t in self.doc[noun.i + 1 : role.i] if t.lower_ in ("another", "other", "second")
                              and _role_key(t.head) == key]
                    return None if others else self.full_name(strip_titles(ent.text), ent.start_char)
        return None

    def _role_mentions(self) -> list[tuple[int, str, str]]:
        """(offset, role noun, name) for each person introduced with a role:
        "Spokeswoman Maria Zakharova", "IAEA chief Rafael Grossi",
        "Iran's ambassador to Moscow, Kazem Jalali", "Jalali, the ambassador", and the noun
        right before a name however the parse tied them ("the comedian Rob Delaney-Price")."""
        found = []
        for ent in self._outside:
            if ent.label_ not in NAME_LABELS:
                continue
            name = strip_titles(ent.text)
            root = ent.root
            nouns = [t for t in ent if t.pos_ in ("NOUN", "PROPN") and (t.lower_ in _ROLE_WORDS or t.lower_ in _ROLE_ABBREVIATIONS)]
            nouns += [t for t in root.children if t.dep_ in ("compound", "amod", "appos") and t.i < ent.start]
            nouns += _apposed_nouns(root)
            if root.dep_ == "conj" and root.head.pos_ == "NOUN":
                nouns.append(root.head)
            before = ent.doc[ent.start - 1] if ent.start else None
            if before is not None and before.tag_ == "NN" and before.lemma_.lower() not in ORGANISATION_NOUNS and before not in nouns:
                nouns.append(before)
            for noun in nouns:
                found.append((ent.start_char, _role_key(noun), name))
        return sorted(found)


def _named_by_self(noun: Any) -> Any:
    """The name a person described but not named gives in a clause on the description: "the
    seller, who gave her name only as Wanjiku", "The woman, who later identified herself as
    Danielle Pruitt", "a retired officer who asked that only his first name, Curtis, be used";
    not one who names someone else ("the witness, who identified the gunman as Marcus Hale")."""
    for described in (noun, *_apposed_nouns(noun)):
        for clause in (c for c in described.children if c.dep_ == "relcl"):
            for token in clause.subtree:
                verb = token.head.head
                own = any(c.dep_ == "dobj" and (c.lower_.endswith("self") or c.lemma_ == "name") for c in verb.children)
                given = token.dep_ == "pobj" and token.head.lower_ == "as" and verb.lemma_ in SELF_NAMING and own
                if token.pos_ == "PROPN" and (given or (token.dep_ == "appos" and token.head.lemma_ == "name")):
                    first = min((c.i for c in token.children if c.dep_ == "compound"), default=token.i)
                    return token.doc[first : token.i + 1]
    return None


def _apposed_nouns(name: Any) -> list[Any]:
    """The nouns set beside a name as appositions: "his wife, Jane Sanders", "Lattimore, the
    chairwoman"."""
    nouns = [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        nouns.append(name.head)
    return nouns


def _role_gender(role: str) -> str | None:
    """The gender a role or kinship word set beside a name shows: "his wife, Jane", "the
    chairwoman, Deborah Lattimore"."""
    if role in KIN_GENDER:
        return KIN_GENDER[role]
    return "f" if role.endswith("woman") else "m" if role in MEN_ROLES else None


def _gendered_as(noun: Any) -> str | None:
    """The gender a description's word shows ("the businessman", "the congresswoman"), if any."""
    word = noun.lower_
    return "f" if word.endswith("woman") else "m" if word.endswith("man") else None


def _in_a_description(ent: Any) -> bool:
    """Whether an organisation is named only as where a person described works ("Greg Tamura,
    an analyst at Pinebrook Securities"): an outside commentator's firm, not the body in the news."""
    preposition = ent.root.head
    if ent.root.dep_ != "pobj" or preposition.lower_ not in ("at", "with"):
        return False  # "vice president of the Federation" speaks for it
    return preposition.head.dep_ == "appos" and preposition.head.pos_ == "NOUN"


def _person_above(noun: Any) -> Any:
    """The noun a "who" clause describes, where the parser hung the clause on a place in the
    person's description ("Alan Berger, a gynecologist from Englewood, New Jersey, who said"):
    a place is no "who", so the phrase the place sits in is."""
    while noun.ent_type_ in PLACE_LABELS and noun.dep_ in ("pobj", "prep", "appos", "compound") and noun.head.i != noun.i:
        noun = noun.head
        if noun.pos_ == "ADP":
            noun = noun.head
    return noun


def _speaks_for(name: Any, span: Any, head: Any) -> bool:
    """Whether a name in a speaking phrase is who speaks: the phrase's head ("Sen. Ted Cruz",
    "the Saudis"), set beside it ("Iran's ambassador to Moscow, Kazem Jalali"), a person's name
    ending it however the titles before were parsed ("former Obama adviser David Axelrod"), or
    what speaks through it ("A Kremlin statement", "Trump's statement", "a Twitter spokesman").
    A name that only describes the head does not: "the Texas senator" is a senator, "U.S.
    officials" are officials, "Ukraine's air force" is the air force, "a New Hampshire
    Republican" or "some Democrats" is not the party, and a person's spokesman is not that person."""
    if name.label_ == "NORP":
        return all(name.start <= t.i < name.end or t.lower_ == "the" for t in span)
    if name.start <= head.i < name.end or not span.start <= name.root.head.i < span.end:
        return True
    links = []  # the dependencies from the name up to the head; a list with no "and" is apposition
    token = name.root
    while token.i != head.i and token.head.i != token.i:
        listed = token.dep_ == "conj" and not any(c.dep_ == "cc" for c in token.head.children)
        links.append("appos" if listed else token.dep_)
        token = token.head
    if token.i == head.i and set(links) == {"appos"}:
        return True
    if name.label_ in NAME_LABELS and name.end == span.end and [d for d in links if d != "conj"][:1] != ["pobj"]:
        return True  # not "a spokesman for Mrs. Clinton", "hawks like Rubio and Bush"
    voice = head.lemma_.lower() in VOICE_NOUNS and not (name.label_ in NAME_LABELS and head.lower_ in _ROLE_WORDS)
    return voice and name.root.head.i == head.i


def _stands_beside(name: Any, noun: Any) -> bool:
    """Whether an appositive name is set beside the noun, directly or, as the parse often ties
    it, beside the noun's "of" phrase ("The chief constable of Northshire Police, Sir Alan Whitford")."""
    head = name.head
    while head.i != noun.i and head.dep_ in ("prep", "pobj"):
        head = head.head
    return head.i == noun.i


def _as_person(ent: Any) -> Any:
    """The entity as a person's name where the tagger gave it another label but the sentence
    shows a person: a name set beside a person's role ("The mayor, Renate Vollmer,", "Weaver,
    the campaign manager.", not "the National Front, whose leader, …") or after a personal
    title ("Ms Corby"), or with a title of its own ("Superintendent Martin Kessler"). Only a
    person's role counts: "The company, Acme Corp," is a company."""
    if ent.label_ not in MISLABELS or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        return ent
    doc, root = ent.doc, ent.root

    def role(noun: Any) -> bool:
        return noun.pos_ == "NOUN" and noun.lower_ in _ROLE_WORDS and not any(c.tag_ == "WP$" for c in noun.children)

    def closed(noun: Any) -> bool:  # the role's phrase ends at punctuation: not "…, the candidate boasted"
        end = mention_span(noun).end
        return end == len(doc) or doc[end].is_punct

    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    role_first = root.dep_ == "appos" and before is not None and before.text == "," and root.head.i < ent.start \
        and role(root.head)  # "The mayor, Renate Vollmer,"
    name_first = after is not None and after.text == "," and any(
        c.dep_ == "appos" and c.i > ent.end and role(c) and closed(c) for c in root.children)  # "Weaver, the campaign manager"
    titled = before is not None and before.lower_.rstrip(".") in HONORIFICS
    title = TITLES.match(ent.text)
    named = ent.text[title.end():].split() if title is not None else []
    titled_inside = len(named) > 1 and not _names_a_body(named)  # "Superintendent Martin Kessler", not "General Motors"
    if not (role_first or name_first or titled or titled_inside):
        return ent
    from spacy.tokens import Span

    return Span(doc, ent.start, ent.end, label="PERSON")


def _bodies_named_alone(ents: list[Any]) -> list[Any]:
    """The entities, with a lone word the tagger took for a person relabelled as the body or
    place it names elsewhere in the article ("Skyhaven" of Skyhaven Airlines, "Millbrook" of
    Millbrook Borough Council), unless it is also part of a person's full name, has a title
    ("Ms. Malik") or says something ("Trump said", whatever Trump Tower is); and an Irish
    county ("Co Galway") as a place."""
    from spacy.tokens import Span

    full = {ent.label_: set() for ent in ents}
    for ent in ents:
        if len(ent) > 1:
            full[ent.label_].update(t.lower_ for t in ent)
    people = full.get("PERSON", set())
    bodies = set().union(*(words for label, words in full.items() if label in BODY_LABELS + PLACE_LABELS))
    speaking = {ent[0].lower_ for ent in ents if len(ent) == 1 and ent.root.dep_ in SUBJECTS
                and ent.root.head.lemma_ in ("say", "tell", "add")}  # "Trump said", whatever Trump Tower is
    titled = {ent[0].lower_ for ent in ents if len(ent) == 1 and _title_gender(ent.root)}  # "Ms. Malik"
    relabelled = []
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) == 2 and ent[0].text in ("Co", "Co."):
            ent = Span(ent.doc, ent.start, ent.end, label="GPE")
        elif ent.label_ == "PERSON" and len(ent) == 1 and ent[0].lower_ in bodies - people - speaking - titled:
            ent = Span(ent.doc, ent.start, ent.end, label="ORG")
        relabelled.append(ent)
    return relabelled


def _names_a_body(words: list[str]) -> bool:
    """Whether the words after a title word name a body, not a person: "Justice Department",
    "King Edward Hospital"."""
    return any(w.lower() in ORGANISATION_NOUNS or w.lower() in BODY_NAME_WORDS for w in words)


def _with_titled_names(doc: Any, ents: list[Any]) -> list[Any]:
    """The entities, and a person for each office before capitalised names that the tagger left
    out ("Superintendent Nathan Pierce said"): the title says what they are. Not after "Mr" or
    "Mrs", whose surnames are read as they stand (the title tells which of two Elleries)."""
    from spacy.tokens import Span

    def is_title(token: Any) -> bool:
        return token.text[:1].isupper() and is_title_word(token.text)

    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for title in doc:
        if title.i in tagged or not is_title(title) or title.lower_.rstrip(".") in HONORIFICS:
            continue
        end = title.i + 1
        while end < len(doc) and end not in tagged and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and not is_title(doc[end]):
            end += 1
        ended = end == len(doc) or not (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
        named = [t.text for t in doc[title.i + 1 : end]]
        if named and end not in tagged and ended and not _names_a_body(named):  # not "Chief Financial Officer X"
            found.append(Span(doc, title.i, end, label="PERSON"))
            tagged.update(range(title.i, end))
    return sorted(ents + found, key=lambda ent: ent.start)


def _someone_else(pronoun: Any, subject: Any) -> bool:
    """Whether a pronoun after a sentence's main subject stands for someone else: the owner or
    object in a clause whose subject is a pronoun of the other gender that the main subject
    speaks of ("Sjoberg said she had accepted his resignation": she is Sjoberg, so "his" is not).
    Not when the main subject speaks to someone ("Randolph told others that he called her"):
    the pronoun subject may be one of them."""
    if pronoun.dep_ in SUBJECTS:
        return False
    verb = pronoun.head
    while verb.head.i != verb.i and not any(c.dep_ in SUBJECTS for c in verb.children):
        verb = verb.head
    other = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    gender = PRONOUN_GENDER[pronoun.lower_]
    return (other is not None and PRONOUN_GENDER.get(other.lower_, gender) != gender
            and verb.dep_ == "ccomp" and verb.head.i == subject.head.i
            and not any(c.dep_ in ("dobj", "dative") for c in subject.head.children))


def _of_main_clause(verb: Any) -> bool:
    """Whether a verb is its sentence's main one, or a speech aside set in it ("American
    universities, she notes, award …"): either's subject is whom the sentence is about."""
    return verb.i == verb.sent.root.i or (verb.dep_ == "parataxis" and verb.head.i == verb.sent.root.i)


def _subject(token: Any) -> Any:
    """The subject a token is or names: itself, or the one it stands beside ("Sweden's
    defence minister, Lars Eklund, resigned"), a singular noun as one person's name needs
    (not the misparsed "Proposals … from the front-runner, Hillary Rodham Clinton, …"), or
    the one an inverted "was" presents ("Among the voters was Denise Albright"); else None."""
    if token.dep_ == "appos" and token.head.tag_ in ("NN", "NNP"):
        token = token.head
    if token.dep_ == "attr" and token.head.lemma_ == "be" and not any(c.dep_ in SUBJECTS for c in token.head.children):
        return token  # "Among the voters was Denise Albright": the one the sentence is about
    return token if token.dep_ in SUBJECTS else None


def _title_gender(head: Any) -> str | None:
    """"f" for "Mrs. Clinton" or "Clinton herself", "m" for "Mr. Khan": the gender a title
    before ``head``, or a reflexive pronoun right after it, shows."""
    titles = (t.lower_.rstrip(".") for t in head.doc[head.left_edge.i : head.i])
    shown = next((TITLE_GENDER[t] for t in titles if t in TITLE_GENDER), None)
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if shown is None and after is not None and after.lower_ in ("herself", "himself"):
        return PRONOUN_GENDER[after.lower_]
    return shown


def _role_key(noun: Any) -> str:
    """The office a role noun names: "vice president" is not "president", the shadow home secretary
    is not the home secretary, the former governor is not the governor, and "Sen." is "senator"."""
    ranks = "".join(t.lower_ + " " for t in noun.lefts if t.lower_ in RANKS)  # "former vice president"
    return ranks + _ROLE_ABBREVIATIONS.get(noun.lower_, noun.lemma_.lower())


def _one_known(noun: Any) -> bool:
    """Whether a role phrase means one person the reader knows: "the senator", not "the
    lawyers" (several) or "one longtime adviser" (someone left unnamed)."""
    indefinite = any(t.dep_ in ("det", "nummod") and t.lower_ in INDEFINITES for t in noun.lefts)
    return noun.tag_ not in ("NNS", "NNPS") and not indefinite


_ROLE_ABBREVIATIONS = {"sen.": "senator", "gov.": "governor", "rep.": "representative", "gen.": "general",
                       "congressman": "representative", "congresswoman": "representative",
                       "amb.": "ambassador", "sec.": "secretary", "pres.": "president", "dr.": "doctor", "dr": "doctor"}
_ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "minister", "president", "senator",
    "governor", "chief", "director", "secretary", "chairman", "chairwoman", "mayor", "leader",
    "candidate", "nominee", "general", "official", "envoy", "adviser", "advisor", "lawyer",
    "attorney", "judge", "commissioner", "executive", "ceo", "founder", "manager", "professor",
    "congressman", "congresswoman", "representative", "speaker", "strategist", "analyst",
    "superintendent", "coach", "sheriff", "principal", "chancellor", "treasurer", "auditor", "prosecutor",
    "warden", "bishop", "pastor", "economist", "scientist", "researcher", "doctor",
}
