"""Output files: safe names, atomic writes, one file per article, JSON Lines shards."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from summarise.brief import Brief, Claim
from summarise.cli import main
from summarise.errors import InputError, OutputError
from summarise.output import DirectorySink, ShardSink, safe_output_path, write_atomically
from summarise.sources import Source


@pytest.mark.parametrize(
    "relative, expected",
    [
        ("news/a.txt", "news/a.json"),
        ("../../etc/passwd", "etc/passwd.json"),
        ("/abs/story.html", "abs/story.json"),
        ("..", "article.json"),
        ("we ird:name?.txt", "we_ird_name_.json"),
        ("example.com/2026/11/story", "example.com/2026/11/story.json"),
    ],
)
def test_output_names_stay_inside_the_output_directory(relative: str, expected: str) -> None:
    assert safe_output_path(PurePosixPath(relative), ".json").as_posix() == expected


def test_same_stem_inputs_get_distinct_files(tmp_path: Path) -> None:
    sink = DirectorySink(tmp_path, "markdown")
    first = sink.target(Source("file", "a.txt", PurePosixPath("a.txt")))
    second = sink.target(Source("file", "a.html", PurePosixPath("a.html")))
    assert first == tmp_path / "a.md" and second == tmp_path / "a-2.md"


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "brief.json"
    write_atomically(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert [p.name for p in target.parent.iterdir()] == ["brief.json"]


def test_unwritable_output_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomically(blocker / "brief.json", "{}")


def test_directory_sink_renders_by_format(tmp_path: Path) -> None:
    brief = Brief("a.txt", "Headline here", [Claim("A claim.", 0, 8, 0.5)], [])
    sink = DirectorySink(tmp_path, "rich")  # rich has no file form: plain text
    target = sink.target(Source("file", "a.txt", PurePosixPath("a.txt")))
    sink.brief(target, brief)
    assert target.name == "a.txt" and target.read_text().startswith("Headline here\n")


def file_source(relative: str) -> Source:
    return Source("file", f"in/{relative}", PurePosixPath(relative))


def test_written_check_trusts_a_file_only_where_no_other_input_could_take_its_name(tmp_path: Path) -> None:
    for done in ("a.json", "dup/b.json", "dup/c.json", "wire/1.json", "feed/1.json", "feed/2.json", "mix/1.json"):
        (tmp_path / done).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / done).write_text("{}")
    sink = DirectorySink(tmp_path, "json")
    check = sink.written_check([
        (PurePosixPath("a.txt"), False),
        (PurePosixPath("dup/b.txt"), False), (PurePosixPath("dup/b.html"), False), (PurePosixPath("dup/c.txt"), False),
        (PurePosixPath("wire"), True),  # a table's rows: wire/1, wire/2, ...
        (PurePosixPath("feed"), True), (PurePosixPath("feed"), True),  # feed.jsonl and feed.parquet
        (PurePosixPath("mix"), True), (PurePosixPath("mix/1.txt"), False),
    ])
    assert check(file_source("a.txt")) and check(file_source("wire/1"))
    assert not check(file_source("wire/2"))  # not written yet
    # b.html may be named b-2.json (and a b-2.txt then b-2-2.json), a second table's rows feed/1-2.json,
    # mix/1.txt mix/1-2.json: which input holds a name there depends on the order, so those folders
    # are left to the batch to settle.
    unsure = ("dup/b.txt", "dup/b.html", "dup/c.txt", "feed/1", "mix/1", "mix/1.txt")
    assert not any(check(file_source(name)) for name in unsure)


def brief(source: str) -> Brief:
    return Brief(source, f"Headline of {source}", [], [])


def records(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text().splitlines()]


def test_shards_hold_at_most_n_records_in_order_and_appear_whole(tmp_path: Path) -> None:
    sink = ShardSink(tmp_path, 2)
    sink.brief(sink.target(file_source("a")), brief("a"))
    sink.error("b", InputError("empty article"))
    sink.brief(sink.target(file_source("c")), brief("c"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-00000.jsonl"]  # the second is not full yet
    sink.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]
    first, second = (tmp_path / "part-00000.jsonl").read_text().splitlines(), records(tmp_path / "part-00001.jsonl")
    assert json.loads(first[0])["headline"] == "Headline of a"
    assert json.loads(first[1]) == {"source": "b", "error": {"type": "input", "message": "empty article"}}
    assert second == ["c"]


def test_a_new_run_numbers_on_and_skips_only_what_was_summarised(tmp_path: Path) -> None:
    (tmp_path / "part-00000.jsonl").write_text(
        json.dumps({"source": "in/a", "headline": "A"}) + "\n"
        + json.dumps({"source": "in/b", "error": {"type": "input", "message": "empty article"}}) + "\n"
        + "not json, as if cut short\n")
    (tmp_path / "part-00007.jsonl").write_text(json.dumps({"source": "in/c", "headline": "C"}) + "\n")
    (tmp_path / "notes.jsonl").write_text(json.dumps({"source": "in/d", "headline": "D"}) + "\n")
    sink = ShardSink(tmp_path, 10)
    done = [name for name in "abcd" if sink.exists(sink.target(file_source(name)))]
    assert done == ["a", "c"]  # b failed, so it is tried again; notes.jsonl is not a shard
    assert sink.written_check([])(file_source("c")) and not sink.written_check([])(file_source("b"))
    sink.brief("in/b", brief("in/b"))
    sink.close()
    assert records(tmp_path / "part-00008.jsonl") == ["in/b"]


def test_shards_from_the_command_line_and_a_rerun_that_finishes_the_job(tmp_path: Path, article_text: str) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for name in ("a", "b", "c"):
        (news / f"{name}.txt").write_text(article_text.replace("Lisbon", name.upper()))
    (news / "d.txt").write_text("")
    out = tmp_path / "briefs"
    result = CliRunner().invoke(main, [str(news), "-o", str(out), "--shard-size", "2", "-q"])
    assert result.exit_code == 1  # d.txt is empty
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]
    assert records(out / "part-00000.jsonl") + records(out / "part-00001.jsonl") == [
        str(news / f"{name}.txt") for name in "abcd"]

    (out / "part-00001.jsonl").unlink()  # as if the run had been cut short
    result = CliRunner().invoke(main, [str(news), "-o", str(out), "--skip-existing", "-q"],
                                env={"SUMMARISE_SHARD_SIZE": "2"})
    assert result.exit_code == 1
    assert records(out / "part-00001.jsonl") == [str(news / "c.txt"), str(news / "d.txt")]


@pytest.mark.parametrize("args, message", [
    (["--shard-size", "2"], "--shard-size needs --output-dir"),
    (["--shard-size", "2", "-o", "x", "--format", "markdown"], "--shard-size writes JSON Lines"),
])
def test_shard_size_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.stderr
