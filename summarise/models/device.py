"""Which device and precision a generative model runs on."""

from __future__ import annotations

from typing import Any

from summarise.errors import ModelUnavailable

DEVICES = ("auto", "cpu", "cuda", "mps")
DTYPES = ("auto", "float32", "bfloat16", "float16")


def pick_device(name: str = "auto") -> str:
    """``auto`` takes CUDA when present, then Apple's MPS, else the CPU."""
    import torch

    cuda = torch.cuda.is_available()
    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    if name == "auto":
        return "cuda" if cuda else "mps" if mps else "cpu"
    if (name == "cuda" and not cuda) or (name == "mps" and not mps):
        raise ModelUnavailable(f"--device {name} was asked for, but torch sees no {name} device here")
    return name


def pick_dtype(name: str, device: str) -> Any:
    """``auto`` is fp32 on the CPU (bf16 prefill is ~5x slower there), bf16 on a GPU that
    has it, else fp16."""
    import torch

    if name != "auto":
        return getattr(torch, name)
    if device == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32
