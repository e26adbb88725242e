"""Article → Brief with a generative model (``--model``): same Brief, grounded claims.

The model writes the claims (and, where it takes prompts, the headline); each
claim is then grounded in the article (``summarise.grounding``) and carries its
supporting span and ``supported``. Quotes still come from the quote extractor on
the spaCy parse: a model never writes a quote.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from summarise.brief import Article, Brief
from summarise.claims import default_claim_count
from summarise.errors import InputError
from summarise.grounding import ground_claims
from summarise.headline import make_headline
from summarise.models.nlp import parse
from summarise.pipeline import Summariser, text_for_parsing
from summarise.quotes import extract_quotes
from summarise.text import sentences


class GenerativeSummariser(Summariser):
    """Claims from a seq2seq or instruct model, checked against the source."""

    def __init__(
        self,
        model: str,
        claims: int | None = None,
        prompts: Path | None = None,
        device: str = "auto",
        dtype: str = "auto",
        batch_size: int = 4,
        strict: bool = False,
        allow_download: bool = False,
        allow_pickle: bool = False,
        trust_remote_code: bool = False,
        embedder: Any = None,
        nlp: Any = None,
    ):
        super().__init__(claims, embedder=embedder, nlp=nlp)
        self.model_name = model
        self.prompts_dir = prompts
        self.device, self.dtype, self.batch_size = device, dtype, batch_size
        self.strict = strict
        self.safety = {
            "allow_download": allow_download,
            "allow_pickle": allow_pickle,
            "trust_remote_code": trust_remote_code,
        }

    @cached_property
    def prompts(self) -> Any:
        from summarise.models.prompts import load_prompts

        return load_prompts(self.prompts_dir)

    @cached_property
    def generator(self) -> Any:
        from summarise.models.resolve import SEQ2SEQ, resolve_model

        spec = resolve_model(self.model_name, **self.safety)
        if spec.kind == SEQ2SEQ:
            from summarise.models.seq2seq import Seq2SeqModel as engine
        else:
            from summarise.models.instruct import InstructModel as engine
        return engine(spec, self.device, self.dtype, self.batch_size)

    @property
    def engine(self) -> str:  # type: ignore[override]
        return self.generator.engine

    def load(self) -> None:
        """Resolve and load the model first: a missing model fails before anything slower."""
        _ = self.prompts, self.generator
        super().load()

    def summarise(self, article: Article) -> Brief:
        if not article.text.strip():
            raise InputError("the article is empty")
        parse_text = text_for_parsing(article.text)
        found = sentences(parse_text)
        if not found:
            raise InputError("no sentences found in the article")
        count = self.claim_count or default_claim_count(len(found))
        draft = self.generator.draft(article.text, count, self.prompts)
        # Grounded on the article as written: its dateline names a place the claims may use.
        claims = ground_claims(draft.claims, sentences(article.text), article.text, self.embedder)
        if self.strict:
            claims = [claim for claim in claims if claim.supported]
        doc = parse(self.nlp, parse_text)
        ordered = [c.text for c in claims if c.supported] + [c.text for c in claims if not c.supported]
        headline = draft.headline or self._compressed_headline(ordered)
        return Brief(
            source=article.source,
            headline=headline,
            claims=claims,
            quotes=extract_quotes(doc),
            model={
                "engine": self.engine,
                **self.generator.describe(),
                "chunks": draft.chunks,
                "embedder": self.embedder.name,
            },
            article=article,
        )

    def _compressed_headline(self, claims: list[str]) -> str:
        """The first claim cut to headline length by the extractive headline compressor."""
        if not claims:
            return ""
        doc = self.nlp(claims[0])
        return make_headline([sentence for sentence in doc.sents if len(sentence)])


def make_summariser(claims: int | None = None, model: str | None = None, **options: Any) -> Summariser:
    """The extractive engine by default; the generative one when a model is named."""
    if not model:
        return Summariser(claims, **options)
    return GenerativeSummariser(model, claims, **options)
