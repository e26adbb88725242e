"""The command line: options in, pipeline called, errors mapped to exit codes.

Only Click and rich are imported at start-up; the models and their libraries
load when the first article is summarised, so ``--help`` stays instant.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Iterator

import click

from summarise import __version__
from summarise.batch import StopFlag
from summarise.errors import ExitStatus, StreamError, SummariseError
from summarise.models.device import DEVICES, DTYPES
from summarise.render import FORMATS
from summarise.sources import DEFAULT_GLOBS, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT

EPILOG = """\b
Examples:
  summarise article.txt
  cat article.txt | summarise
  summarise news/ --format jsonl > briefs.jsonl
  summarise news/ --output-dir briefs/ --format markdown
  summarise https://example.com/story.html --format json

Exit codes: 0 all summarised, 1 some input failed, 2 usage error,
130 interrupted (Ctrl-C), 143 terminated, 141 output pipe closed (e.g. by head).
"""


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, highlight=False)


def _ray_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        from summarise.ray_batch import address_problem

        problem = address_problem(value)
        if problem:
            raise click.BadParameter(f"{value!r}: {problem}")
    return value


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "SUMMARISE"})
@click.argument("inputs", nargs=-1, metavar="[FILE|DIR|URL|-]...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None, envvar="SUMMARISE_FORMAT",
              help="Output format. Default: rich on a terminal, text otherwise, json with --output-dir.")
@click.option("-n", "--claims", type=click.IntRange(1, 50), default=None,
              help="How many key claims. Default: 3 to 6, by the article's length.")
@click.option("--whole-sentences", is_flag=True,
              help="Show each claim as its whole sentence, not cut to its core statement.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write one file per article here, named after its input.")
@click.option("--glob", "globs", multiple=True, default=DEFAULT_GLOBS, show_default=True,
              help="File patterns to take from directories (repeatable).")
@click.option("--skip-existing", is_flag=True, help="With --output-dir: skip articles already written.")
@click.option("--shard-size", type=click.IntRange(1), default=None, metavar="N",
              help="With --output-dir: write JSON Lines shards of at most N records "
                   "(part-00000.jsonl, …) instead of one file per article.")
@click.option("--max-chars", type=click.IntRange(1), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Refuse articles longer than this.")
@click.option("--timeout", type=click.FloatRange(0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for a URL.")
@click.option("-m", "--model", default=None, envvar="SUMMARISE_MODEL", metavar="NAME_OR_PATH",
              help="Write claims with a Hugging Face model: a local directory, a .gguf file, a hub id "
                   "already cached, or smollm2. Default: the extractive engine.")
@click.option("--prompts", "prompts_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="With --model: a folder of prompt templates (claims.txt, headline.txt).")
@click.option("--device", type=click.Choice(DEVICES), default="auto",
              show_default=True, help="With --model: where to run it (auto: CUDA when present).")
@click.option("--dtype", type=click.Choice(DTYPES), default="auto",
              show_default=True, help="With --model: precision (auto: float32 on CPU).")
@click.option("--batch-size", type=click.IntRange(1), default=4, show_default=True,
              help="With --model: chunks generated at once.")
@click.option("--strict", is_flag=True, help="With --model: drop claims the article does not support.")
@click.option("--allow-download", is_flag=True, help="With --model: let a hub id be downloaded.")
@click.option("--allow-pickle", is_flag=True, help="With --model: accept pickle weights (can run code).")
@click.option("--trust-remote-code", is_flag=True, help="With --model: run the model's own Python code.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes for many articles. One process already keeps two cores busy; "
                   "each extra worker adds speed and ~0.8 GB of memory.")
@click.option("--text-field", default=None, metavar="FIELD",
              help="Summarise each row of .jsonl/.parquet inputs, taking the article from this field.")
@click.option("--ray", "ray_address", default=None, envvar="RAY_ADDRESS", metavar="ADDRESS", callback=_ray_address,
              help="Summarise on Ray: local (a local instance), auto, or ray://HOST:PORT. "
                   "Needs pip install 'summarise[ray]'.")
@click.option("--ray-actors", type=click.IntRange(1), default=None,
              help="With --ray: actors, each loading the models once. Default: one per CPU (or GPU share).")
@click.option("--ray-gpus-per-actor", type=click.FloatRange(0), default=0.0, show_default=True,
              help="With --ray: GPUs reserved by each actor.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no closing report.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(__version__, prog_name="summarise")
def main(inputs: tuple[str, ...], fmt: str | None, claims: int | None, whole_sentences: bool,
         output_dir: Path | None,
         globs: tuple[str, ...], skip_existing: bool, shard_size: int | None, max_chars: int, timeout: float,
         model: str | None, prompts_dir: Path | None, device: str, dtype: str, batch_size: int,
         strict: bool, allow_download: bool, allow_pickle: bool, trust_remote_code: bool,
         jobs: int, text_field: str | None, ray_address: str | None, ray_actors: int | None,
         ray_gpus_per_actor: float, quiet: bool, debug: bool) -> None:
    """Summarise news articles: a headline, the key claims and the attributed quotes.

    Reads files, directories (recursively), http(s) URLs, or standard input
    ("-", or nothing when text is piped in). Runs offline.
    """
    stdin = getattr(sys.stdin, "buffer", None)
    if not inputs:
        if stdin is None or stdin.isatty():
            raise click.UsageError("no input: give a file, a directory, a URL, or pipe text in")
        inputs = ("-",)
    if skip_existing and output_dir is None:
        raise click.UsageError("--skip-existing needs --output-dir")
    if shard_size is not None and output_dir is None:
        raise click.UsageError("--shard-size needs --output-dir")
    if shard_size is not None and fmt not in (None, "jsonl"):
        raise click.UsageError("--shard-size writes JSON Lines: leave --format out or give jsonl")
    if sys.stdout is None and output_dir is None:  # started with stdout closed (`>&-`)
        _stderr_console().print("summarise: cannot write to standard output: it is closed", markup=False)
        sys.exit(int(ExitStatus.INPUT_FAILED))
    fmt = fmt or ("json" if output_dir else "rich" if sys.stdout.isatty() else "text")
    engine = {"model": model, "prompts": prompts_dir, "device": device, "dtype": dtype,
              "batch_size": batch_size, "strict": strict, "allow_download": allow_download,
              "allow_pickle": allow_pickle, "trust_remote_code": trust_remote_code} if model else {"trim": not whole_sentences}
    ray = {"address": ray_address, "actors": ray_actors, "gpus_per_actor": ray_gpus_per_actor} \
        if ray_address else None
    errors = _stderr_console()
    stop = StopFlag()
    try:
        with _stop_on_signals(stop):
            status = _run(inputs, fmt, claims, output_dir, globs, skip_existing, max_chars, timeout,
                          jobs, quiet, debug, stdin, errors, engine, stop, text_field, ray, shard_size)
    except KeyboardInterrupt:  # a second Ctrl-C or SIGTERM: at once
        terminated = stop.last == signal.SIGTERM
        errors.print("summarise: terminated" if terminated else "summarise: interrupted")
        status = 128 + signal.SIGTERM if terminated else ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        status = 141
    except SummariseError as error:
        errors.print(f"summarise: {error}", markup=False)
        if debug:
            errors.print("".join(traceback.format_exception(error)), markup=False)
        if isinstance(error, StreamError):
            _silence_stdout()  # what is still buffered could not be written either
        status = ExitStatus.INPUT_FAILED
    sys.exit(int(status))


def _run(inputs: tuple[str, ...], fmt: str, claims: int | None, output_dir: Path | None,
         globs: tuple[str, ...], skip_existing: bool, max_chars: int, timeout: float,
         jobs: int, quiet: bool, debug: bool, stdin: Any, errors: Any,
         engine: dict[str, Any], stop: StopFlag, text_field: str | None = None,
         ray: dict[str, Any] | None = None, shard_size: int | None = None) -> int:
    from functools import partial

    from summarise.batch import Reader, run_batch
    from summarise.generative import make_summariser
    from summarise.output import DirectorySink, ShardSink, StreamSink, file_identities, input_files
    from summarise.sources import Source, expand_inputs, read_source
    from summarise.tabular import expand_tables, holds_rows

    factory = partial(make_summariser, claims, **engine)
    reader = Reader(max_chars, timeout)
    execute = None
    if ray is not None:
        from summarise.ray_batch import ray_executor

        execute = ray_executor(factory=factory, read=reader, text_field=text_field, **ray)
    found = list(expand_inputs(list(inputs), tuple(globs)))
    # A table's rows are read as they are summarised (on Ray, by the cluster), so their number is not known here.
    count = None if any(holds_rows(item, text_field) for item in found) else len(found)
    items = found if execute is not None else expand_tables(found, text_field)
    if output_dir is not None and shard_size is None:
        sink: Any = DirectorySink(output_dir, fmt, input_files(found))
        clash = sink.overwritten_input(item for item in found if not holds_rows(item, text_field))
        if clash is not None:
            source, target = clash
            own = source.kind == "file" and not file_identities(source.name).isdisjoint(file_identities(target))
            what = "that very file" if own else f"the input {target}"
            raise click.BadParameter(f"the brief of {source.name} would replace {what}; "
                                     "choose an output folder that holds no inputs (or another format)",
                                     param_hint="'-o' / '--output-dir'")
    summariser = factory()

    def report_error(name: str, error: Exception) -> None:
        errors.print(f"summarise: {name}: {error}" if name else f"summarise: {error}", markup=False)
        if debug:
            details = getattr(error, "details", None) or "".join(traceback.format_exception(error))
            errors.print(details, markup=False)

    if jobs == 1 and execute is None and any(isinstance(item, Source) for item in found):
        try:
            with _status(errors, quiet, "Loading models…"):
                summariser.load()
        except SummariseError as error:  # "model 'x': no such file…" names itself; others get "model:"
            report_error("" if str(error).startswith("model ") else "model", error)
            return ExitStatus.INPUT_FAILED
    many = count is None or count > 1
    if output_dir is not None and shard_size is not None:
        sink = ShardSink(output_dir, shard_size)
    elif output_dir is None:  # with --output-dir alone, the sink was made before the models loaded
        from rich.console import Console

        single = len(inputs) == 1 and len(found) == 1 and not os.path.isdir(inputs[0]) \
            and not holds_rows(found[0], text_field)
        sink = StreamSink(sys.stdout, fmt, single, Console(file=sys.stdout, soft_wrap=False))
    show_progress = errors.is_terminal and not quiet and many
    with _progress(errors, count, show_progress) as advance:
        report = run_batch(
            items,
            summariser=summariser,
            read=reader,
            sink=sink,
            report_error=report_error,
            skip_existing=skip_existing,
            advance=advance,
            jobs=jobs,
            factory=factory,
            stop=stop,
            stdin_reader=lambda source: read_source(source, stdin, max_chars, timeout),
            execute=execute,
        )
    if report.interrupted or (not quiet and (many or output_dir is not None)):
        errors.print(report.line())
    if stop:
        return 128 + stop.signal
    return ExitStatus.INPUT_FAILED if report.failed else ExitStatus.SUCCESS


@contextmanager
def _stop_on_signals(stop: StopFlag) -> Iterator[None]:
    """First Ctrl-C or SIGTERM: finish the articles in hand, write them, stop.
    A second Ctrl-C stops at once."""

    def handle(signum: int, frame: Any) -> None:
        stop.last = signum
        if stop:
            raise KeyboardInterrupt
        stop.signal = signum
        if signum == signal.SIGINT:  # a long article may take a while: say what happens meanwhile
            try:
                os.write(2, b"summarise: stopping after the articles in hand (Ctrl-C again to stop now)\n")
            except OSError:
                pass  # stderr gone: the code the signal interrupted must not fail for it

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _status(console: Any, quiet: bool, message: str) -> Any:
    return console.status(message) if console.is_terminal and not quiet else nullcontext()


class _progress:
    """A rich progress bar on stderr (count, rate, ETA), or nothing."""

    def __init__(self, console: Any, total: int | None, enabled: bool):
        self.console, self.total, self.enabled = console, total, enabled
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda count: None
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                   TextColumn, TimeRemainingColumn)

        self.bar = Progress(
            TextColumn("[bold blue]summarising"), BarColumn(), MofNCompleteColumn(),
            TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(), console=self.console, transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("articles", total=self.total, rate="")

        def advance(count: int) -> None:
            self.bar.advance(task, count)
            speed = self.bar.tasks[0].speed
            self.bar.update(task, rate=f"{speed:.1f} articles/s" if speed else "")

        return advance

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.stop()


def _silence_stdout() -> None:
    """After the reader of our stdout has gone, stop Python from failing to flush it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
