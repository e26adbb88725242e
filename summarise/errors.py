"""Errors a user can cause, and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes (see DESIGN.md)."""

    SUCCESS = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


class SummariseError(Exception):
    """Base class for errors that are shown to the user as one line, no traceback."""

    kind = "error"


class InputError(SummariseError):
    """An input could not be read or is not an article (empty, binary, missing…)."""

    kind = "input"


class ModelUnavailable(SummariseError):
    """A model is not installed locally and may not be downloaded."""

    kind = "model"


class OutputError(SummariseError):
    """A brief could not be written where the user asked."""

    kind = "output"


class StreamError(OutputError):
    """Standard output cannot be written (a full disk, a closed descriptor): nothing more can be
    delivered, so the run stops with this one line instead of failing every input after it."""
