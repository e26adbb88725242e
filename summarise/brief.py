"""The data that flows through the pipeline: an article in, a brief out.

These are plain dataclasses so that every renderer, the JSON contract and the
Python API share one definition of what a brief is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """Decoded article text and where it came from (a path, a URL or "-")."""

    text: str
    source: str
    title: str | None = None


@dataclass
class Claim:
    """One key claim: a span of the article (offsets into ``Article.text``)."""

    text: str
    start: int
    end: int
    score: float
    supported: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.supported is None:
            del data["supported"]
        data["score"] = round(self.score, 4)
        return data


@dataclass
class Quote:
    """A quotation or reported statement with the speaker it is attributed to.

    ``speaker`` is the resolved name, ``mention`` is how the article refers to the
    speaker at this quote ("he", "the ambassador"), ``cue`` the speech verb.
    """

    text: str
    start: int
    end: int
    speaker: str | None
    mention: str | None = None
    cue: str | None = None
    kind: str = "direct"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "mention": self.mention,
            "cue": self.cue,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Brief:
    """The summary of one article: headline, key claims and quotes."""

    source: str
    headline: str
    claims: list[Claim]
    quotes: list[Quote]
    model: dict[str, Any] = field(default_factory=dict)
    article: Article | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md (the article text itself is left out)."""
        return {
            "source": self.source,
            "headline": self.headline,
            "claims": [claim.to_dict() for claim in self.claims],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "model": dict(self.model),
        }
