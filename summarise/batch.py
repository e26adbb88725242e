"""Summarising many inputs: streamed, in order, resumable, one bad file never stops the rest.

Inputs are taken in chunks. Each chunk is read and summarised together (bulk
model calls, see ``bulk.py``), in this process or in worker processes
(``jobs > 1``), and its briefs are written in input order as soon as the chunk
and all before it are done. Only a bounded window of chunks is in flight, so
memory does not grow with the number of inputs.
"""

from __future__ import annotations

import signal
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Protocol

from summarise.brief import Article, Brief
from summarise.errors import SummariseError
from summarise.sources import Source

CHUNK_SIZE = 8
WINDOW_PER_JOB = 2  # chunks queued per worker: enough to keep it busy, no more


class Sink(Protocol):
    def target(self, source: Source) -> Any: ...
    def exists(self, target: Any) -> bool: ...
    def brief(self, target: Any, brief: Brief) -> None: ...
    def error(self, source: str, error: Exception) -> None: ...
    def close(self) -> None: ...


class InternalError(SummariseError):
    """A bug met on one input; reported like an input error so the batch goes on."""

    kind = "internal"


@dataclass
class BatchReport:
    summarised: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False
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
        head = "interrupted: " if self.interrupted else ""
        return f"{head}{', '.join(parts)} in {self.elapsed:.1f} s ({rate:.1f} articles/s)"


@dataclass
class Reader:
    """How sources are read (picklable, so worker processes can read their own inputs)."""

    max_chars: int
    timeout: float

    def __call__(self, source: Source | Article) -> Article:
        from summarise.sources import read_source

        return source if isinstance(source, Article) else read_source(source, None, self.max_chars, self.timeout)


Outcome = Brief | SummariseError


def summarise_chunk(summariser: Any, read: Callable[[Source | Article], Article],
                    items: list[Source | Article]) -> list[Outcome]:
    """Read and summarise a chunk; each input's failure is its own outcome."""
    from summarise.bulk import prepare

    articles: list[Article | SummariseError] = []
    for item in items:
        articles.append(_guard(lambda: read(item)))
    readable = [a for a in articles if isinstance(a, Article)]
    chunk_summariser = _guard(lambda: prepare(summariser, readable))
    if isinstance(chunk_summariser, SummariseError):  # fall back to one at a time
        chunk_summariser = summariser
    return [a if isinstance(a, SummariseError) else _guard(lambda: chunk_summariser.summarise(a))
            for a in articles]


def _guard(call: Callable[[], Any]) -> Any:
    """Run ``call``; an error becomes a value, a bug an InternalError with its traceback."""
    try:
        return call()
    except SummariseError as error:
        return error
    except Exception as error:  # noqa: BLE001 — one article's bug must not end the batch
        internal = InternalError(f"internal error ({type(error).__name__}: {error}); --debug shows where")
        internal.details = "".join(traceback.format_exception(error))  # type: ignore[attr-defined]
        return internal


# Worker processes: the summariser is built once per worker, from a picklable factory.
_worker: dict[str, Any] = {}


def start_worker(factory: Callable[[], Any], read: Reader) -> None:
    """Set up a worker process (or a Ray actor): its own models, one core, no Ctrl-C of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        import torch

        torch.set_num_threads(1)  # one core per worker
    except ImportError:
        pass
    _worker["read"] = read
    try:
        summariser = factory()
        summariser.load()
        _worker["summariser"] = summariser
    except SummariseError as error:  # reported with each input instead of killing the pool
        _worker["failure"] = error


def work_on_chunk(items: list[Source | Article]) -> list[Outcome]:
    """Summarise a chunk with this worker's models (see ``start_worker``)."""
    if "failure" in _worker:
        return [_worker["failure"]] * len(items)
    return summarise_chunk(_worker["summariser"], _worker["read"], items)


class StopFlag:
    """Set by the first Ctrl-C (or SIGTERM): finish what is in hand, write it, stop."""

    def __init__(self) -> None:
        self.signal: int | None = None

    def __bool__(self) -> bool:
        return self.signal is not None


def run_batch(
    items: Iterable[Source | SummariseError],
    summariser: Any,
    read: Reader,
    sink: Sink,
    report_error: Callable[[str, Exception], None],
    skip_existing: bool = False,
    advance: Callable[[int], None] = lambda count: None,
    jobs: int = 1,
    factory: Callable[[], Any] | None = None,
    stop: StopFlag | None = None,
    stdin_reader: Callable[[Source], Article] | None = None,
    execute: Executor | None = None,
) -> BatchReport:
    """Summarise every item into ``sink``, in order; errors go to ``report_error`` and the sink.

    ``execute``, when given, summarises the chunks elsewhere (e.g. on a Ray cluster, see
    ``ray_batch.py``) and yields them back in input order."""
    report = BatchReport()
    stop = StopFlag() if stop is None else stop
    chunks = _chunks(items, report, sink, report_error, skip_existing, advance, stdin_reader)
    if execute is not None:
        results = execute(chunks, stop)
    elif jobs > 1 and factory is not None:
        results = _in_workers(chunks, factory, read, jobs, stop)
    else:
        results = ((chunk, summarise_chunk(summariser, read, chunk_items(chunk))) for chunk in _until(chunks, stop))
    for chunk, outcomes in results:
        for (name, _, target), outcome in zip(chunk, outcomes):
            if isinstance(outcome, SummariseError):
                _fail(report, sink, report_error, name, outcome)
            else:
                try:
                    sink.brief(target, outcome)
                    report.summarised += 1
                except SummariseError as error:
                    _fail(report, sink, report_error, name, error)
        advance(len(chunk))
    report.interrupted = bool(stop)
    sink.close()
    return report


Chunk = list[tuple[str, Source | Article, Any]]
Executor = Callable[[Iterator[Chunk], StopFlag], Iterator[tuple[Chunk, list[Outcome]]]]


def _chunks(items: Iterable[Source | SummariseError], report: BatchReport, sink: Sink,
            report_error: Callable[[str, Exception], None], skip_existing: bool,
            advance: Callable[[int], None], stdin_reader: Callable[[Source], Article] | None,
            ) -> Iterator[Chunk]:
    """Chunks of (name, source or article, output target), after errors and skips are settled."""
    chunk: Chunk = []
    for item in items:
        if isinstance(item, SummariseError):
            _fail(report, sink, report_error, getattr(item, "source", "?"), item)
            advance(1)
            continue
        target = sink.target(item)
        if skip_existing and sink.exists(target):
            report.skipped += 1
            advance(1)
            continue
        work: Source | Article = item
        if item.kind == "stdin" and stdin_reader is not None:  # only this process has our stdin
            article = _guard(lambda: stdin_reader(item))
            if isinstance(article, SummariseError):
                _fail(report, sink, report_error, item.name, article)
                advance(1)
                continue
            work = article
        chunk.append((item.name, work, target))
        if len(chunk) == CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunk_items(chunk: Chunk) -> list[Source | Article]:
    """What a chunk hands to ``summarise_chunk``: its sources (or stdin's article), in order."""
    return [item for _, item, _ in chunk]


def _until(chunks: Iterator[Chunk], stop: StopFlag) -> Iterator[Chunk]:
    for chunk in chunks:
        if stop:
            return
        yield chunk


def _in_workers(chunks: Iterator[Chunk], factory: Callable[[], Any], read: Reader, jobs: int,
                stop: StopFlag) -> Iterator[tuple[Chunk, list[Outcome]]]:
    """Chunks summarised by ``jobs`` processes, yielded in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # forking after torch has started threads can hang
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=start_worker,
                             initargs=(factory, read)) as pool:
        pending: deque = deque()
        try:
            for chunk in _until(chunks, stop):
                pending.append((chunk, pool.submit(work_on_chunk, chunk_items(chunk))))
                while len(pending) >= jobs * WINDOW_PER_JOB:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending and not stop:
                done, future = pending.popleft()
                yield done, future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _fail(report: BatchReport, sink: Sink, report_error: Callable[[str, Exception], None],
          name: str, error: SummariseError) -> None:
    report.failed += 1
    report_error(name, error)
    sink.error(name, error)
