"""Loading the models the engines need, offline.

Heavy libraries (torch, transformers, spaCy) are imported inside the loaders so
that ``summarise --help`` and usage errors stay fast.
"""

from __future__ import annotations

import os


def forbid_hub_downloads() -> None:
    """Make any accidental hub access fail fast instead of hanging on a closed network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def quiet_transformers() -> None:
    """Hide transformers' progress bars and warnings, which would corrupt our stderr."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
