"""Renderers: what each format shows, and the JSON contract."""

from __future__ import annotations

import io
import json

from rich.console import Console

from summarise.brief import Brief, Claim, Quote
from summarise.render import error_record, quotes_by_speaker, render, rich_brief

BRIEF = Brief(
    source="news/a.txt",
    headline="Port strike halts container traffic",
    claims=[Claim("Dock workers walked out.", 0, 24, 0.91234), Claim("Ships wait.", 25, 36, 0.5)],
    quotes=[
        Quote("We had no choice.", 40, 57, "Marieke de Vries", "union negotiator Marieke de Vries", "told"),
        Quote("They want robots.", 60, 77, "Marieke de Vries", "she", "said"),
        Quote("Automation is needed.", 80, 101, "Pieter Bakker", "its chairman", "said"),
    ],
    model={"engine": "extractive", "embedder": "all-MiniLM-L6-v2"},
)


def test_json_follows_the_contract() -> None:
    data = json.loads(render(BRIEF, "json"))
    assert list(data) == ["source", "headline", "claims", "quotes", "model"]
    assert data["claims"][0] == {"text": "Dock workers walked out.", "start": 0, "end": 24, "score": 0.9123}
    assert data["quotes"][0] == {
        "text": "We had no choice.", "speaker": "Marieke de Vries",
        "mention": "union negotiator Marieke de Vries", "cue": "told", "kind": "direct",
        "start": 40, "end": 57,
    }
    assert data["model"] == {"engine": "extractive", "embedder": "all-MiniLM-L6-v2"}


def test_jsonl_is_one_line() -> None:
    line = render(BRIEF, "jsonl")
    assert line.endswith("\n") and line.count("\n") == 1 and json.loads(line)["source"] == "news/a.txt"


def test_generated_claims_carry_supported() -> None:
    brief = Brief("x", "h", [Claim("c", 0, 1, 0.1, supported=False)], [])
    assert json.loads(render(brief, "json"))["claims"][0]["supported"] is False
    assert "[unsupported]" in render(brief, "text")


def test_text_and_markdown_show_every_part() -> None:
    text = render(BRIEF, "text")
    assert text.startswith("Port strike halts container traffic\n")
    assert " 1. Dock workers walked out." in text and " 2. Ships wait." in text
    assert "Pieter Bakker — “Automation is needed.”" in text
    assert "source: news/a.txt" in text and "all-MiniLM-L6-v2" in text
    markdown = render(BRIEF, "markdown")
    assert markdown.startswith("# Port strike halts container traffic\n")
    assert "1. Dock workers walked out." in markdown and "**Pieter Bakker**" in markdown


def test_quotes_are_grouped_by_speaker_in_order() -> None:
    groups = quotes_by_speaker(BRIEF.quotes)
    assert [(speaker, len(quotes)) for speaker, quotes in groups] == [
        ("Marieke de Vries", 2), ("Pieter Bakker", 1)
    ]


def test_rich_brief_renders_headline_claims_and_quotes() -> None:
    out = io.StringIO()
    Console(file=out, width=100, color_system=None).print(rich_brief(BRIEF))
    screen = out.getvalue()
    for expected in ["Port strike halts container traffic", "1.", "Dock workers walked out.",
                     "Marieke de Vries", "“They want robots.”", "source: news/a.txt"]:
        assert expected in screen


def test_error_record() -> None:
    from summarise.errors import InputError

    assert error_record("a.png", InputError("binary file: a PNG image")) == {
        "source": "a.png", "error": {"type": "input", "message": "binary file: a PNG image"}
    }


def test_jsonl_stays_one_line_for_every_line_splitter() -> None:
    text = "Line\u2028separator, next\u0085line and form\x0cfeed."
    brief = Brief("x", "h", [Claim(text, 0, len(text), 0.5)], [])
    line = render(brief, "jsonl")
    assert len(line.splitlines()) == 1
    assert json.loads(line)["claims"][0]["text"] == text


def test_reported_speech_is_never_shown_in_quotation_marks() -> None:
    brief = Brief("x", "h", [], [Quote("prices would rise", 0, 17, "Maersk", "Maersk", "said", "reported")])
    assert "Maersk — (reported) prices would rise" in render(brief, "text")
    assert "“" not in render(brief, "markdown")


def test_a_cut_claim_is_shown_with_ellipses_and_kept_exact_in_json() -> None:
    cut = Claim("farmers began selling their grain abroad", 30, 70, 0.8)
    brief = Brief(source="a.txt", headline="Grain", claims=[cut, Claim("Prices rose.", 71, 83, 0.5)],
                  quotes=[], model={"engine": "extractive"})
    assert "1. …farmers began selling their grain abroad…" in render(brief, "text")
    assert "2. Prices rose.\n" in render(brief, "markdown")
    assert "…farmers began selling their grain abroad…" in render(brief, "rich")
    assert json.loads(render(brief, "json"))["claims"][0]["text"] == cut.text


def test_a_claim_that_is_a_whole_line_gets_no_ellipsis() -> None:
    from summarise.brief import Article

    text = "Officials closed the road at noon\n\nShips wait in the North Sea, waiting for a berth."
    whole = Claim("Officials closed the road at noon", 0, 33, 0.9)
    cut = Claim("Ships wait in the North Sea", 35, 62, 0.5)
    brief = Brief(source="a.txt", headline="Road closed", claims=[whole, cut], quotes=[],
                  model={"engine": "extractive"}, article=Article(text, "a.txt"))
    shown = render(brief, "text")
    assert " 1. Officials closed the road at noon\n" in shown
    assert " 2. Ships wait in the North Sea…\n" in shown


def test_markdown_shows_the_articles_characters_not_markup() -> None:
    """A claim's "__Plan_B__" or "<b>" is the article's text: in Markdown it is escaped, so it
    neither turns bold nor becomes a tag; text output stays as written."""
    brief = Brief("x", "The *new* policy", [Claim("Officials called it __Plan_B__ <b>now</b>.", 0, 44, 0.5)], [])
    markdown = render(brief, "markdown")
    assert "# The \\*new\\* policy\n" in markdown
    assert "1. Officials called it \\_\\_Plan\\_B\\_\\_ \\<b\\>now\\</b\\>.\n" in markdown
    assert "__Plan_B__ <b>now</b>" in render(brief, "text")
