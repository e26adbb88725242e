"""Token-aware chunks and map-reduce, with a word count standing in for a tokenizer."""

from __future__ import annotations

import pytest

from summarise.chunking import chunk_spans, map_reduce
from summarise.errors import InputError


def word_count(text: str) -> int:
    return len(text.split())


TEXT = "\n\n".join(f"Sentence number {n} has exactly six words." for n in range(1, 11))


def test_chunks_fit_the_limit_and_cover_every_sentence() -> None:
    spans = chunk_spans(TEXT, word_count, 20)
    assert len(spans) == 5  # sentences of 7 words: two fit in 20, three would not
    assert all(word_count(span.slice(TEXT)) <= 20 for span in spans)
    covered = " ".join(span.slice(TEXT) for span in spans)
    assert covered.split() == TEXT.split()


def test_a_sentence_longer_than_the_limit_is_cut_between_words() -> None:
    text = " ".join(f"w{n}" for n in range(25)) + "."
    spans = chunk_spans(text, word_count, 10)
    assert [word_count(span.slice(text)) for span in spans] == [10, 10, 5]


def test_a_single_word_beyond_the_limit_is_an_error() -> None:
    with pytest.raises(InputError):
        chunk_spans("Unsplittable.", lambda text: 99, 10)


def test_map_reduce_summarises_partial_results_until_one_input_holds_them() -> None:
    calls: list[list[str]] = []

    def first_words(pieces: list[str]) -> list[str]:
        calls.append(pieces)
        return [" ".join(piece.split()[:3]).rstrip(".") + "." for piece in pieces]

    result, chunks = map_reduce(TEXT, first_words, word_count, 20)
    assert chunks == 5
    assert len(calls[0]) == 5 and len(calls[-1]) == 1
    assert result == "Sentence number 1."


def test_a_short_text_is_one_chunk() -> None:
    result, chunks = map_reduce("One short sentence here.", lambda pieces: ["summary"] * len(pieces), word_count, 50)
    assert (result, chunks) == ("summary", 1)
