"""A headline made only of the article's own words.

The lead sentence (news puts who did what first; the claims follow as fallbacks)
is compressed the way a sub-editor would, by pruning its dependency parse: keep
what a speech verb reports, with a named speaker in front ("Mike Pence: …")
and any other attribution dropped ("…, officials said"); drop the dateline,
the opening phrase before the subject, dates, parentheses and a leading article,
then relative and adverbial clauses and prepositional phrases from the right
until at most ``MAX_WORDS`` words remain. A condition ("If …") is never
dropped, since without it the line would assert what the article only supposes.
Nothing is added, so a headline never states a word the article does not.
"""

from __future__ import annotations

import re
from typing import Any

from summarise.brief import Claim
from summarise.claims import is_candidate
from summarise.models.nlp import joins_words, text_of
from summarise.text import Sentence, dateline_end

MAX_WORDS = 14
SPEECH_LEMMAS = {
    "say", "tell", "announce", "report", "add", "state", "claim", "confirm", "warn", "maintain",
    "argue", "insist", "write", "declare", "tweet", "believe", "think",
}
MIN_WORDS = 5
_ALWAYS_DROP = {"appos", "parataxis", "meta", "dep", "intj"}
# Pruned while the line is too long: lower rank first, then the deepest, then the rightmost.
_DROP_RANK = {
    "advmod": 0, "npadvmod": 0, "relcl": 0, "advcl": 1, "prep": 1, "acl": 1, "agent": 1,
    "dative": 2, "conj": 3,
}
_TIME_ENTITIES = {"DATE", "TIME"}
_ARTICLES = {"a", "an", "the"}
_CONDITIONS = {"if", "unless"}
_SPEAKER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
# Opening phrases a headline does without: "In a statement, …", "Following the debate …".
_OPENERS = {"prep", "advcl", "advmod", "npadvmod", "cc", "intj", "dep"}
# Words a headline cannot end on: a conjunction, preposition or determiner (and "to").
_NO_LAST = {"CCONJ", "SCONJ", "ADP", "DET"}
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
    text = text_of(sentence.doc)
    skip_before = dateline_end(text, sentence.start_char)
    head = _reported_clause(sentence.root)
    speaker = _named_speaker(sentence, head)
    if speaker:
        return _tidy(f"{speaker}: {compress_clause(sentence, head, skip_before, max_words - len(speaker.split()))}")
    return compress_clause(sentence, head, skip_before, max_words)


def _named_speaker(sentence: Any, head: Any) -> str:
    """The name behind "X said Y", kept as "X: Y" (headline style) when X is a name.

    "Mike Pence said his running mate…" → "Mike Pence"; "officials said" gives
    nothing, so the attribution is simply dropped.
    """
    if head.i == sentence.root.i:
        return ""
    for child in sentence.root.children:
        if child.dep_ == "nsubj":
            for entity in sentence.ents:
                if entity.label_ in _SPEAKER_ENTITIES and entity.start <= child.i < entity.end:
                    return entity.text
    return ""


def compress_clause(sentence: Any, head: Any, skip_before: int, max_words: int) -> str:
    """Prune ``head``'s subtree within ``sentence`` to at most ``max_words`` words."""
    kept = {t.i for t in head.subtree if t.idx >= skip_before}
    kept -= {t.i for t in head.children if t.dep_ == "mark"}  # "that" of "said that"
    for token in sentence:
        if token.i in kept and token.i != head.i and (token.dep_ in _ALWAYS_DROP or _is_participle_conjunct(token)):
            kept -= _subtree_ids(token)
    _drop_opening_modifiers(head, kept)
    for token in sentence:  # headlines are not dated: "on Tuesday" goes whatever the length
        if token.i in kept and _is_time(token) and token.i != head.i:
            if _word_count(sentence, kept - _subtree_ids(token)) >= MIN_WORDS:
                kept -= _subtree_ids(token)
    _drop_parentheses(sentence, kept)
    while _word_count(sentence, kept) > max_words:
        droppable = [
            t for t in sentence
            if t.i in kept and t.i != head.i and t.dep_ in _DROP_RANK
            and t.tag_ != "WRB" and not _is_condition(t)
            and _word_count(sentence, kept - _subtree_ids(t)) >= MIN_WORDS
        ]
        if not droppable:
            break
        first = min(droppable, key=lambda t: (_rank(t), -_depth(t, head), -t.i))
        kept -= _subtree_ids(first)
    _drop_dangling(sentence, kept)
    _drop_orphaned_conjunctions(sentence, kept)
    opening = min((i for i in kept if not sentence.doc[i].is_punct), default=None)
    if opening is not None and sentence.doc[opening].lower_ in _ARTICLES:
        kept.discard(opening)  # headlinese: "Bloomberg poll shows…", not "A Bloomberg poll…"
    _keep_hyphenated_words_whole(sentence, kept)
    words = [t for t in sentence if t.i in kept and not t.is_space]
    if _word_count(sentence, kept) > max_words:
        words = _first_words(words, max_words)
    while len(words) > MIN_WORDS and _cannot_end(words[-1]):
        words.pop()  # a line never ends on "and", "of" or "the"
    return _tidy(_join(words))


def _keep_hyphenated_words_whole(sentence: Any, kept: set[int]) -> None:
    """"fast-moving" is one word: the parser splits it, and pruning "fast" left "moving"."""
    doc = sentence.doc
    for token in reversed(list(sentence)):
        i = token.i
        while i in kept and i - 2 >= sentence.start and joins_words(doc[i - 1]):
            kept.update((i - 1, i - 2))
            i -= 2


def _cannot_end(token: Any) -> bool:
    """"… halting traffic and", "… the first time in": cut words that leave the line hanging
    (a particle stays: "walk out")."""
    if token.dep_ == "prt":
        return False
    return token.pos_ in _NO_LAST or token.dep_ == "cc" or token.tag_ == "TO"


def _is_participle_conjunct(token: Any) -> bool:
    """"walked off the job, halting traffic and stranding ships": the small parser makes
    "stranding" a conjunct of "walked"; a participle never coordinates with a finite verb,
    so it is a trailing participle clause, and goes like one."""
    return token.dep_ == "conj" and token.tag_ in ("VBG", "VBN") and token.head.tag_ in ("VBD", "VBZ", "VBP")


def _rank(token: Any) -> int:
    """When a modifier goes: "on Tuesday" and other time phrases before anything else."""
    if _is_time(token):
        return -1
    return _DROP_RANK[token.dep_]


def _is_time(token: Any) -> bool:
    """A modifier that only dates the event: "Tuesday", "on Friday afternoon", "last week".

    Only a verb's modifier: "14-year-old daughter" keeps its age.
    """
    if token.head.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in _TIME_ENTITIES for o in objects)
    return token.dep_ in {"npadvmod", "advmod"} and token.ent_type_ in _TIME_ENTITIES


def _drop_opening_modifiers(head: Any, kept: set[int]) -> None:
    """Headlines start with who did it: drop what stands before the subject.

    "In a preview clip for the show, Blige sings …" → "Blige sings …";
    "If it worked against Romney, it might …" keeps its clause only when
    nothing else would be left.
    """
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i in kept]
    if not subjects:
        return
    for child in head.children:
        if child.i < subjects[0].i and child.dep_ in _OPENERS and child.i in kept:
            if not _is_condition(child):
                kept -= _subtree_ids(child)


def _is_condition(token: Any) -> bool:
    """"If it worked against Romney, …": without its condition a clause says something else."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children
    )


def _drop_dangling(sentence: Any, kept: set[int]) -> None:
    """A preposition whose object was pruned goes too ("… in order", "… in favor"), and so
    does punctuation whose phrase went ("Bryan Pagliano, in contempt")."""
    for token in sentence:
        if token.is_punct and token.head.i not in kept and token.text not in "“”\"‘’'":
            kept.discard(token.i)
    for token in reversed(list(sentence)):
        if token.i in kept and token.dep_ in {"prep", "agent"}:
            if not any(c.i in kept for c in token.children):
                kept.discard(token.i)
        if token.i in kept and token.dep_ == "acl" and token.tag_ == "VBG":
            if not any(c.i in kept and not c.is_punct for c in token.children):
                kept.discard(token.i)  # "Americans living" once "in households …" went


def _join(tokens: list[Any]) -> str:
    """Kept tokens, spaced wherever anything stood between them in the article.

    A dropped comma or non-breaking space must still part its neighbours
    ("Obama, others" → "Obama others", never "Obamaothers").
    """
    out = []
    for before, token in zip([None, *tokens], tokens):
        if before is not None and token.idx > before.idx + len(before.text):
            out.append(" ")
        out.append(token.text)
    return "".join(out)


def _depth(token: Any, head: Any) -> int:
    """How far below ``head`` a token hangs: deep modifiers go first."""
    depth = 0
    while token.i != head.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _drop_orphaned_conjunctions(sentence: Any, kept: set[int]) -> None:
    """"Putin and" → "Putin" once the second conjunct is gone: a conjunction needs a kept
    conjunct after it ("halting traffic and" lost "stranding ships", whatever came before)."""
    for token in sentence:
        if token.dep_ == "cc" and token.i in kept:
            if not any(c.dep_ == "conj" and c.i in kept and c.i > token.i for c in token.head.children):
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


def headline_sources(sentences: list[Sentence], claims: list[Claim]) -> list[tuple[int, int]]:
    """Where to look for the headline, best first, as (start, end) offsets.

    The lead sentence first: news puts who did what there, and the top-scored
    claim often is a later, more general sentence; then the claims by score.
    """
    ranked = sorted(claims, key=lambda claim: -claim.score)
    lead = [(s.start, s.end) for s in sentences if is_candidate(s)][:1]
    return lead + [(c.start, c.end) for c in ranked]


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
