"""Rows of JSONL and Parquet files as articles (--text-field), on the ordinary batch path."""

from __future__ import annotations

import io
import json
from pathlib import Path, PurePosixPath
from typing import Iterator

import pytest

from summarise.batch import Reader, run_batch
from summarise.brief import Article, Brief
from summarise.errors import InputError
from summarise.output import DirectorySink, StreamSink
from summarise.sources import Source, expand_inputs, read_source
from summarise.tabular import Row, expand_tables


class FirstLine:
    """A model-free summariser: the headline is the article's first line."""

    def load(self) -> None:
        pass

    def summarise(self, article: Article) -> Brief:
        return Brief(article.source, article.text.splitlines()[0], [], [])


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rows_of(path: Path, field: str = "body") -> list[Row | InputError]:
    return list(expand_tables(expand_inputs([str(path)]), field))


def test_jsonl_rows_are_articles_and_bad_rows_are_errors(tmp_path: Path) -> None:
    table = write_jsonl(tmp_path / "wire.jsonl", [
        json.dumps({"id": 1, "body": "First story\r\nsecond line"}),
        "",  # blank lines are not rows
        json.dumps({"id": 2, "body": "Second story"}),
        "{not json",
        json.dumps({"id": 4, "title": "no body"}),
        json.dumps({"id": 5, "body": 42}),
        json.dumps(["a", "list"]),
    ])
    items = rows_of(table)
    assert [item.name if isinstance(item, Row) else (item.source, str(item)) for item in items] == [
        f"{table}#1",
        f"{table}#2",
        (f"{table}#3", "not a JSON line (Expecting property name enclosed in double quotes)"),
        (f"{table}#4", "field 'body' is missing"),
        (f"{table}#5", "field 'body' is int, not text"),
        (f"{table}#6", "not a JSON object"),
    ]
    first = read_source(items[0])
    assert first == Article("First story\nsecond line", f"{table}#1")
    assert items[1].relative == PurePosixPath("wire/2")


def test_parquet_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "archive.parquet"
    pq.write_table(pa.table({"text": ["One", None, "Three"], "n": [1, 2, 3]}), path, row_group_size=2)
    items = rows_of(path, "text")
    assert [i.text if isinstance(i, Row) else str(i) for i in items] == ["One", "field 'text' is missing", "Three"]
    [missing] = rows_of(path, "body")
    assert isinstance(missing, InputError) and "no column 'body' (columns: text, n)" in str(missing)
    [broken] = rows_of(write_jsonl(tmp_path / "broken.parquet", ["not parquet"]), "text")
    assert isinstance(broken, InputError) and broken.source.endswith("broken.parquet")


def test_without_text_field_tables_stay_files(tmp_path: Path) -> None:
    table = write_jsonl(tmp_path / "wire.jsonl", [json.dumps({"body": "x"})])
    assert list(expand_tables(expand_inputs([str(table)]), None)) == [
        Source("file", str(table), PurePosixPath("wire.jsonl"))
    ]


def test_rows_through_the_batch_to_files_with_limits(tmp_path: Path) -> None:
    table = write_jsonl(tmp_path / "wire.jsonl", [
        json.dumps({"body": "Headline one\nbody"}),
        json.dumps({"body": "   "}),
        json.dumps({"body": "x" * 50}),
        json.dumps({"body": "Headline four"}),
    ])
    out = tmp_path / "out"
    errors: list[tuple[str, str]] = []
    report = run_batch(rows_of(table), FirstLine(), Reader(max_chars=40, timeout=1.0),
                       DirectorySink(out, "json"), lambda name, error: errors.append((name, str(error))))
    assert (report.summarised, report.failed) == (2, 2)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["wire/1.json", "wire/4.json"]
    assert json.loads((out / "wire/4.json").read_text())["source"] == f"{table}#4"
    assert [e for _, e in errors] == ["empty article", "50 characters, over the limit of 40 (see --max-chars)"]


def test_bad_rows_are_written_in_their_places_and_rows_are_read_as_needed(tmp_path: Path) -> None:
    table = write_jsonl(tmp_path / "wire.jsonl", [json.dumps({"body": f"Story {n}"}) if n % 3 else "{bad"
                                                  for n in range(1, 21)])
    read: list[str] = []

    def rows() -> Iterator[Row | InputError]:
        for item in expand_tables(expand_inputs([str(table)]), "body"):
            read.append(item.name if isinstance(item, Row) else item.source)
            yield item

    out = io.StringIO()
    written: list[int] = []

    class Counting(StreamSink):
        def brief(self, target: None, brief: Brief) -> None:
            written.append(len(read))
            super().brief(target, brief)

    run_batch(rows(), FirstLine(), Reader(1000, 1.0), Counting(out, "jsonl", None), lambda *a: None)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["source"] for r in records] == [f"{table}#{n}" for n in range(1, 21)]  # input order
    assert [n for n in range(1, 21) if "error" in records[n - 1]] == [3, 6, 9, 12, 15, 18]
    assert written[0] < 20  # the first briefs are out before the last rows are read
