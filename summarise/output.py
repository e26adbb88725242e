"""Where briefs go: stdout in the chosen format, or one file per article in a directory."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path, PurePosixPath
from typing import IO, Any

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

    def __init__(self, stream: IO[str], fmt: str, expected: int, console: Any = None):
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

    def brief(self, target: Path, brief: Brief) -> None:
        write_atomically(target, render(brief, self.fmt))

    def error(self, source: str, error: Exception) -> None:
        """Failures are reported on stderr; no file is written for them."""

    def close(self) -> None:
        """Every file is complete as soon as it is written."""
