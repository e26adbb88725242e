"""Model calls for many articles at once.

Embedding the sentences of a chunk of articles in one sorted batch and parsing
them with ``nlp.pipe`` is faster than one article at a time, and the two run
side by side (torch releases the GIL while spaCy parses), so one process keeps
both cores busy. The results are
handed to the unchanged per-article pipeline through two stand-ins that answer
from what was computed up front and fall back to the real model for anything
else, so batching can never change a brief.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable

from summarise.brief import Article
from summarise.claims import is_candidate
from summarise.models.nlp import PARSE_CHARS
from summarise.pipeline import ranking_sentences, text_for_parsing

PIPE_BATCH = 16


class PrecomputedEncoder:
    """An encoder that answers from vectors embedded in advance."""

    def __init__(self, encoder: Any, texts: Iterable[str]):
        import numpy as np

        self._np = np
        self.encoder = encoder
        self.name = encoder.name
        unique = sorted(set(texts), key=len)  # similar lengths share a batch: little padding
        vectors = encoder.encode(unique) if unique else []
        self.vectors = dict(zip(unique, vectors))

    def encode(self, texts: list[str]) -> Any:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.encoder.encode(missing)))
        if not texts:
            return self.encoder.encode([])
        return self._np.stack([self.vectors[t] for t in texts])


class PrecomputedParser:
    """A spaCy stand-in that returns docs parsed in advance with ``nlp.pipe``."""

    def __init__(self, nlp: Any, texts: list[str]):
        self.nlp = nlp
        short = [text for text in texts if len(text) <= PARSE_CHARS]  # a long one is parsed in pieces (``parse``)
        self.docs = dict(zip(short, nlp.pipe(short, batch_size=PIPE_BATCH)))

    def __call__(self, text: str) -> Any:
        doc = self.docs.pop(text, None)
        return doc if doc is not None else self.nlp(text)


def prepare(summariser: Any, articles: list[Article]) -> Any:
    """A summariser for this chunk whose models answer from bulk calls.

    Engines without an embedder and a parser (the generative ones) are returned as they are.
    """
    from summarise.pipeline import Summariser

    if type(summariser) is not Summariser or not articles:
        return summariser
    parse_texts = [text_for_parsing(a.text) for a in articles]
    sentence_texts = [s.text for text in parse_texts for s in ranking_sentences(text) if is_candidate(s)]
    with ThreadPoolExecutor(1) as background:
        encoder = background.submit(PrecomputedEncoder, summariser.embedder, sentence_texts)
        parser = PrecomputedParser(summariser.nlp, parse_texts)
        return Summariser(summariser.claim_count, embedder=encoder.result(), nlp=parser,
                          trim=summariser.trim)
