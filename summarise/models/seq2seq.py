"""Encoder-decoder summarisers (BART, PEGASUS, T5/FLAN-T5, LED) through ``generate``.

transformers 5 has no summarization pipeline, so the model is called directly.
The summary's sentences become the claims. T5-style models take instructions,
so they also get the headline prompt; for the others the caller compresses the
first claim into a headline.
"""

from __future__ import annotations

from typing import Any

from summarise.chunking import map_reduce
from summarise.models.generation import Draft, Generator
from summarise.models.prompts import Prompts, clean_headline
from summarise.text import sentences

SUMMARY_TOKENS = 142
HEADLINE_TOKENS = 24
PROMPT_FAMILIES = {"t5", "mt5", "umt5", "longt5"}


class Seq2SeqModel(Generator):
    auto_class = "AutoModelForSeq2SeqLM"
    engine = "seq2seq"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        params = getattr(self.model.config, "task_specific_params", None) or {}
        self.prefix = params.get("summarization", {}).get("prefix", "")
        self.takes_prompts = self.model.config.model_type in PROMPT_FAMILIES

    @property
    def budget(self) -> int:
        """Tokens of article text per input: the limit less the end-of-sequence token and prefix."""
        return self.input_limit - self.count_tokens(self.prefix) - 2

    def summarise(self, texts: list[str]) -> list[str]:
        # A quarter of the input at most, so that map-reduce always converges.
        limit = min(SUMMARY_TOKENS, self.input_limit // 4)
        return self.generate([self.prefix + text for text in texts], limit)

    def draft(self, text: str, count: int, prompts: Prompts) -> Draft:
        summary, chunks = map_reduce(text, self.summarise, self.count_tokens, self.budget)
        claims = [s.text for s in sentences(summary)][:count]
        headline = None
        if self.takes_prompts:
            prompt = prompts.render("headline", text)
            if self.count_tokens(prompt) + 2 > self.input_limit:
                prompt = prompts.render("headline", summary)
            headline = clean_headline(self.generate([prompt], HEADLINE_TOKENS)[0])
        return Draft(claims, headline or None, chunks)
