"""Properties that hold for any input: a brief or our own input error, valid offsets, parseable JSON.

Each property is a plain ``check_*`` function over one generated value, so that
``benchmarks/fuzz.py`` can run the same checks for 10,000 examples; here each runs
a bounded number of examples to keep the suite fast.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarise.brief import Brief
from summarise.errors import InputError
from summarise.output import safe_output_path
from summarise.render import render
from summarise.sources import decode_bytes
from summarise.text import MAX_SENTENCE_CHARS, sentences

# Pieces of news copy, so that generated text reaches quotes, speakers, transcripts and datelines,
# not only the "no sentences" early exits that random characters mostly hit.
_PIECES = [
    "The", "minister", "said", "told reporters", "according to", "Reuters", "he", "she", "they",
    "Maria Lopez", "the spokesman", "Mr.", "U.S.", "on Tuesday", "5.5", "per cent", "plan",
    "would", "not", "a", "was", "approved", "“", "”", '"', "'", "‘", "’", "«", "»", "''", "``",
    ",", ".", "!", "?", ":", ";", "—", "(", ")", "\n", "\n\n", "MOSCOW (Reuters) –", "é", "😀",
    "\t", "\u00a0", "  ", "\nQ:", "\nA:", "\nA.", "\nTAPPER:", "\nFALLIN:", "interview with",
]
news_like = st.lists(st.sampled_from(_PIECES), max_size=120).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_like)
any_bytes = st.binary(max_size=2000)
long_runs = st.one_of(any_text, st.text(alphabet=" ab.\n", min_size=900, max_size=3000))
path_parts = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(["..", ".", "/", "~", "\\", ":"])))
PROPERTY_SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def check_brief(text: str) -> None:
    """``summarise_text`` gives a Brief whose spans are the article's own, or raises InputError."""
    from summarise.pipeline import summarise_text

    try:
        brief = summarise_text(text)
    except InputError:
        return
    assert isinstance(brief, Brief)
    for item in [*brief.claims, *brief.quotes]:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
    assert json.loads(render(brief, "json"))["claims"] == [c.to_dict() for c in brief.claims]
    for line in render(brief, "jsonl").rstrip("\n").split("\n"):  # JSONL lines end at \n only
        json.loads(line)


def check_decode(data: bytes) -> None:
    """Any bytes decode to newline-normalised text without NULs, or are refused as InputError."""
    try:
        text = decode_bytes(data)
    except InputError:
        return
    assert "\r" not in text and "\x00" not in text


def check_sentences(text: str) -> None:
    """Sentences are exact, ordered, bounded spans of the text."""
    previous_end = 0
    for sentence in sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end and sentence.text.strip() == sentence.text
        assert len(sentence.text) <= MAX_SENTENCE_CHARS
        previous_end = sentence.end


def check_output_name(parts: list[str]) -> None:
    """Whatever an input, URL or title is called, its output file stays inside the output directory."""
    path = safe_output_path(PurePosixPath(*parts) if parts else PurePosixPath(""), ".json")
    assert not path.is_absolute() and ".." not in path.parts and path.name.endswith(".json")
    assert all(part and not part.startswith(".") for part in path.parts)


@PROPERTY_SETTINGS
@given(any_text)
def test_any_text_gives_a_brief_or_an_input_error(text: str) -> None:
    check_brief(text)


@PROPERTY_SETTINGS
@given(any_bytes)
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    check_decode(data)


@PROPERTY_SETTINGS
@given(long_runs)
def test_sentences_are_exact_bounded_spans(text: str) -> None:
    check_sentences(text)


@PROPERTY_SETTINGS
@given(path_parts)
def test_output_names_never_escape(parts: list[str]) -> None:
    check_output_name(parts)
