"""GGUF files, converted once to a safetensors directory in the user's cache.

transformers reads a GGUF file by de-quantizing every tensor, which costs 20-35 s
on a small CPU each time. The de-quantized model is saved once (fp32 safetensors,
tokenizer and chat template included) and every later run loads that instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from summarise.errors import ModelUnavailable

CACHE_ENV = "SUMMARISE_CACHE"


def cache_root() -> Path:
    """``$SUMMARISE_CACHE``, else ``$XDG_CACHE_HOME/summarise``, else ``~/.cache/summarise``."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "summarise"


def cache_dir_for(gguf: Path) -> Path:
    """One directory per GGUF file and version: a changed file gets a fresh conversion."""
    stat = gguf.stat()
    key = f"{gguf.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_root() / "gguf" / f"{gguf.stem}-{digest}"


def converted_gguf(gguf: Path) -> Path:
    """The safetensors directory for ``gguf``, converting it on first use."""
    target = cache_dir_for(gguf)
    if (target / "config.json").is_file():
        return target
    _check_gguf_support()
    from summarise.models import forbid_hub_downloads, quiet_transformers

    forbid_hub_downloads()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    quiet_transformers()
    folder, name = str(gguf.parent), gguf.name
    hidden_bars = os.environ.get("TQDM_DISABLE")
    os.environ["TQDM_DISABLE"] = "1"  # the de-quantizing progress bar would garble our stderr
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    except (ValueError, OSError, KeyError) as exc:
        raise ModelUnavailable(f"cannot read the GGUF file {gguf}: {exc}") from exc
    finally:
        if hidden_bars is None:
            del os.environ["TQDM_DISABLE"]
        else:
            os.environ["TQDM_DISABLE"] = hidden_bars
    # The weights are de-quantized now; drop the GGUF marker so the model saves as plain fp32.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".converting-"))
    try:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        os.replace(staging, target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not (target / "config.json").is_file():  # not a concurrent run that finished first
            raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _check_gguf_support() -> None:
    for module, package in (("gguf", "gguf"), ("accelerate", "accelerate")):
        try:
            __import__(module)
        except ImportError as exc:
            raise ModelUnavailable(
                f"reading GGUF files needs the {package} package: pip install 'summarise[gguf]'"
            ) from exc
