"""Articles stored as rows of a table: JSON Lines or Parquet files with a text column.

With ``--text-field FIELD`` each row of a ``.jsonl``/``.ndjson``/``.parquet`` input
becomes one article, named ``FILE#N`` (N counts rows from 1) so that its brief
and its output file (``DIR/FILE-STEM/N.json``) say where it came from. A row
that cannot be an article (bad JSON, no such field, not a string) becomes an
error in its place, like a missing file, and the other rows go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterable, Iterator

from summarise.brief import Article
from summarise.errors import InputError
from summarise.sources import Source, check_article_text, error_for

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
PARQUET_BATCH = 1024  # rows read at a time: memory stays flat on large files


@dataclass(frozen=True)
class Row(Source):
    """One row of a table, its text already read (rows are cheap only in bulk)."""

    text: str = ""


def is_table(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)


def holds_rows(item: Source | InputError, text_field: str | None) -> bool:
    """Whether this input is a table whose rows are the articles (``--text-field``)."""
    return text_field is not None and isinstance(item, Source) and item.kind == "file" and is_table(item.name)


def rows_folder(source: Source) -> PurePosixPath:
    """The name a table's rows are named under: ``news/wire.jsonl`` → ``news/wire`` (rows ``news/wire/N``)."""
    return source.relative.with_suffix("")


def expand_tables(items: Iterable[Source | InputError], text_field: str | None
                  ) -> Iterator[Source | InputError]:
    """``items`` with every table file replaced by its rows, read as they are needed (unchanged
    without ``text_field``). The local batch and Ray's read tasks (``ray_batch.py``) both call it."""
    for item in items:
        if holds_rows(item, text_field):
            yield from table_rows(item, text_field)  # type: ignore[arg-type]
        else:
            yield item


def table_rows(source: Source, text_field: str) -> Iterator[Row | InputError]:
    """The rows of one table file as articles to summarise, in file order."""
    values = _parquet_values(source.name, text_field) if source.name.lower().endswith(PARQUET_SUFFIXES) \
        else _jsonl_values(source.name, text_field)
    stem = rows_folder(source)
    try:
        for number, value in enumerate(values, 1):
            name = f"{source.name}#{number}"
            if isinstance(value, InputError):
                yield error_for(value, name)
            elif not isinstance(value, str):
                kind = "missing" if value is None else f"{type(value).__name__}, not text"
                yield error_for(InputError(f"field {text_field!r} is {kind}"), name)
            else:
                yield Row("row", name, stem / str(number), text=value)
    except InputError as error:  # the file itself is unreadable
        yield error_for(error, source.name)


def row_article(row: Row, max_chars: int) -> Article:
    """A row's text as an Article, held to the same rules as a file's."""
    text = row.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    check_article_text(text, max_chars)
    return Article(text=text, source=row.name)


def _jsonl_values(path: str, field: str) -> Iterator[object]:
    """The field of each non-blank line; a line that is not a JSON object yields an InputError."""
    try:
        handle = open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    with handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(f"not a JSON line ({exc.msg})")
                continue
            yield record.get(field) if isinstance(record, dict) else InputError("not a JSON object")


def _parquet_values(path: str, field: str) -> Iterator[object]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError("reading Parquet needs pyarrow: pip install 'summarise[ray]'") from exc
    try:
        table = pq.ParquetFile(path)
        if field not in table.schema_arrow.names:
            raise InputError(f"no column {field!r} (columns: {', '.join(table.schema_arrow.names)})")
        for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=[field]):
            yield from batch.column(0).to_pylist()
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        raise InputError(f"cannot read Parquet: {exc}") from exc

