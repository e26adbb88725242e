"""Article → Brief with the default extractive engine.

Models are loaded once, on first use, and reused for every article of a run.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from summarise.boilerplate import content_sentences, is_boilerplate
from summarise.brief import Article, Brief, Claim
from summarise.claims import rank_claims
from summarise.errors import InputError
from summarise.headline import MAX_WORDS, headline_sources, make_headline
from summarise.language import require_english, require_sentence
from summarise.models.nlp import parse
from summarise.quotes import extract_quotes
from summarise.text import Sentence, Span, dateline_end, paragraphs, sentences
from summarise.trimming import trim_claim


# Markdown marks that open a paragraph: "# Heading", "> quoted" (a dash stays: "- Sanders." signs a quote).
_MARKDOWN_LEAD = re.compile(r"(?:#{1,6}[ \t]+|>[ \t]*)")
# "*By Staff Reporter*", "**Updated 3 June**": emphasis around a whole paragraph.
_MARKDOWN_WRAP = re.compile(r"([*_]{1,3})(?=\S)(.*\S)\1$")
_CLOSING_PUNCTUATION = re.compile(r"[.!?…:;,][\"'”’)\]]*$")  # a title ends with none
FRONT_MATTER_PARAGRAPHS = 5  # title, deck, byline, timestamp… before the lead paragraph
TITLE_MAX_WORDS = 25
MIN_HEADLINE_WORDS = 3


def text_for_parsing(text: str) -> str:
    """The article with its markup and opening dateline blanked out, offsets unchanged.

    "MOSCOW (Reuters) –" would otherwise become the subject of the first "said". The
    dateline opens the lead paragraph, which may come after a title, a byline and a
    timestamp. Markdown's heading and block-quote marks at a paragraph's start, and
    emphasis around a whole paragraph, are blanked too ("# Port strike" is a title,
    not a sentence beginning with "#").
    """
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    spans = paragraphs(text)
    for span in spans:
        lead = _MARKDOWN_LEAD.match(text, span.start, span.end)
        start = lead.end() if lead else span.start
        if lead:
            blank(span.start, start)
            if text[span.start] == "#":  # a closing "## " run
                closing = re.search(r"[ \t]#+$", text[start : span.end])
                if closing:
                    blank(start + closing.start(), span.end)
        wrap = _MARKDOWN_WRAP.match(text, start, span.end)
        if wrap:
            marks = len(wrap.group(1))
            blank(start, start + marks)
            blank(span.end - marks, span.end)
    cleaned = "".join(chars)
    for span in paragraphs(cleaned)[:FRONT_MATTER_PARAGRAPHS]:
        end = dateline_end(cleaned, span.start)
        if end > span.start:
            if not _opens_a_transcript(cleaned, span.start, end):
                blank(span.start, end)
            break
        if not is_front_matter(cleaned[span.start : span.end]):
            break
    return "".join(chars)


def _opens_a_transcript(text: str, start: int, end: int) -> bool:
    """"TAPPER: Do you …" is a speaker's label, not a dateline ("PARIS: "), where the same
    label opens another line of the article."""
    label = text[start:end].strip()
    return label.endswith(":") and re.search(rf"^{re.escape(label)}[ \t]", text[end:], re.M) is not None


def is_front_matter(paragraph: str) -> bool:
    """A title, deck, byline or timestamp: what stands above the lead paragraph."""
    if is_boilerplate(paragraph):
        return True
    return len(paragraph.split()) <= TITLE_MAX_WORDS and not _CLOSING_PUNCTUATION.search(paragraph)


def title_span(parse_text: str) -> Span | None:
    """The article's title: its first paragraph, when that is one line with no full stop
    ("Wildfire forces thousands to flee homes") and the article goes on after it.

    It is where the headline comes from, and it is not a claim: the claims are what the
    article says under it.
    """
    spans = paragraphs(parse_text)
    if len(spans) < 2:
        return None
    first = parse_text[spans[0].start : spans[0].end]
    if is_boilerplate(first) or not is_front_matter(first) or not re.search(r"[^\W\d_]", first):
        return None
    if len(sentences(parse_text, spans[0].start, spans[0].end)) != 1:
        return None
    return spans[0]


def page_title(title: str) -> str:
    """An HTML title without the site's name: "Port strike: workers walk out | The Daily Wire"."""
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+|\s+[-–—]\s+(?=[^-–—]*$)", title) if p.strip()]
    if not parts:
        return ""
    return max(parts, key=lambda p: len(p.split()))


def title_headline(title: str) -> str:
    """A title short enough to be the headline as it stands (one line, at most ``MAX_WORDS``)."""
    line = " ".join(title.split()).strip(" .")
    words = line.split()
    if not MIN_HEADLINE_WORDS <= len(words) <= MAX_WORDS or not re.search(r"[^\W\d_]", line):
        return ""
    return line[:1].upper() + line[1:]


def ranking_sentences(parse_text: str) -> list[Sentence]:
    """The sentences claims are ranked from: title and boilerplate removed, unless that leaves nothing."""
    title = title_span(parse_text)
    found = content_sentences(parse_text) or sentences(parse_text)
    if title is not None:
        found = [s for s in found if s.start >= title.end] or found
    return found


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
        require_sentence(article.text)
        parse_text = text_for_parsing(article.text)
        found = ranking_sentences(parse_text)
        if not found:
            raise InputError("no sentences found in the article")
        claims = rank_claims(found, self.embedder, self.claim_count)
        doc = parse(self.nlp, parse_text)
        sources = headline_sources(found, claims)
        title = title_span(parse_text)
        if title is not None:
            sources.insert(0, (title.start, title.end))
        spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in sources]
        spans = [s for s in spans if s is not None and len(s)]
        given = page_title(article.title or "")  # an HTML page's <title> or <h1>
        if given:
            spans.insert(0, self.nlp(given)[:])
        elif title is not None:
            given = parse_text[title.start : title.end]
        headline = title_headline(given) or make_headline(spans)
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
