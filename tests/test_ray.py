"""The batch on Ray: inputs read by Ray Data, the same records as the local path, errors kept,
resumable (per-article files and shards), fast failures.

One local Ray instance (two CPUs) serves the whole session; the CLI joins it. The quick tests
summarise with a model-free stand-in, so they test the reading, ordering, skipping and writing;
the slow ones run the real models end to end and compare bytes with the local path.
"""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from summarise import ray_batch
from summarise.batch import Reader, Skipped, run_batch
from summarise.brief import Article, Brief
from summarise.cli import main
from summarise.errors import InputError
from summarise.output import DirectorySink, ShardSink, StreamSink
from summarise.sources import Source, expand_inputs
from summarise.tabular import expand_tables

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

PLACES = ["Lisbon", "Porto", "Madrid", "Seville", "Rome", "Turin", "Paris", "Lyon", "Vienna", "Graz"]


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the actors need FirstLine
    yield
    ray.shutdown()


class FirstLine:
    """A model-free summariser: the headline is the article's first line."""

    def load(self) -> None:
        pass

    def summarise(self, article: Article) -> Brief:
        return Brief(article.source, article.text.splitlines()[0], [], [])


@pytest.fixture(scope="session")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of inputs: plain files (one empty), a JSONL table and a Parquet table with bad rows,
    and a table that cannot be read at all."""
    root = tmp_path_factory.mktemp("tables")
    (root / "a.txt").write_text("Plain file a\nbody")
    (root / "b.txt").write_text("")
    lines = [json.dumps({"body": f"Wire story {n}\nbody"}) for n in range(1, 12)]
    lines[2] = "{not json"
    lines[4] = json.dumps({"title": "no body"})
    lines[6] = json.dumps({"body": ["not", "text"]})
    (root / "c-wire.jsonl").write_text("\n".join(lines[:5]) + "\n\n" + "\n".join(lines[5:]) + "\n")
    pq.write_table(pa.table({"body": ["Parquet one", None, "Parquet three", "   "]}), root / "d-archive.parquet",
                   row_group_size=2)
    (root / "e.txt").write_text("Plain file e")
    (root / "f-broken.parquet").write_text("not parquet")
    return root


def batch(inputs: list[str], sink: Any, on_ray: bool, skip_existing: bool = False) -> tuple[Any, list[str]]:
    """One batch over ``inputs`` with --text-field body, locally or on the session's Ray instance."""
    found = list(expand_inputs(inputs, ("*.txt", "*.jsonl", "*.parquet")))
    errors: list[str] = []
    execute = ray_batch.ray_executor("local", FirstLine, Reader(1000, 1.0), actors=2, text_field="body") \
        if on_ray else None
    report = run_batch(found if on_ray else expand_tables(found, "body"), FirstLine(), Reader(1000, 1.0), sink,
                       lambda name, error: errors.append(f"{name}: {error}"), skip_existing=skip_existing,
                       execute=execute)
    return report, errors


def as_jsonl(inputs: list[str], on_ray: bool) -> str:
    out = io.StringIO()
    batch(inputs, StreamSink(out, "jsonl", None), on_ray)
    return out.getvalue()


def test_tables_and_files_read_by_ray_data_give_the_local_records(local_ray: None, tables: Path) -> None:
    on_ray = as_jsonl([str(tables)], on_ray=True)
    assert on_ray == as_jsonl([str(tables)], on_ray=False)
    records = [json.loads(line) for line in on_ray.splitlines()]
    wire, archive = tables / "c-wire.jsonl", tables / "d-archive.parquet"
    *described, (broken, problem) = [(r["source"], r.get("headline") or r["error"]["message"]) for r in records]
    assert broken == str(tables / "f-broken.parquet") and problem.startswith("cannot read Parquet: ")
    assert described == [
        (str(tables / "a.txt"), "Plain file a"),
        (str(tables / "b.txt"), "empty article"),
        (f"{wire}#1", "Wire story 1"),
        (f"{wire}#2", "Wire story 2"),
        (f"{wire}#3", "not a JSON line (Expecting property name enclosed in double quotes)"),
        (f"{wire}#4", "Wire story 4"),
        (f"{wire}#5", "field 'body' is missing"),  # the blank line after it is no row
        (f"{wire}#6", "Wire story 6"),
        (f"{wire}#7", "field 'body' is list, not text"),
        *[(f"{wire}#{n}", f"Wire story {n}") for n in range(8, 12)],
        (f"{archive}#1", "Parquet one"),
        (f"{archive}#2", "field 'body' is missing"),
        (f"{archive}#3", "Parquet three"),
        (f"{archive}#4", "empty article"),
        (str(tables / "e.txt"), "Plain file e"),
    ]


def test_standard_input_is_read_by_the_driver_and_summarised_in_its_place(local_ray: None, tables: Path) -> None:
    def outputs(on_ray: bool) -> str:
        piped = ["Piped story\nbody"]  # read once: a second "-" finds nothing left

        def read_stdin(source: Source) -> Article:
            if not piped:
                raise InputError("empty article")
            return Article(piped.pop(), source.name)

        stdin = Source("stdin", "-", PurePosixPath("stdin"))
        out = io.StringIO()
        execute = ray_batch.ray_executor("local", FirstLine, Reader(1000, 1.0), actors=2) if on_ray else None
        run_batch([stdin, *expand_inputs([str(tables / "a.txt")]), stdin], FirstLine(), Reader(1000, 1.0),
                  StreamSink(out, "jsonl", 3), lambda *a: None, stdin_reader=read_stdin, execute=execute)
        return out.getvalue()

    on_ray = outputs(on_ray=True)
    assert on_ray == outputs(on_ray=False)
    assert [json.loads(line).get("headline", "error") for line in on_ray.splitlines()] == [
        "Piped story", "Plain file a", "error"]


def test_the_read_tasks_drop_written_inputs_and_count_them(tables: Path) -> None:
    found = list(expand_inputs([str(tables)], ("*.txt", "*.jsonl")))
    done = {str(tables / "a.txt"), *(f"{tables / 'c-wire.jsonl'}#{n}" for n in (1, 2, 3, 8, 9, 10, 11))}
    entries = [pickle.loads(blob) for blob in ray_batch._entries(found, "body", lambda s: s.name in done)]
    described = [(source.name if source else "", type(work).__name__) for source, work in entries]
    assert described == [
        ("", "Skipped"),  # a.txt
        (str(tables / "b.txt"), "Source"),  # an empty file is found empty where it is read: in the actor
        ("", "Skipped"),  # rows 1 and 2
        ("", "InputError"),  # row 3 is not JSON: an error, never "already written"
        (f"{tables / 'c-wire.jsonl'}#4", "Row"),
        ("", "InputError"), (f"{tables / 'c-wire.jsonl'}#6", "Row"), ("", "InputError"),
        ("", "Skipped"),  # rows 8 to 11
        (str(tables / "e.txt"), "Source"),
    ]
    assert [work.count for _, work in entries if isinstance(work, Skipped)] == [1, 2, 4]


def test_skip_existing_on_ray_keeps_written_files_and_writes_the_rest(local_ray: None, tables: Path,
                                                                       tmp_path: Path) -> None:
    expected = tmp_path / "local"
    batch([str(tables)], DirectorySink(expected, "json"), on_ray=False)
    out = tmp_path / "ray"
    out.mkdir()
    (out / "a.json").write_text("kept\n")
    (out / "c-wire").mkdir()
    (out / "c-wire" / "2.json").write_text("kept\n")
    report, errors = batch([str(tables)], DirectorySink(out, "json"), on_ray=True, skip_existing=True)
    assert (report.summarised, report.failed, report.skipped) == (10, 7, 2)
    assert len(errors) == 7
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == sorted(p.relative_to(expected).as_posix() for p in expected.rglob("*.json"))
    assert (out / "a.json").read_text() == (out / "c-wire" / "2.json").read_text() == "kept\n"
    assert (out / "e.json").read_bytes() == (expected / "e.json").read_bytes()


def test_shards_on_ray_finish_an_interrupted_run(local_ray: None, tables: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    batch([str(tables)], ShardSink(whole, 4), on_ray=False)
    shards = sorted(p.name for p in whole.iterdir())
    assert shards == [f"part-{n:05d}.jsonl" for n in range(5)]  # 19 records, 4 to a shard
    on_ray = tmp_path / "ray"
    on_ray.mkdir()
    for shard in ("part-00000.jsonl", "part-00001.jsonl", "part-00003.jsonl"):  # as if the run had stopped
        (on_ray / shard).write_bytes((whole / shard).read_bytes())  # after four shards and lost one
    report, _ = batch([str(tables)], ShardSink(on_ray, 4), on_ray=True, skip_existing=True)
    kept = [json.loads(line) for s in ("part-00000.jsonl", "part-00001.jsonl", "part-00003.jsonl")
            for line in (whole / s).read_text().splitlines()]
    lost = [json.loads(line) for s in ("part-00002.jsonl", "part-00004.jsonl")
            for line in (whole / s).read_text().splitlines()]
    assert report.skipped == sum("error" not in r for r in kept) == 8  # failed ones are tried again
    new = sorted(on_ray.glob("part-*.jsonl"))[3:]
    assert [p.name for p in new] == ["part-00004.jsonl", "part-00005.jsonl", "part-00006.jsonl"]  # numbered on
    again = [json.loads(line) for path in new for line in path.read_text().splitlines()]
    assert sorted(r["source"] for r in again) == sorted(r["source"] for r in lost + kept if r in lost or "error" in r)


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory, article_text: str) -> Path:
    """About twenty articles we vary ourselves, one empty file and one binary file among them."""
    root = tmp_path_factory.mktemp("archive")
    paragraphs = article_text.strip().split("\n\n")
    for number, place in enumerate(PLACES * 2):
        order = paragraphs[:1] + paragraphs[1 + number % 3:] + paragraphs[1:1 + number % 3]
        text = "\n\n".join(order).replace("Lisbon", place.upper() if number % 2 else place)
        (root / f"{number:02d}-{place.lower()}.txt").write_text(text.replace("8.5", f"{number + 2}.5"))
    (root / "05-empty.txt").write_text("")
    (root / "06-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return root


def run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout


@pytest.fixture(scope="session")
def wire_tables(tmp_path_factory: pytest.TempPathFactory, article_text: str) -> list[Path]:
    """A JSONL and a Parquet table of articles, each with rows that cannot be articles."""
    root = tmp_path_factory.mktemp("wire")
    texts = [article_text.replace("Lisbon", place) for place in PLACES[:6]]
    lines = [json.dumps({"body": text}) for text in texts[:4]]
    lines[1:1] = ["{not json", json.dumps({"body": None})]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n")
    pq.write_table(pa.table({"body": [texts[4], "", texts[5]]}), root / "archive.parquet")
    return [root / "wire.jsonl", root / "archive.parquet"]


@pytest.mark.slow
def test_same_records_as_the_local_path(local_ray: None, archive: Path, wire_tables: list[Path]) -> None:
    inputs = [str(archive), *map(str, wire_tables), "--text-field", "body", "--format", "jsonl", "-q"]
    local = run([*inputs, "--jobs", "1"])
    on_ray = run([*inputs, "--ray", "local", "--ray-actors", "2"])
    assert on_ray == local
    status, output = on_ray
    records = [json.loads(line) for line in output.splitlines()]
    assert status == 1 and len(records) == 22 + 6 + 3
    assert [r["error"]["message"] for r in records if "error" in r] == [
        "empty article", "binary file: a PNG image",
        "not a JSON line (Expecting property name enclosed in double quotes)", "field 'body' is missing",
        "empty article"]
    files = sorted(str(p) for p in archive.iterdir())
    rows = [f"{wire_tables[0]}#{n}" for n in range(1, 7)] + [f"{wire_tables[1]}#{n}" for n in range(1, 4)]
    assert [r["source"] for r in records] == files + rows  # input order


@pytest.mark.slow
def test_shards_on_ray_are_the_local_shards(local_ray: None, wire_tables: list[Path], tmp_path: Path) -> None:
    for where, options in (("local", []), ("ray", ["--ray", "local"])):
        run([str(wire_tables[0]), "--text-field", "body", "-o", str(tmp_path / where), "--shard-size", "4", "-q",
             *options])
    shards = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert shards == ["part-00000.jsonl", "part-00001.jsonl"]
    assert [(tmp_path / "ray" / s).read_bytes() for s in shards] == [(tmp_path / "local" / s).read_bytes()
                                                                     for s in shards]


@pytest.mark.slow
def test_skip_existing_finishes_an_interrupted_run(local_ray: None, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs"
    out.mkdir()
    (out / "00-lisbon.json").write_text("kept\n")  # as if an earlier run had written it
    status, _ = run([str(archive), "--glob", "0[0-4]*.txt", "-o", str(out), "--skip-existing",
                     "-q", "--ray", "local"])
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{n:02d}-{p.lower()}.json" for n, p in enumerate(PLACES[:5])]
    assert (out / "00-lisbon.json").read_text() == "kept\n"
    assert json.loads((out / "03-seville.json").read_text())["source"] == str(archive / "03-seville.txt")


def test_an_unreachable_address_fails_in_seconds_with_one_line(archive: Path) -> None:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "summarise", str(archive), "--ray", "ray://127.0.0.1:9"],
                            capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 15
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["summarise: cannot reach Ray at ray://127.0.0.1:9: Connection refused"]
    assert result.stdout == ""


def test_ray_notices_never_reach_stdout(local_ray: None, capsys: pytest.CaptureFixture[str]) -> None:
    with ray_batch.connected("local"):
        print("(raylet) WARNING: a notice Ray prints while connected")
    captured = capsys.readouterr()
    assert captured.out == "" and "a notice" in captured.err


def test_without_ray_it_says_how_to_install_it(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ray_batch.importlib.util, "find_spec", lambda name: None)
    result = CliRunner().invoke(main, [str(archive), "--ray", "local"])
    assert result.exit_code == 1
    assert result.stderr == "summarise: --ray needs Ray: pip install 'summarise[ray]'\n"
