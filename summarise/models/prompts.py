"""Prompt templates for instruction-tuned models, read from plain files a user can edit.

The defaults live in the project's ``prompts/`` folder; ``--prompts DIR`` overrides
any of them. Placeholders are ``{article}`` and ``{count}``, replaced literally
(an article full of braces cannot break a template).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from summarise.errors import ModelUnavailable

def _default_prompts() -> Path:
    """The project's ``prompts/`` in a source checkout, else the copy a wheel installs
    under ``<prefix>/share/summarise/prompts``."""
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    return checkout if checkout.is_dir() else Path(sys.prefix) / "share" / "summarise" / "prompts"


DEFAULT_PROMPTS = _default_prompts()
NAMES = ("claims", "headline")


@dataclass(frozen=True)
class Prompts:
    claims: str
    headline: str

    def render(self, name: str, article: str, count: int = 0) -> str:
        template: str = getattr(self, name)
        return template.replace("{count}", str(count)).replace("{article}", article)


def load_prompts(folder: Path | None = None) -> Prompts:
    """Templates from ``folder`` where it has them, else the defaults."""
    texts = {}
    for name in NAMES:
        for base in ([folder] if folder else []) + [DEFAULT_PROMPTS]:
            path = base / f"{name}.txt"
            if path.is_file():
                texts[name] = path.read_text(encoding="utf-8").strip()
                break
        else:
            raise ModelUnavailable(f"no {name}.txt prompt template in {folder or DEFAULT_PROMPTS}")
        if "{article}" not in texts[name]:
            raise ModelUnavailable(f"the {name} prompt template has no {{article}} placeholder")
    return Prompts(**texts)


_MARKER = re.compile(r"^(?:\d{1,2}\s*[.):]|\(\d{1,2}\)|[-*•·–])\s+")


def parse_list(answer: str) -> list[str]:
    """The items of a model's list answer: numbered or bulleted lines, stray prose dropped.

    When no line carries a marker, every line (split into sentences) is an item.
    """
    from summarise.text import sentences

    lines = [re.sub(r"\*\*|__", "", line).strip() for line in answer.splitlines()]
    marked = [_MARKER.sub("", line, count=1).strip() for line in lines if _MARKER.match(line)]
    items = marked or [s.text for line in lines if line and not line.endswith(":") for s in sentences(line)]
    unique: list[str] = []
    for item in items:
        if len(item.split()) >= 3 and item.lower() not in {u.lower() for u in unique}:
            unique.append(item)
    return unique


def clean_headline(answer: str) -> str:
    """The first real line of a headline answer, without labels, quotes or a final stop."""
    for line in answer.splitlines():
        line = re.sub(r"^\W*(?:headline\s*:)?", "", line.strip(), flags=re.IGNORECASE)
        line = line.strip(" \"'“”‘’*#").rstrip(".")
        if line:
            return line
    return ""
