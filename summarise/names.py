"""The shape of a name or a speaking phrase in the parse: where a name starts and ends, its
titles, and the noun phrase a mention spans. ``speakers`` decides whom these stand for.
"""

from __future__ import annotations

import re
from typing import Any

from summarise.models.nlp import joins_words

NAME_LABELS = ("PERSON",)
TITLES = re.compile(
    r"^(?:[Tt]he\s+(?=[A-Z]))?(?:(?:U\.S\.|US|Vice|Deputy|Acting|Former|former|Chief|Senior|then-|Then-)?\s*"
    r"(?:President|Prime Minister|Minister|Foreign Minister|Secretary|Secretary of State|Senator|"
    r"Sen\.|Rep\.|Representative|Congressman|Congresswoman|Gov\.|Governor|Mayor|Judge|Justice|"
    r"Chancellor|Ambassador|General|Gen\.|Spokesman|Spokeswoman|Spokesperson|Chief|Director|"
    r"Commissioner|Speaker|Leader|Chairman|Chairwoman|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|"
    r"Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Pope|Rev\.?|Father|Officer|Detective|Sergeant|"
    r"Sgt\.|Captain|Capt\.|Lieutenant|Lt\.|Colonel|Col\.|Attorney General|Candidate|Nominee|"
    r"Councillor|Cllr\.?|Councilman|Councilwoman|Alderman|Inspector|Insp\.?|Superintendent|Supt\.?|"
    r"Constable|Sheriff|Bishop|Archbishop|Cardinal|Rabbi|Imam|Pastor|Sheikh|Baroness|Coach)\s+)+"
)
# Letters after a British name: an honour or an office, no part of the name ("Simon Aldridge KC").
POST_NOMINALS = {"KC", "QC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE"}
# How a word before a name attaches when it is no part of it: "Neither Cruz", "Certainly
# Donald Trump", "Top Clinton adviser", "Without Bloomberg".
NOT_NAME_DEPS = {"det", "preconj", "neg", "advmod", "amod", "case", "prep", "cc"}
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "xcomp", "advcl", "csubj", "pcomp"}  # a name heads no clause
NAME_POS = {"PROPN", "NOUN", "NUM", "X", "PUNCT", "SYM", "SPACE"}
KEEP_IN_MENTION = {"det", "amod", "compound", "poss", "case", "nmod", "prep", "pobj", "appos", "flat",
                   "nummod", "cc", "conj", "quantmod", "npadvmod", "punct", "advmod"}


def is_title_word(word: str) -> bool:
    """Whether a word is a title that may stand before a name: "Superintendent", "Sen.", "Rev"."""
    return TITLES.match(word + " ") is not None


def strip_titles(name: str) -> str:
    """"Spokeswoman Maria Zakharova" → "Maria Zakharova"; a lone title is kept."""
    name = re.sub(r"(?:'s|’s|')$", "", name.strip()).strip(" ,")
    stripped = TITLES.sub("", name).strip()
    return stripped or name


def names_in(ent: Any) -> list[Any]:
    """The names in a person entity, without the words the tagger glued on, mostly in
    title-case headlines: a verb, or its auxiliaries ("Hillary Clinton Slams Donald Trump",
    "Trump May Not Have Suggested"), a word heading a clause whatever its tag ("Condemn"
    in "… voted to Condemn Donald Trump"), a word before the name that the parse attaches
    elsewhere or as a determiner, negation or modifier ("Neither Cruz", "Top Clinton",
    "Without Bloomberg", the "Will" of "Will Sanders come down?"), a possessive marker
    ("’s Clinton"), and a preposition with what follows ("Victoria at Sandy Hook"). A word
    the parse makes part of the name stays, whatever its tag ("Will Doyle", "George Will",
    "Newt Gingrich"), and letters after the name ("Sarah Jennings OBE"). Other entities, and
    one word alone, are kept whole."""
    if ent.label_ not in NAME_LABELS or len(ent) == 1:
        return [ent]
    from spacy.tokens import Span  # spaCy loads with the parser, not with the CLI

    inside = range(ent.start, ent.end)

    def governs(token: Any) -> bool:
        return any(c.i in inside and c.dep_ not in ("compound", "flat") for c in token.children)

    def glued(token: Any) -> bool:
        if token.dep_ in CLAUSE_DEPS or token.tag_ == "POS" or token.lower_ in ("'s", "’s"):
            return True
        if token.pos_ in NAME_POS or token.dep_ in ("compound", "flat"):
            return False
        if token.tag_ == "MD" and token.head.tag_ != "VB":  # a modal takes a bare verb: "Will Ramirez … said"
            return False
        if token.pos_ == "VERB" or (token.head.i in inside and token.head.pos_ == "VERB" and token.dep_ in ("aux", "auxpass", "neg")):
            return True
        return token.i == ent.start and (token.dep_ in NOT_NAME_DEPS or token.head.i not in inside or governs(token))

    def ends_name(token: Any) -> bool:
        return token.i > ent.start and token.pos_ == "ADP" and governs(token)

    end = next((t.i for t in ent if ends_name(t)), ent.end)
    while end > ent.start + 1 and ent.doc[end - 1].text in POST_NOMINALS:
        end -= 1
    cut = [t.i for t in ent[: end - ent.start] if glued(t)]
    if not cut and end == ent.end:
        return [ent]
    runs = zip([ent.start] + [i + 1 for i in cut], cut + [end])
    return [Span(ent.doc, a, b, label=ent.label_) for a, b in runs
            if any(t.pos_ == "PROPN" for t in ent.doc[a:b])]


def mention_span(head: Any) -> Any:
    """The noun phrase headed by ``head``, without relative clauses (its own or those of the
    nouns in it: "Alan Berger, a gynecologist from Englewood, who said …") or a trailing comma."""
    doc = head.doc
    end = head.i
    for child in head.rights:
        if child.dep_ not in KEEP_IN_MENTION:
            break
        end = max(end, child.right_edge.i)
    nested = next((t for t in doc[head.i + 1 : end + 1] if t.dep_ == "relcl"), None)
    if nested is not None:
        end = nested.left_edge.i - 1
    start = min(head.left_edge.i, head.i)
    span = doc[start : end + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space or span[-1].dep_ == "cc"):
        if span[-1].text == ")" and "(" in span.text:
            break  # "Rep. Todd Brenner (R-Ind.)" keeps its closing bracket
        span = span[:-1]
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    return span


def hyphen_joined(ent: Any) -> Any:
    """The name with the words a hyphen joins to it without spaces, which the tagger may leave
    out: "Météo-France" is not France, "Jean-Luc Pradier" not Luc Pradier."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start >= 2 and joins_words(doc[start - 1]):
        start -= 2
    while end + 1 < len(doc) and joins_words(doc[end]):
        end += 2
    if (start, end) == (ent.start, ent.end):
        return ent
    from spacy.tokens import Span

    return Span(doc, start, end, label=ent.label_)


def hyphenated_at(token: Any) -> str:
    """The word ending at ``token``, joined across hyphens with no blank around them
    ("Ruiz-Whitaker" for its "Whitaker"), else the token's own text."""
    doc, start = token.doc, token.i
    while start >= 2 and joins_words(doc[start - 1]):
        start -= 2
    return doc[start : token.i + 1].text


def bare_phrase(span: Any, head: Any) -> Any:
    """A speaking phrase that names no one the tagger knows, as a speaker: without what a comma
    sets after a name at its head ("Zimmerman, 32", "Tester, himself up for reelection in 2018";
    a role keeps the name after it: "the mayor, Sylvie Arsenault") or a date ("the Sanders
    campaign on Monday")."""
    doc = span.doc
    named = head.pos_ == "PROPN" and span.start <= head.i < span.end  # not "the mayor, Sylvie Arsenault"
    comma = next((t.i for t in doc[head.i + 1 : span.end] if t.text == ","), None) if named else None
    # "the Bishop of Elmridge, the Rt Rev Catherine Obi": the name is after the comma
    apposed_name = comma is not None and any(t.pos_ == "PROPN" for t in doc[comma + 1 : span.end])
    end = comma if comma is not None and not apposed_name else span.end
    while end - span.start > 2 and doc[end - 1].ent_type_ in ("DATE", "TIME") and doc[end - 2].ent_type_ in ("DATE", "TIME", ""):
        first = end - 1
        while first > span.start and doc[first - 1].ent_type_ in ("DATE", "TIME"):
            first -= 1
        if doc[first - 1].pos_ != "ADP":
            break
        end = first - 1
    return doc[span.start : end] if end > span.start else span


def drop_article(span: Any) -> str:
    tokens = list(span)
    if tokens and tokens[0].dep_ == "det" and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    return span.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else span.text
