"""Where briefs go: stdout in the chosen format, one file per article in a directory, or
JSON Lines shards of at most N records in a directory."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, Iterable

from summarise.brief import Brief
from summarise.errors import OutputError
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
    """Briefs to a stream (stdout). JSON for several inputs becomes one array."""

    def __init__(self, stream: IO[str], fmt: str, expected: int | None, console: Any = None):
        """``expected``: how many inputs (None: not known, as with a table's rows)."""
        self.stream = stream
        self.fmt = fmt
        self.as_array = fmt == "json" and expected != 1
        self.console = console
        self.written = 0

    def target(self, source: Source) -> None:
        return None

    def exists(self, target: None) -> bool:
        return False

    def brief(self, target: None, brief: Brief) -> None:
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
        if self.fmt == "jsonl":
            self.stream.write(to_json(error_record(source, error), indent=None) + "\n")
        elif self.as_array:
            self._array_item(to_json(error_record(source, error)))
        else:
            return
        self.stream.flush()

    def _array_item(self, item: str) -> None:
        self.stream.write(("[\n" if not self.written else ",\n") + item)
        self.written += 1

    def close(self) -> None:
        if self.as_array:
            self.stream.write("\n]\n" if self.written else "[]\n")
            self.stream.flush()


class DirectorySink:
    """One file per article under ``root``, named after its input."""

    def __init__(self, root: Path, fmt: str):
        self.root = root
        self.fmt = "text" if fmt == "rich" else fmt
        self.suffix = FILE_SUFFIXES[self.fmt]
        self._used: set[PurePosixPath] = set()

    def target(self, source: Source) -> Path:
        """The output file for an input; the same inputs in the same order give the same names."""
        relative = source.relative
        candidate = safe_output_path(relative, self.suffix)
        number = 1
        while candidate in self._used:
            number += 1
            base = safe_output_path(relative, "")
            candidate = base.with_name(f"{base.name}-{number}{self.suffix}")
        self._used.add(candidate)
        return self.root / candidate

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
        return ExistingFiles(existing, self.suffix, frozenset(unsure))

    def brief(self, target: Path, brief: Brief) -> None:
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

    def __call__(self, source: Source) -> bool:
        candidate = safe_output_path(source.relative, self.suffix)
        return candidate.parent not in self.unsure and candidate.as_posix() in self.files


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
