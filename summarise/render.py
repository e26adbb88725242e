"""Briefs as rich terminal output, plain text, Markdown, JSON or JSON Lines."""

from __future__ import annotations

import json
import re
from typing import Any

from summarise.brief import Brief, Claim, Quote

FORMATS = ("rich", "text", "markdown", "json", "jsonl")
FILE_SUFFIXES = {"rich": ".txt", "text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}


def quotes_by_speaker(quotes: list[Quote]) -> list[tuple[str, list[Quote]]]:
    """Each speaker's quotes together, speakers in order of first appearance
    (a reader wants everything one person said in one place)."""
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(quote.speaker or "unattributed", []).append(quote)
    return list(groups.items())


def footer(brief: Brief) -> str:
    model = brief.model
    details = ", ".join(str(v) for k, v in model.items() if k != "engine")
    engine = model.get("engine", "?") + (f" ({details})" if details else "")
    return f"source: {brief.source} · engine: {engine}"


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def shown_claim(claim: Claim, article: str | None = None) -> str:
    """A claim as a reader sees it: "…" where a cut claim starts or ends inside its sentence,
    so that a part is never mistaken for the whole (the JSON keeps the exact span).

    Given the article's text, a claim that runs to the end of its line is whole, stop or not.
    """
    text = claim.text
    if text[:1].islower():
        text = "…" + text
    if _SENTENCE_END.search(text) or _ends_its_line(claim, article):
        return text
    return text + "…"


def _ends_its_line(claim: Claim, article: str | None) -> bool:
    if not article or article[claim.start : claim.end] != claim.text:
        return False  # a generated claim: its offsets are those of its support
    rest = article[claim.end :]
    return not rest.split("\n", 1)[0].strip()


def _article_text(brief: Brief) -> str | None:
    return brief.article.text if brief.article is not None else None


def quoted(quote: Quote) -> str:
    """A direct quote in quotation marks; reported speech marked as such, never as their words."""
    return f"“{quote.text}”" if quote.kind == "direct" else f"(reported) {quote.text}"


def to_text(brief: Brief) -> str:
    lines = [brief.headline, "=" * min(len(brief.headline), 72), "", "Key claims"]
    article = _article_text(brief)
    lines += [f"{i:>2}. {shown_claim(c, article)}{_flag(c)}" for i, c in enumerate(brief.claims, 1)]
    if brief.quotes:
        lines += ["", "Quotes"]
        for speaker, quotes in quotes_by_speaker(brief.quotes):
            for quote in quotes:
                lines.append(f"  - {speaker} — {quoted(quote)}")
    lines += ["", footer(brief)]
    return "\n".join(lines) + "\n"


def to_markdown(brief: Brief) -> str:
    lines = [f"# {_plain(brief.headline)}", "", "## Key claims", ""]
    article = _article_text(brief)
    lines += [f"{i}. {_plain(shown_claim(c, article))}{_flag(c)}" for i, c in enumerate(brief.claims, 1)]
    if brief.quotes:
        lines += ["", "## Quotes", ""]
        for speaker, quotes in quotes_by_speaker(brief.quotes):
            for quote in quotes:
                lines.append(f"- **{_plain(speaker)}** — {_plain(quoted(quote))}")
    lines += ["", f"_{footer(brief)}_"]
    return "\n".join(lines) + "\n"


def _plain(text: str) -> str:
    """The article's words as they are, not as Markdown: "__Plan_B__" or "<b>" in a claim must
    not turn bold or into markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _flag(claim: Any) -> str:
    return " [unsupported]" if claim.supported is False else ""


# Line ends for some splitters (Python's str.splitlines among them) that json.dumps leaves
# as they are: escaped, so one JSON Lines record is always one line for every reader.
_LINE_BREAKING = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def to_json(brief: Brief | dict[str, Any], indent: int | None = 2) -> str:
    data = brief.to_dict() if isinstance(brief, Brief) else brief
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_LINE_BREAKING)


def error_record(source: str, error: Exception) -> dict[str, Any]:
    """How a failed input appears in JSON / JSON Lines output."""
    return {"source": source, "error": {"type": getattr(error, "kind", "error"), "message": str(error)}}


def render(brief: Brief, fmt: str) -> str:
    """The brief in a file-friendly format (rich falls back to plain text)."""
    if fmt == "json":
        return to_json(brief) + "\n"
    if fmt == "jsonl":
        return to_json(brief, indent=None) + "\n"
    if fmt == "markdown":
        return to_markdown(brief)
    return to_text(brief)


def rich_brief(brief: Brief) -> Any:
    """A rich renderable: the headline, numbered claims, quotes by speaker, then the footer."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    claims = Table.grid(padding=(0, 1))
    claims.add_column(justify="right", style="bold cyan")
    claims.add_column()
    for number, claim in enumerate(brief.claims, 1):
        body = Text(shown_claim(claim, _article_text(brief)))
        if claim.supported is False:
            body.append(" [unsupported]", style="bold red")
        claims.add_row(f"{number}.", body)
    parts: list[Any] = [
        Text(brief.headline, style="bold"), Rule(style="blue"), Text("Key claims", style="bold"), claims,
    ]
    if brief.quotes:
        parts += [Text(""), Text("Quotes", style="bold")]
        for speaker, quotes in quotes_by_speaker(brief.quotes):
            parts.append(Text(speaker, style="bold magenta"))
            lines = Table.grid(padding=(0, 1))
            lines.add_column(style="dim")
            lines.add_column()
            for quote in quotes:
                lines.add_row("  —", Text(quoted(quote), style="italic" if quote.kind == "direct" else "dim"))
            parts.append(lines)
    return Group(
        Panel(Group(*parts), border_style="blue"),
        Text(footer(brief), style="dim"),
    )
