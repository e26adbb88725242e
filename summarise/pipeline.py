"""Article → Brief with the default extractive engine.

Models are loaded once, on first use, and reused for every article of a run.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from summarise.boilerplate import content_sentences
from summarise.brief import Article, Brief, Claim
from summarise.claims import rank_claims
from summarise.errors import InputError
from summarise.headline import headline_sources, make_headline
from summarise.language import require_english
from summarise.quotes import extract_quotes
from summarise.text import Sentence, dateline_end, paragraphs, sentences
from summarise.trimming import trim_claim


def text_for_parsing(text: str) -> str:
    """The article with its opening dateline blanked out, offsets unchanged.

    "MOSCOW (Reuters) –" would otherwise become the subject of the first "said".
    """
    first = paragraphs(text)
    if not first:
        return text
    start = first[0].start
    end = dateline_end(text, start)
    return text[:start] + " " * (end - start) + text[end:]


def ranking_sentences(parse_text: str) -> list[Sentence]:
    """The sentences claims are ranked from: boilerplate removed, unless that leaves nothing."""
    return content_sentences(parse_text) or sentences(parse_text)


def trimmed(claim: Claim, doc: Any, text: str) -> Claim:
    """The claim cut to its core statement (``summarise.trimming``), still a span of ``text``."""
    sentence = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if sentence is None or not len(sentence):
        return claim
    kept = trim_claim(sentence)
    if kept is None:
        return claim
    start, end = kept
    return replace(claim, text=text[start:end], start=start, end=end)


class Summariser:
    """The default engine: ranked verbatim claims, a compressed headline, parsed quotes."""

    engine = "extractive"

    def __init__(self, claims: int | None = None, embedder: Any = None, nlp: Any = None,
                 trim: bool = True):
        self.claim_count = claims
        self.trim = trim
        if embedder is not None:
            self.__dict__["embedder"] = embedder
        if nlp is not None:
            self.__dict__["nlp"] = nlp

    @cached_property
    def embedder(self) -> Any:
        from summarise.models.embedder import shared_embedder

        return shared_embedder()

    @cached_property
    def nlp(self) -> Any:
        from summarise.models.nlp import shared_spacy

        return shared_spacy()

    def load(self) -> None:
        """Load both models now (so that a batch's progress bar measures articles, not loading)."""
        _ = self.embedder, self.nlp

    def summarise(self, article: Article) -> Brief:
        if not article.text.strip():
            raise InputError("the article is empty")
        require_english(article.text)
        parse_text = text_for_parsing(article.text)
        found = ranking_sentences(parse_text)
        if not found:
            raise InputError("no sentences found in the article")
        claims = rank_claims(found, self.embedder, self.claim_count)
        doc = self.nlp(parse_text)
        spans = [doc.char_span(start, end, alignment_mode="expand")
                 for start, end in headline_sources(found, claims)]
        headline = make_headline([s for s in spans if s is not None and len(s)])
        if self.trim:
            claims = [trimmed(claim, doc, article.text) for claim in claims]
        return Brief(
            source=article.source,
            headline=headline,
            claims=claims,
            quotes=extract_quotes(doc),
            model={"engine": self.engine, "embedder": self.embedder.name},
            article=article,
        )


def summarise_text(text: str, source: str = "<text>", claims: int | None = None) -> Brief:
    """Summarise one article given as a string (the Python API).

    Models are loaded on the first call and shared by later ones.
    """
    return Summariser(claims).summarise(Article(text=text, source=source))
