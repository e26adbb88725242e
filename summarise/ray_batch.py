"""The batch path on a Ray cluster (``--ray ADDRESS``).

The driver plans the run exactly as the local batch does (``batch.run_batch``:
inputs listed, errors and ``--skip-existing`` settled, chunks of ``CHUNK_SIZE``)
and writes every brief through the same sink. Only the summarising moves: the
chunks become a Ray Dataset, ``map_batches`` hands each chunk to a pool of actors
that load the models once and call the same ``summarise_chunk`` (files are read
there, on the cluster), and the results come back in input order. Same chunks,
same code, same sink: the same bytes as the local path.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import pickle
import socket
from contextlib import contextmanager
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

from summarise.batch import Chunk, Outcome, Reader, StopFlag, chunk_items, start_worker, work_on_chunk
from summarise.errors import SummariseError

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
    as it is. An unreachable address fails within ``CONNECT_TIMEOUT`` seconds."""
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
        yield ray
    finally:
        if owned:
            ray.shutdown()


def _check_reachable(address: str) -> None:
    """A TCP connection to the address, so a dead one fails in seconds (ray.init waits 30-60 s)."""
    parts = urlsplit(address if "://" in address else f"//{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host, port = None, None
    if not host or not port:
        raise RayUnavailable(f"--ray {address}: expected local, auto, ray://HOST:PORT or HOST:PORT")
    try:
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise RayUnavailable(f"cannot reach Ray at {address}: {exc.strerror or exc}") from exc


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class ChunkSummariser:
    """A Ray actor: the models are loaded once, then each batch (one chunk) is summarised."""

    def __init__(self, factory: Callable[[], Any], read: Reader):
        start_worker(factory, read)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results = []
        for items in batch["items"]:
            outcomes = work_on_chunk(pickle.loads(items))
            for outcome in outcomes:
                if not isinstance(outcome, SummariseError):
                    outcome.article = None  # the driver needs the brief, not the text again
            results.append(pickle.dumps(outcomes))
        return {"index": batch["index"], "outcomes": results}


def ray_executor(address: str, factory: Callable[[], Any], read: Reader, actors: int | None = None,
                 gpus_per_actor: float = 0.0) -> Callable[[Iterator[Chunk], StopFlag], Iterator[tuple[Chunk, list[Outcome]]]]:
    """An ``execute`` for ``run_batch`` that summarises the chunks on Ray (see the module's docstring).

    Ray's absence is reported here, before any input is read."""
    if importlib.util.find_spec("ray") is None:
        raise RayUnavailable(INSTALL_HINT)

    def execute(chunks: Iterator[Chunk], stop: StopFlag) -> Iterator[tuple[Chunk, list[Outcome]]]:
        planned = list(chunks)
        if not planned:
            return
        with connected(address) as ray:
            context = ray.data.DataContext.get_current()
            context.execution_options.preserve_order = True  # briefs are written in input order
            context.enable_progress_bars = False  # the CLI draws its own
            context.print_on_execution_start = False
            for name in ("ray", "ray.data"):  # Ray's notices would bury the CLI's one-line messages
                logging.getLogger(name).setLevel(logging.ERROR)
            pool = actors or _default_actors(ray, gpus_per_actor)
            rows = [{"index": k, "items": pickle.dumps(chunk_items(chunk))}
                    for k, chunk in enumerate(planned)]
            results = ray.data.from_items(rows, override_num_blocks=min(len(rows), pool * 4)).map_batches(
                ChunkSummariser,
                fn_constructor_args=(factory, read),
                batch_size=1,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=min(pool, len(rows))),
                num_cpus=1,
                num_gpus=gpus_per_actor or None,
            )
            try:
                for batch in results.iter_batches(batch_size=None, batch_format="numpy"):
                    for index, outcomes in zip(batch["index"], batch["outcomes"]):
                        yield planned[int(index)], pickle.loads(outcomes)
                    if stop:
                        return
            except ray.exceptions.RayError as exc:  # a lost node or actor; what was written stays
                raise RayUnavailable(f"the Ray job failed ({_first_line(exc)}); "
                                     "run again with --skip-existing to finish it") from exc

    return execute


def _default_actors(ray: Any, gpus_per_actor: float) -> int:
    """One actor per CPU of the cluster, or per GPU share with ``--ray-gpus-per-actor``."""
    resources = ray.cluster_resources()
    if gpus_per_actor:
        return max(1, int(resources.get("GPU", 0) / gpus_per_actor))
    return max(1, int(resources.get("CPU", os.cpu_count() or 1)))
