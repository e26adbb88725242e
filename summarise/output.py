"""Where briefs go: stdout in the chosen format, one file per article in a directory, or
JSON Lines shards of at most N records in a directory."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any, Iterable, Iterator, Mapping

from summarise.brief import Brief
from summarise.errors import OutputError, StreamError
from summarise.sources import Source
from summarise.render import FILE_SUFFIXES, error_record, render, rich_brief, to_json


def safe_output_path(relative: PurePosixPath, suffix: str) -> PurePosixPath:
    """A relative output path derived from an input's name that cannot leave the output
    directory: no absolute paths, no "..", no odd characters."""
    parts = []
    for part in relative.parts:
        cleaned = re.sub(r"[^\w.-]+", "_", part).strip("._")
        if cleaned and part not in (".", ".."):
            parts.append(cleaned)
    if not parts:
        parts = ["article"]
    stem = PurePosixPath(*parts)
    return stem.with_name(stem.stem + suffix) if stem.suffix else stem.with_name(stem.name + suffix)


def _file_mode() -> int:
    """The mode a plain ``open()`` would give a new file (mkstemp's own is owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def write_atomically(path: Path, content: str) -> None:
    """Write through a temporary file and a rename, so no half-written brief is ever left."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(content)
                os.fchmod(out.fileno(), _FILE_MODE)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


class StreamSink:
    """Briefs to a stream (stdout). JSON is one object for a single article, one array otherwise."""

    def __init__(self, stream: IO[str], fmt: str, single: bool, console: Any = None):
        """``single``: the run's one input is one article (a file, a URL, stdin), so JSON is that
        article's object (or its error record); for a folder, several inputs or a table's rows
        it is one array, however many articles that turns out to be, so a script can rely on it."""
        self.stream = stream
        self.fmt = fmt
        self.as_array = fmt == "json" and not single
        self.console = console
        self.written = 0
        self.broken = False

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A failed write is ``StreamError`` (a closed pipe stays BrokenPipeError: the CLI ends quietly)."""
        try:
            yield
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:  # ValueError: "I/O operation on closed file"
            self.broken = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StreamError(f"cannot write to standard output: {reason}") from exc

    def target(self, source: Source) -> None:
        return None

    def exists(self, target: None) -> bool:
        return False

    def brief(self, target: None, brief: Brief) -> None:
        with self._writing():
            self._brief(brief)

    def _brief(self, brief: Brief) -> None:
        if self.fmt == "rich" and self.console is not None:
            self.console.print(rich_brief(brief))
        elif self.as_array:
            self._array_item(to_json(brief))
        else:
            if self.written and self.fmt in ("text", "markdown"):
                self.stream.write("\n" + ("---\n\n" if self.fmt == "markdown" else ""))
            self.stream.write(render(brief, self.fmt))
        self.written += 1
        self.stream.flush()

    def error(self, source: str, error: Exception) -> None:
        with self._writing():
            self._error(source, error)

    def _error(self, source: str, error: Exception) -> None:
        if self.fmt == "jsonl":
            self.stream.write(to_json(error_record(source, error), indent=None) + "\n")
        elif self.as_array:
            self._array_item(to_json(error_record(source, error)))
        elif self.fmt == "json":
            self.stream.write(to_json(error_record(source, error)) + "\n")
        else:
            return
        self.stream.flush()

    def _array_item(self, item: str) -> None:
        self.stream.write(("[\n" if not self.written else ",\n") + item)
        self.written += 1

    def close(self) -> None:
        if self.as_array and not self.broken:
            with self._writing():
                self.stream.write("\n]\n" if self.written else "[]\n")
                self.stream.flush()


def file_identities(path: str | Path) -> set[tuple[int, int]]:
    """(device, inode) of a path and, if it is a link, of what it points to (empty if neither exists)."""
    found = set()
    for stat in (os.lstat, os.stat):
        try:
            info = stat(path)
        except (OSError, ValueError):
            continue
        found.add((info.st_dev, info.st_ino))
    return found


def input_files(items: Iterable[Any]) -> frozenset[tuple[int, int]]:
    """The identities of a run's input files, which no brief may ever replace."""
    identities: set[tuple[int, int]] = set()
    for item in items:
        if isinstance(item, Source) and item.kind == "file":
            identities |= file_identities(item.name)
    return frozenset(identities)


class DirectorySink:
    """One file per article under ``root``, named after its input. ``inputs``: the identities of
    this run's input files (``input_files``); a brief is never written over one of them."""

    def __init__(self, root: Path, fmt: str, inputs: frozenset[tuple[int, int]] = frozenset()):
        self.root = root
        self.fmt = "text" if fmt == "rich" else fmt
        self.suffix = FILE_SUFFIXES[self.fmt]
        self.inputs = inputs
        self._used: set[PurePosixPath] = set()

    def is_input(self, target: Path) -> bool:
        return bool(self.inputs) and not file_identities(target).isdisjoint(self.inputs)

    def overwritten_input(self, items: Iterable[Any]) -> tuple[Source, Path] | None:
        """The first input whose brief would be written over an input file of this run, with that
        file's path (planned in input order, as the run will; give it no table whose rows are the
        articles: those are left to ``brief``'s own check)."""
        if not self.inputs:
            return None
        planner = DirectorySink(self.root, self.fmt)
        for item in items:
            if isinstance(item, Source):
                target = planner.target(item)
                if self.is_input(target):
                    return item, target
        return None

    def target(self, source: Source) -> Path:
        """The output file for an input; the same inputs in the same order give the same names.
        A name taken by another input of this run, or by a brief already there that records
        another source (``a/story.md`` and, in a later run, ``b/story.txt``), is numbered on:
        ``story.json``, ``story-2.json``…, so one article's brief never replaces another's."""
        relative = source.relative
        candidate = safe_output_path(relative, self.suffix)
        number = 1
        while candidate in self._used or self._holds_another(candidate, source):
            number += 1
            base = safe_output_path(relative, "")
            candidate = base.with_name(f"{base.name}-{number}{self.suffix}")
        self._used.add(candidate)
        return self.root / candidate

    def _holds_another(self, candidate: PurePosixPath, source: Source) -> bool:
        """Whether the file already at ``candidate`` is the brief of another source. A file that
        records no source (not a brief, unreadable) counts as this input's, as it always did."""
        recorded = recorded_source(self.root / candidate, self.fmt)
        return recorded is not None and not same_source(recorded, source.name)

    def exists(self, target: Path) -> bool:
        return target.exists()

    def written_check(self, inputs: Iterable[tuple[PurePosixPath, bool]]) -> ExistingFiles:
        """For readers that meet the inputs out of this process (Ray's read tasks): a picklable
        test of whether an input's file is certainly there already, given every input's
        ``(relative name, holds rows)`` (a table's rows are named ``relative/N``).

        ``target`` numbers a name already taken (``a.json``, ``a-2.json``), in input order, which a
        read task cannot follow; so in a folder where two inputs could take the same name the
        test answers "not certain", and the batch settles those inputs in order after all."""
        claims: Counter[PurePosixPath] = Counter()  # an output file, or a table's folder: its claimants
        row_folders: set[PurePosixPath] = set()
        for relative, holds_rows in inputs:
            if holds_rows:
                claim = safe_output_path(relative / "1", self.suffix).parent
                row_folders.add(claim)
            else:
                claim = safe_output_path(relative, self.suffix)
            claims[claim] += 1
        unsure = {claim if claim in row_folders else claim.parent for claim, count in claims.items() if count > 1}
        unsure |= {claim.parent for claim in claims if claim.parent in row_folders}
        existing = frozenset(path.relative_to(self.root).as_posix()
                             for path in self.root.rglob("*") if path.is_file()) if self.root.is_dir() else frozenset()
        recorded = {}  # whose brief each file is that an input of this run could be named as
        for name in existing:
            path = PurePosixPath(name)
            if path in claims or path.parent in row_folders:
                source = recorded_source(self.root / path, self.fmt)
                if source is not None:
                    recorded[name] = source
        return ExistingFiles(existing, self.suffix, frozenset(unsure), recorded)

    def brief(self, target: Path, brief: Brief) -> None:
        if self.is_input(target):
            raise OutputError(f"not written: {target} is one of the inputs (choose another --output-dir)")
        write_atomically(target, render(brief, self.fmt))

    def error(self, source: str, error: Exception) -> None:
        """Failures are reported on stderr; no file is written for them."""

    def close(self) -> None:
        """Every file is complete as soon as it is written."""


@dataclass(frozen=True)
class ExistingFiles:
    """``DirectorySink.written_check``'s answer: output files present when the run began."""

    files: frozenset[str]
    suffix: str
    unsure: frozenset[PurePosixPath]  # folders where names depend on input order
    recorded: Mapping[str, str] = field(default_factory=dict)  # file → the source its brief records

    def __call__(self, source: Source) -> bool:
        candidate = safe_output_path(source.relative, self.suffix).as_posix()
        recorded = self.recorded.get(candidate)
        return PurePosixPath(candidate).parent not in self.unsure and candidate in self.files \
            and (recorded is None or same_source(recorded, source.name))


@dataclass(frozen=True)
class ExistingSources:
    """``ShardSink.written_check``'s answer: the sources already summarised in the shards."""

    names: frozenset[str]

    def __call__(self, source: Source) -> bool:
        return source.name in self.names


class ShardSink:
    """Briefs and error records as JSON Lines in ``root/part-00000.jsonl``, ``part-00001.jsonl``, …,
    at most ``size`` records each, in input order. A shard appears whole (written atomically) once
    it is full or the run ends, so a reader never sees half of one. Numbering continues after the
    shards already there: a second run never overwrites the first's. With ``--skip-existing``, a
    source whose brief is in a shard is done; one recorded only as an error is tried again."""

    PATTERN = re.compile(r"^part-(\d{5,})\.jsonl$")

    def __init__(self, root: Path, size: int):
        self.root = root
        self.size = size
        shards = sorted(self._shards())
        self.number = shards[-1][0] + 1 if shards else 0
        self.records: list[str] = []
        self._done: frozenset[str] | None = None

    def _shards(self) -> Iterable[tuple[int, Path]]:
        if self.root.is_dir():
            for path in self.root.iterdir():
                match = self.PATTERN.match(path.name)
                if match:
                    yield int(match.group(1)), path

    def done(self) -> frozenset[str]:
        """The sources summarised in the shards already there (read once, when first asked)."""
        if self._done is None:
            names: set[str] = set()
            for _, path in sorted(self._shards()):
                try:
                    lines = path.read_text(encoding="utf-8").splitlines()
                except OSError as exc:
                    raise OutputError(f"cannot read {path}: {exc.strerror or exc}") from exc
                for line in lines:
                    record = _json_object(line)
                    if record is not None and "error" not in record and isinstance(record.get("source"), str):
                        names.add(record["source"])
            self._done = frozenset(names)
        return self._done

    def target(self, source: Source) -> str:
        return source.name

    def exists(self, target: str) -> bool:
        return target in self.done()

    def written_check(self, inputs: Iterable[tuple[PurePosixPath, bool]]) -> ExistingSources:
        """A picklable ``exists`` for readers out of this process (names alone decide here)."""
        return ExistingSources(self.done())

    def brief(self, target: str, brief: Brief) -> None:
        self._add(render(brief, "jsonl"))

    def error(self, source: str, error: Exception) -> None:
        self._add(to_json(error_record(source, error), indent=None) + "\n")

    def _add(self, record: str) -> None:
        self.records.append(record)
        if len(self.records) == self.size:
            self._flush()

    def _flush(self) -> None:
        if self.records:
            write_atomically(self.root / f"part-{self.number:05d}.jsonl", "".join(self.records))
            self.number += 1
            self.records = []

    def close(self) -> None:
        """The last, partly filled shard."""
        self._flush()


def _json_object(line: str) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None


_RECORD_LIMIT = 1 << 20  # a brief is a few kilobytes; anything far larger is not one of ours


def recorded_source(path: Path, fmt: str) -> str | None:
    """The ``source`` a brief written in ``fmt`` records (JSON's field, the text or Markdown
    footer's "source: …"), or None for a file that is not such a brief or cannot be read."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read(_RECORD_LIMIT)
    except (OSError, ValueError):
        return None
    if fmt in ("json", "jsonl"):
        record = _json_object(text if fmt == "json" else text.split("\n", 1)[0])
        source = record.get("source") if record is not None else None
        return source if isinstance(source, str) else None
    last = text.rstrip("\n").rpartition("\n")[2]
    if fmt == "markdown":
        if not (last.startswith("_") and last.endswith("_")):
            return None
        last = last[1:-1]
    if not last.startswith("source: ") or " · engine: " not in last:
        return None
    return last[len("source: "):].rpartition(" · engine: ")[0]


def same_source(recorded: str, name: str) -> bool:
    """Whether a recorded source names the same input as ``name`` (``./a.txt`` is ``a.txt``; a
    table's row ``t.jsonl#3`` is compared by its file and number)."""
    if recorded == name:
        return True
    if "://" in recorded or "://" in name or name == "-" or recorded == "-":
        return False
    recorded_file, recorded_row = _row_split(recorded)
    file, row = _row_split(name)
    if recorded_row != row:
        return False
    if os.path.normpath(recorded_file) == os.path.normpath(file):
        return True
    try:
        return os.path.samefile(recorded_file, file)
    except (OSError, ValueError):
        return False


def _row_split(name: str) -> tuple[str, str]:
    """``news/t.jsonl#3`` → (``news/t.jsonl``, ``3``); a plain file → (name, "")."""
    file, mark, row = name.rpartition("#")
    return (file, row) if mark and row.isdigit() else (name, "")
