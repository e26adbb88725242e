"""summarise: a headline, the key claims and the attributed quotes of a news article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Brief", "Claim", "Quote", "summarise_text", "__version__"]

from summarise.brief import Article, Brief, Claim, Quote

if TYPE_CHECKING:
    from summarise.pipeline import summarise_text


def __getattr__(name: str) -> Any:
    # The pipeline imports the model code paths; load it only when asked for.
    if name == "summarise_text":
        from summarise.pipeline import summarise_text

        return summarise_text
    raise AttributeError(name)
