"""The batch path on a Ray cluster (``--ray ADDRESS``).

The driver lists the inputs (paths only, as the local batch does) and reads
standard input if it is one of them; everything else happens on the cluster, in
one Ray Data pipeline:

1. **Read** (``InputsDatasource``): read tasks, parallel over the input files,
   turn them into entries in input order. A table (``--text-field``) becomes its
   rows through the same ``tabular.expand_tables`` the local path uses, so the
   names (``FILE#N``), the per-row errors and the article checks are the same, and
   a table far larger than the driver's memory streams through. ``--skip-existing``
   drops the inputs whose output is certainly there already, before any actor sees
   them (runs of them travel as one count, for the closing report).
2. **Summarise**: ``map_batches`` hands batches of ``CHUNK_SIZE`` entries to a pool
   of actors that load the models once and call the same ``summarise_chunk``.
3. **Write**: the results come back in input order and the driver only names and
   writes them, through the same sink, so the bytes are those of the local path
   (a brief does not depend on which articles share its chunk).

Why our own ``Datasource`` rather than ``read_json`` / ``read_binary_files`` /
``FileBasedDatasource``: those open the files themselves, and one unreadable or
malformed file fails the whole job, where this tool owes one error line for it and
the rest summarised; they also read a whole file into memory, where a plain article
is read only up to ``--max-chars`` (HTML extraction, encodings and the binary checks
live in ``sources.read_source``). So a read task yields a plain file's *name*, and the
actor that summarises it reads it, with the local path's reader; a table is read and
parsed in the read task. Either way every node must see the input paths.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import pickle
import socket
import sys
from contextlib import contextmanager, redirect_stdout
from functools import partial
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from summarise.batch import (CHUNK_SIZE, Executor, Reader, Settled, Sink, Skipped, StopFlag, guard, plan,
                             start_worker, work_on_chunk)
from summarise.brief import Article
from summarise.errors import SummariseError
from summarise.sources import Source, error_for
from summarise.tabular import expand_tables, holds_rows, rows_folder

INSTALL_HINT = "--ray needs Ray: pip install 'summarise[ray]'"
CONNECT_TIMEOUT = 5.0  # seconds to reach a cluster's address before giving up


class RayUnavailable(SummariseError):
    """Ray is not installed, or the cluster cannot be reached."""

    kind = "ray"


@contextmanager
def connected(address: str) -> Iterator[Any]:
    """Ray, initialised for ``address``: ``local`` starts an instance for this run,
    ``auto`` joins the cluster this machine belongs to, ``ray://host:port`` or
    ``host:port`` joins that one. An instance already initialised in this process is used
    as it is. An unreachable address fails within ``CONNECT_TIMEOUT`` seconds.

    While connected, ``sys.stdout`` is stderr: Ray prints the cluster's notices ("(raylet)
    WARNING: …") on whatever ``sys.stdout`` is, which would break a JSON Lines stream; the
    sinks keep the real stdout they were given."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable(INSTALL_HINT) from exc
    owned = not ray.is_initialized()
    if owned:
        if address not in ("local", "auto"):
            _check_reachable(address)
        options: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.ERROR}
        if address == "local":
            options["include_dashboard"] = False
        try:
            ray.init(address=address, **options)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise RayUnavailable(f"cannot join Ray at {address}: {_first_line(exc)}") from exc
    try:
        with redirect_stdout(sys.stderr):
            yield ray
    finally:
        if owned:
            ray.shutdown()


ADDRESS_FORMS = "local, auto, ray://HOST:PORT or HOST:PORT"


def address_problem(address: str) -> str | None:
    """Why ``address`` cannot be a Ray address (None: it can), checked before anything starts."""
    if address in ("local", "auto"):
        return None
    host, port = _host_port(address)
    return None if host and port else f"expected {ADDRESS_FORMS}"


def _host_port(address: str) -> tuple[str | None, int | None]:
    try:
        parts = urlsplit(address if "://" in address else f"//{address}")
        return parts.hostname, parts.port
    except ValueError:
        return None, None


def _check_reachable(address: str) -> None:
    """A TCP connection to the address, so a dead one fails in seconds (ray.init waits 30-60 s)."""
    host, port = _host_port(address)
    if not host or not port:
        raise RayUnavailable(f"--ray {address}: expected {ADDRESS_FORMS}")
    try:
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise RayUnavailable(f"cannot reach Ray at {address}: {exc.strerror or exc}") from exc


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


ENTRIES_PER_BLOCK = CHUNK_SIZE  # a block is one actor call: small blocks spread the work over the pool
# Read tasks take no CPU of their own (the actors hold them all), so Ray would start as many
# at once as there are tasks, each a new worker process; two keep ahead of any pool, since a
# task parses thousands of rows a second where an actor summarises a few articles.
READ_TASKS_AT_ONCE = 2


def _entries(inputs: list[Any], text_field: str | None, written: Callable[[Source], bool] | None
             ) -> Iterator[bytes]:
    """One read task's entries, pickled ``(source, work)`` pairs in input order: a source to
    summarise (``work`` is the source, or stdin's article), an error in its place (``source``
    None), or ``Skipped(n)`` for a run of inputs already written."""
    skipped = 0
    for item in expand_tables(inputs, text_field):
        if isinstance(item, SummariseError):
            source, work = None, item
        elif isinstance(item, tuple):  # standard input, read by the driver
            source, work = item
        else:
            source, work = item, item
        if source is not None and written is not None and written(source):
            skipped += 1
            continue
        if skipped:
            yield pickle.dumps((None, Skipped(skipped)))
            skipped = 0
        yield pickle.dumps((source, work))
    if skipped:
        yield pickle.dumps((None, Skipped(skipped)))


def _read_task(inputs: list[Any], text_field: str | None, written: Any) -> Iterator[Any]:
    """The body of a read task: the entries of its inputs, ``ENTRIES_PER_BLOCK`` to a block."""
    import pyarrow as pa
    import ray

    check = ray.get(written) if written is not None else None
    block: list[bytes] = []
    for entry in _entries(inputs, text_field, check):
        block.append(entry)
        if len(block) == ENTRIES_PER_BLOCK:
            yield pa.table({"entry": pa.array(block, pa.binary())})
            block = []
    if block:
        yield pa.table({"entry": pa.array(block, pa.binary())})


def _datasource(inputs: list[Any], text_field: str | None, written: Any) -> Any:
    """A Ray Data source over the driver's list of inputs (see the module's docstring)."""
    import pyarrow as pa
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    schema = pa.schema([("entry", pa.binary())])

    class InputsDatasource(Datasource):
        def estimate_inmemory_data_size(self) -> None:
            return None  # tables are read where they lie; their size is not known here

        def get_read_tasks(self, parallelism: int, **_: Any) -> list[ReadTask]:
            groups = max(1, min(parallelism, len(inputs)))
            step = -(-len(inputs) // groups)
            tasks = []
            for start in range(0, len(inputs), step):
                group = inputs[start:start + step]
                files = tuple(item.name for item in group if isinstance(item, Source))
                metadata = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=files)
                tasks.append(ReadTask(partial(_read_task, group, text_field, written), metadata, schema))
            return tasks

    return InputsDatasource()


class ChunkSummariser:
    """A Ray actor: the models are loaded once, then each batch of entries is summarised."""

    def __init__(self, factory: Callable[[], Any], read: Reader):
        start_worker(factory, read)

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        entries = [pickle.loads(blob) for blob in batch["entry"].to_pylist()]
        works = [work for _, work in entries if isinstance(work, (Source, Article))]
        outcomes = iter(work_on_chunk(works))
        results = []
        for source, work in entries:
            if source is None:
                results.append(pickle.dumps((None, work)))
                continue
            outcome = next(outcomes)
            if not isinstance(outcome, SummariseError):
                outcome.article = None  # the driver needs the brief, not the text again
            named = Source(source.kind, source.name, source.relative)  # a row without its text
            results.append(pickle.dumps((named, outcome)))
        return pa.table({"result": pa.array(results, pa.binary())})


def ray_executor(address: str, factory: Callable[[], Any], read: Reader, actors: int | None = None,
                 gpus_per_actor: float = 0.0, text_field: str | None = None) -> Executor:
    """An ``execute`` for ``run_batch`` that reads and summarises the inputs on Ray (see the
    module's docstring). Ray's absence is reported here, before any input is read."""
    if importlib.util.find_spec("ray") is None:
        raise RayUnavailable(INSTALL_HINT)

    def execute(items: Iterable[Source | SummariseError], sink: Sink, skip_existing: bool,
                stdin_reader: Callable[[Source], Article] | None, stop: StopFlag) -> Iterator[Settled]:
        inputs: list[Any] = []
        for item in items:
            if isinstance(item, Source) and item.kind == "stdin" and stdin_reader is not None:
                article = guard(lambda: stdin_reader(item))  # only this process has our stdin
                inputs.append((item, article) if isinstance(article, Article) else error_for(article, item.name))
            else:
                inputs.append(item)
        if not inputs:
            return
        with connected(address) as ray:
            context = ray.data.DataContext.get_current()
            context.execution_options.preserve_order = True  # briefs are written in input order
            context.enable_progress_bars = False  # the CLI draws its own
            context.print_on_execution_start = False
            for name in ("ray", "ray.data"):  # Ray's notices would bury the CLI's one-line messages
                logging.getLogger(name).setLevel(logging.ERROR)
            written = ray.put(_written_check(sink, inputs, text_field)) if skip_existing else None
            pool = actors or _default_actors(ray, gpus_per_actor)
            results = ray.data.read_datasource(
                _datasource(inputs, text_field, written),
                num_cpus=0,  # reading is light next to summarising; the actors hold the CPUs
                concurrency=READ_TASKS_AT_ONCE,
            ).map_batches(
                ChunkSummariser,
                fn_constructor_args=(factory, read),
                batch_size=CHUNK_SIZE,
                batch_format="pyarrow",
                compute=ray.data.ActorPoolStrategy(size=pool),
                num_cpus=1,
                num_gpus=gpus_per_actor or None,
            )
            try:
                for batch in results.iter_batches(batch_size=None, batch_format="pyarrow"):
                    for blob in batch["result"].to_pylist():
                        yield _settle(pickle.loads(blob), sink, skip_existing)
                    if stop:
                        return
            except ray.exceptions.RayError as exc:  # a lost node or actor; what was written stays
                raise RayUnavailable(f"the Ray job failed ({_first_line(exc)}); "
                                     "run again with --skip-existing to finish it") from exc

    return execute


def _written_check(sink: Any, inputs: list[Any], text_field: str | None) -> Callable[[Source], bool]:
    """The sink's test of what is already written, for the read tasks (``--skip-existing``)."""
    sources = [item[0] if isinstance(item, tuple) else item for item in inputs]
    tables = [(source, holds_rows(source, text_field)) for source in sources if isinstance(source, Source)]
    return sink.written_check((rows_folder(source) if rows else source.relative, rows) for source, rows in tables)


def _settle(result: tuple[Source | None, Any], sink: Sink, skip_existing: bool) -> Settled:
    """A result named on the driver, in input order (output names depend on it), with the
    final word on ``--skip-existing`` for inputs the read task could not be sure of."""
    source, outcome = result
    if source is None:  # an input error or a run of skipped inputs
        return getattr(outcome, "source", ""), None, outcome
    name, planned, target = plan(source, sink, skip_existing)
    return name, target, planned if isinstance(planned, Skipped) else outcome


def _default_actors(ray: Any, gpus_per_actor: float) -> int:
    """One actor per CPU of the cluster, or per GPU share with ``--ray-gpus-per-actor``."""
    resources = ray.cluster_resources()
    if gpus_per_actor:
        return max(1, int(resources.get("GPU", 0) / gpus_per_actor))
    return max(1, int(resources.get("CPU", os.cpu_count() or 1)))
