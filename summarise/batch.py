"""Summarising many inputs: one bad file never stops the rest.

Models are loaded once; each input is read, summarised and written before the
next; failures are reported per input and counted for the exit code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

from summarise.brief import Article, Brief
from summarise.errors import SummariseError
from summarise.sources import Source


class Sink(Protocol):
    def target(self, source: Source) -> Any: ...
    def exists(self, target: Any) -> bool: ...
    def brief(self, target: Any, brief: Brief) -> None: ...
    def error(self, source: str, error: Exception) -> None: ...
    def close(self) -> None: ...


@dataclass
class BatchReport:
    summarised: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        """The closing line: "12 summarised, 1 failed, 3 skipped in 4.1 s (2.9 articles/s)"."""
        parts = [f"{self.summarised} summarised", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        rate = self.summarised / self.elapsed if self.elapsed > 0 else 0.0
        return f"{', '.join(parts)} in {self.elapsed:.1f} s ({rate:.1f} articles/s)"


def run_batch(
    items: Iterable[Source | SummariseError],
    read: Callable[[Source], Article],
    summarise: Callable[[Article], Brief],
    sink: Sink,
    report_error: Callable[[str, Exception], None],
    skip_existing: bool = False,
    advance: Callable[[str], None] = lambda name: None,
) -> BatchReport:
    """Summarise every item into ``sink``; errors go to ``report_error`` and the sink."""
    report = BatchReport()
    for item in items:
        if isinstance(item, SummariseError):
            name = getattr(item, "source", "?")
            _fail(report, sink, report_error, name, item)
            advance(name)
            continue
        target = sink.target(item)
        if skip_existing and sink.exists(target):
            report.skipped += 1
            advance(item.name)
            continue
        try:
            brief = summarise(read(item))
            sink.brief(target, brief)
        except SummariseError as error:
            _fail(report, sink, report_error, item.name, error)
        else:
            report.summarised += 1
        advance(item.name)
    sink.close()
    return report


def _fail(report: BatchReport, sink: Sink, report_error: Callable[[str, Exception], None],
          name: str, error: SummariseError) -> None:
    report.failed += 1
    report_error(name, error)
    sink.error(name, error)
