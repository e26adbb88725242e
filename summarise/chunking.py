"""Long articles for models with a short input: token-aware chunks, then map-reduce.

Chunks are runs of whole sentences (a sentence too long on its own is cut
between words) that fit the model's input limit, so every word of the article
reaches the model. The partial results are then combined and summarised again
until one input holds them all.
"""

from __future__ import annotations

import re
from typing import Callable

from summarise.errors import InputError, SummariseError
from summarise.text import Span, sentences

TokenCounter = Callable[[str], int]
MAX_REDUCE_ROUNDS = 6


def chunk_spans(text: str, count_tokens: TokenCounter, limit: int) -> list[Span]:
    """Consecutive spans of ``text`` that together hold all its sentences, each within ``limit``."""
    units: list[Span] = []
    for sentence in sentences(text):
        span = Span(sentence.start, sentence.end)
        units += [span] if count_tokens(span.slice(text)) <= limit else _words(text, span, count_tokens, limit)
    chunks: list[Span] = []
    for unit in units:
        if chunks and count_tokens(text[chunks[-1].start : unit.end]) <= limit:
            chunks[-1] = Span(chunks[-1].start, unit.end)
        else:
            chunks.append(unit)
    return chunks


def _words(text: str, span: Span, count_tokens: TokenCounter, limit: int) -> list[Span]:
    """A sentence longer than the limit, cut between words."""
    pieces: list[Span] = []
    for match in re.finditer(r"\S+", text[span.start : span.end]):
        word = Span(span.start + match.start(), span.start + match.end())
        if count_tokens(word.slice(text)) > limit:
            raise InputError(f"a single word of {len(word.slice(text))} characters exceeds the model's input")
        if pieces and count_tokens(text[pieces[-1].start : word.end]) <= limit:
            pieces[-1] = Span(pieces[-1].start, word.end)
        else:
            pieces.append(word)
    return pieces


def map_reduce(
    text: str,
    step: Callable[[list[str]], list[str]],
    count_tokens: TokenCounter,
    limit: int,
) -> tuple[str, int]:
    """Run ``step`` on every chunk, then on the joined results until they fit one input.

    Returns the final output and how many chunks the article was read in. ``step``
    must write less than a quarter of ``limit`` per input, so each round shrinks.
    """
    pieces = [span.slice(text) for span in chunk_spans(text, count_tokens, limit)]
    if not pieces:
        raise InputError("no sentences found in the article")
    chunk_count = len(pieces)
    for _ in range(MAX_REDUCE_ROUNDS):
        outputs = step(pieces)
        if len(outputs) == 1:
            return outputs[0], chunk_count
        combined = "\n".join(output for output in outputs if output)
        pieces = [span.slice(combined) for span in chunk_spans(combined, count_tokens, limit)] or [combined]
    raise SummariseError(f"the partial summaries did not fit the model's input after {MAX_REDUCE_ROUNDS} rounds")
