"""What the seq2seq and instruct engines share: loading safely, counting tokens, generating.

A subclass names its transformers auto class and its input limit; inputs longer
than that limit are never passed in (the chunker keeps them within it), so
nothing is truncated behind the user's back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarise.errors import ModelUnavailable, SummariseError
from summarise.models.device import pick_device, pick_dtype
from summarise.models.resolve import ModelSpec

# Sizes above this are tokenizer placeholders for "no limit", not real limits.
_NO_LIMIT = 100_000


@dataclass
class Draft:
    """What a model wrote for one article, before grounding."""

    claims: list[str]
    headline: str | None
    chunks: int


class Generator:
    """A local model and its tokenizer, loaded once, generating greedily in batches."""

    auto_class = "AutoModel"
    padding_side = "right"

    def __init__(self, spec: ModelSpec, device: str = "auto", dtype: str = "auto", batch_size: int = 4):
        from summarise.models import forbid_hub_downloads, quiet_transformers

        forbid_hub_downloads()
        import torch
        import transformers

        quiet_transformers()
        self._torch = torch
        self.spec = spec
        self.batch_size = batch_size
        self.device = pick_device(device)
        self.dtype = pick_dtype(dtype, self.device)
        options: dict[str, Any] = {"local_files_only": True, "trust_remote_code": spec.trust_remote_code}
        try:
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(str(spec.path), **options)
            model_class = getattr(transformers, self.auto_class)
            self.model = model_class.from_pretrained(
                str(spec.path), use_safetensors=spec.use_safetensors, dtype=self.dtype, **options
            ).to(self.device).eval()
        except (OSError, ValueError) as exc:
            raise ModelUnavailable(f"model {spec.name!r} could not be loaded: {exc}") from exc
        self.tokenizer.padding_side = self.padding_side
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token

    @property
    def input_limit(self) -> int:
        """How many tokens the model reads at once."""
        config = self.model.config
        limits = [
            getattr(config, name, None)
            for name in ("max_encoder_position_embeddings", "max_position_embeddings", "n_positions")
        ]
        limits.append(self.tokenizer.model_max_length)
        real = [int(limit) for limit in limits if isinstance(limit, int) and 0 < limit < _NO_LIMIT]
        return min(real) if real else 512

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def describe(self) -> dict[str, Any]:
        return {"name": self.spec.name, "device": self.device, "dtype": str(self.dtype).removeprefix("torch.")}

    def generate(self, inputs: list[str], max_new_tokens: int, add_special_tokens: bool = True) -> list[str]:
        """Greedy continuations of ``inputs``, ``batch_size`` at a time."""
        torch = self._torch
        outputs: list[str] = []
        for first in range(0, len(inputs), self.batch_size):
            batch = inputs[first : first + self.batch_size]
            encoded = self.tokenizer(
                batch, return_tensors="pt", padding=True, add_special_tokens=add_special_tokens
            ).to(self.device)
            if encoded["input_ids"].shape[1] > self.input_limit:
                raise SummariseError(
                    f"an input of {encoded['input_ids'].shape[1]} tokens exceeds the model's "
                    f"limit of {self.input_limit}"
                )
            with torch.inference_mode():
                generated = self.model.generate(
                    **encoded, max_new_tokens=max_new_tokens, do_sample=False,
                    pad_token_id=self.tokenizer.pad_token_id,
                )
            outputs += self.tokenizer.batch_decode(
                self._new_tokens(generated, encoded["input_ids"].shape[1]), skip_special_tokens=True
            )
        return [text.strip() for text in outputs]

    def _new_tokens(self, generated: Any, prompt_length: int) -> Any:
        """The generated tokens only (an encoder-decoder's output has no prompt in it)."""
        return generated
