"""Summarising many inputs: streamed, in order, resumable, one bad file never stops the rest.

Inputs are taken in chunks. Each chunk is read and summarised together (bulk
model calls, see ``bulk.py``), in this process or in worker processes
(``jobs > 1``), and its briefs, with the errors and skips in their places, are
written in input order as soon as the chunk and all before it are done. Only a bounded window of chunks is in flight, so
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
from summarise.errors import StreamError, SummariseError
from summarise.sources import Source

CHUNK_SIZE = 8
MAX_CHUNK_ENTRIES = 512  # errors and skips included
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
    signal: int | None = None  # what interrupted it: SIGINT (Ctrl-C) or SIGTERM
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
        head = ("terminated: " if self.signal == signal.SIGTERM else "interrupted: ") if self.interrupted else ""
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
        articles.append(guard(lambda: read(item)))
    readable = [a for a in articles if isinstance(a, Article)]
    chunk_summariser = guard(lambda: prepare(summariser, readable))
    if isinstance(chunk_summariser, SummariseError):  # fall back to one at a time
        chunk_summariser = summariser
    return [a if isinstance(a, SummariseError) else guard(lambda: chunk_summariser.summarise(a))
            for a in articles]


def guard(call: Callable[[], Any]) -> Any:
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
        self.signal: int | None = None  # the first signal
        self.last: int | None = None  # the latest one

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
    """Summarise every item into ``sink``, in input order; errors go to ``report_error`` and the sink.

    ``execute``, when given, plans and summarises the items elsewhere (e.g. on a Ray cluster,
    see ``ray_batch.py``) and yields them back settled, in input order."""
    report = BatchReport()
    stop = StopFlag() if stop is None else stop
    if execute is not None:
        settled = execute(items, sink, skip_existing, stdin_reader, stop)
    else:
        chunks = _chunks(items, sink, skip_existing, stdin_reader)
        if jobs > 1 and factory is not None:
            done = _in_workers(chunks, factory, read, jobs, stop)
        else:
            done = ((chunk, summarise_chunk(summariser, read, chunk_items(chunk))) for chunk in _until(chunks, stop))
        settled = (entry for chunk, outcomes in done for entry in _merge_outcomes(chunk, outcomes))
    try:
        for name, target, outcome in settled:
            if isinstance(outcome, Skipped):
                report.skipped += outcome.count
            elif isinstance(outcome, SummariseError):
                _fail(report, sink, report_error, name, outcome)
            else:
                try:
                    sink.brief(target, outcome)
                    report.summarised += 1
                except StreamError:
                    raise  # the output itself is gone: nothing after this could be delivered
                except SummariseError as error:
                    _fail(report, sink, report_error, name, error)
            advance(outcome.count if isinstance(outcome, Skipped) else 1)
    finally:  # what was summarised before a failure or an interrupt is still written out
        report.interrupted, report.signal = bool(stop), stop.signal
        sink.close()
    return report


@dataclass(frozen=True)
class Skipped:
    """Inputs whose output is already there (``--skip-existing``): counted, not written."""

    count: int = 1


Work = Source | Article | SummariseError | Skipped  # what planning made of an input
Chunk = list[tuple[str, Work, Any]]  # (name, work, output target), in input order
Settled = tuple[str, Any, Outcome | Skipped]  # (name, output target, what became of it)
Executor = Callable[[Iterable[Source | SummariseError], Sink, bool, Callable[[Source], Article] | None, StopFlag],
                    Iterator[Settled]]


def plan(item: Source | SummariseError, sink: Sink, skip_existing: bool,
         stdin_reader: Callable[[Source], Article] | None = None) -> tuple[str, Work, Any]:
    """What to do with one input, decided in input order (output names depend on it):
    report its error, skip it, or summarise it (stdin is read here, since only this process has it)."""
    if isinstance(item, SummariseError):
        return getattr(item, "source", "?"), item, None
    target = sink.target(item)
    if skip_existing and sink.exists(target):
        return item.name, Skipped(), target
    if item.kind == "stdin" and stdin_reader is not None:
        return item.name, guard(lambda: stdin_reader(item)), target
    return item.name, item, target


def _chunks(items: Iterable[Source | SummariseError], sink: Sink, skip_existing: bool,
            stdin_reader: Callable[[Source], Article] | None) -> Iterator[Chunk]:
    """Planned inputs in chunks of ``CHUNK_SIZE`` to summarise; errors and skips ride along in
    their places (a long run of them is cut at ``MAX_CHUNK_ENTRIES`` so progress keeps moving)."""
    chunk: Chunk = []
    work = 0
    for item in items:
        name, planned, target = plan(item, sink, skip_existing, stdin_reader)
        chunk.append((name, planned, target))
        work += isinstance(planned, (Source, Article))
        if work == CHUNK_SIZE or len(chunk) == MAX_CHUNK_ENTRIES:
            yield chunk
            chunk, work = [], 0
    if chunk:
        yield chunk


def chunk_items(chunk: Chunk) -> list[Source | Article]:
    """What a chunk hands to ``summarise_chunk``: the inputs to summarise, in order."""
    return [work for _, work, _ in chunk if isinstance(work, (Source, Article))]


def _merge_outcomes(chunk: Chunk, outcomes: list[Outcome]) -> Iterator[Settled]:
    """A chunk's entries settled: the summarised ones take their outcomes, in order."""
    results = iter(outcomes)
    for name, work, target in chunk:
        yield name, target, work if isinstance(work, (SummariseError, Skipped)) else next(results)


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
