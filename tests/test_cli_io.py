"""Where the command line reads and writes: inputs never overwritten, bad inputs failing alone,
stdout that cannot be written, unreadable folders, output names, the JSON shape. A fast
stand-in replaces the models (these tests are about the plumbing, not the briefs)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarise.brief import Article, Brief
from summarise.cli import main
from conftest import ECHO_MAIN


class Echo:
    """The headline is the article's first line; loading the models is counted."""

    loads = 0

    def load(self) -> None:
        Echo.loads += 1

    def summarise(self, article: Article) -> Brief:
        return Brief(article.source, article.text.splitlines()[0].strip(), [], [])


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr("summarise.generative.make_summariser", lambda *args, **kwargs: Echo())
    Echo.loads = 0
    return CliRunner()


# -o onto a folder of inputs


@pytest.mark.parametrize("case", ["folder", "file", "markdown"])
def test_a_brief_never_replaces_an_input(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         case: str) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "story.txt").write_text("Story one\n")
    (news / "x.md").write_text("Story two\n")
    monkeypatch.chdir(news)
    args = {"folder": [".", "-o", ".", "-f", "text"], "file": ["story.txt", "-o", ".", "-f", "text"],
            "markdown": ["x.md", "-o", str(news), "-f", "markdown"]}[case]
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "would replace" in result.stderr and "Traceback" not in result.stderr
    assert (news / "story.txt").read_text() == "Story one\n" and (news / "x.md").read_text() == "Story two\n"
    assert sorted(p.name for p in news.iterdir()) == ["story.txt", "x.md"]
    assert Echo.loads == 0  # refused before the models load


def test_briefs_beside_their_inputs_are_fine_when_no_input_is_replaced(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Story one\n")
    result = runner.invoke(main, [str(tmp_path), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "story.json").read_text())["headline"] == "Story one"
    assert (tmp_path / "story.txt").read_text() == "Story one\n"


def test_a_row_brief_never_replaces_an_input_file(runner: CliRunner, tmp_path: Path) -> None:
    """A table's rows are named as they are read: the sink's own check stops those."""
    (tmp_path / "wire.jsonl").write_text(json.dumps({"body": "Row one"}) + "\n")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "1.json").write_text('{"kept": true}\n')
    result = runner.invoke(main, [str(tmp_path / "wire.jsonl"), str(tmp_path / "wire" / "1.json"),
                                  "--text-field", "body", "-o", str(tmp_path), "-f", "json"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"summarise: {tmp_path / 'wire.jsonl'}#1: not written: ")
    assert "is one of the inputs" in result.stderr
    assert json.loads((tmp_path / "1.json").read_text())["source"] == str(tmp_path / "wire" / "1.json")
    assert (tmp_path / "wire" / "1.json").read_text() == '{"kept": true}\n'


# One bad input among good ones


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:port/", "https://exa mple.com/"])
def test_a_malformed_url_fails_alone(runner: CliRunner, tmp_path: Path, url: str) -> None:
    (tmp_path / "a.txt").write_text("Story one\n")
    result = runner.invoke(main, [str(tmp_path / "a.txt"), url, "-f", "jsonl"])
    assert result.exit_code == 1
    first, second = map(json.loads, result.stdout.splitlines())
    assert first["headline"] == "Story one"
    assert second["source"] == url and second["error"]["message"].startswith("invalid URL")
    assert f"summarise: {url}: invalid URL" in result.stderr and "Traceback" not in result.stderr


# Standard output that cannot be written

def run_with_stdout(args: list[str], stdout: object = None, close_stdout: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", ECHO_MAIN, *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=60, preexec_fn=(lambda: os.close(1)) if close_stdout else None)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "rich"])
def test_a_full_stdout_is_one_line_and_exit_1(tmp_path: Path, fmt: str) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}\n")
    with open("/dev/full", "w") as full:
        result = run_with_stdout([str(tmp_path), "-f", fmt], stdout=full)
    assert result.returncode == 1
    assert result.stderr == "summarise: cannot write to standard output: No space left on device\n"


def test_a_closed_stdout_is_one_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Story a\n")
    result = run_with_stdout([str(tmp_path / "a.txt")], close_stdout=True)
    assert result.returncode == 1
    assert result.stderr == "summarise: cannot write to standard output: it is closed\n"
    written = run_with_stdout([str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q"], close_stdout=True)
    assert written.returncode == 0 and written.stderr == ""  # stdout is not needed there


# Folders that cannot be read


@pytest.fixture
def locked_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """news/a.txt, news/locked/x.txt and only/z.txt, with ``locked`` and ``only`` unlistable. Root
    lists any folder, so the refusal is simulated (os.walk lists through os.scandir)."""
    for name in ("news/a.txt", "news/locked/x.txt", "news/sub/b.txt", "only/z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Story {name}\n")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fspath(path)).name in ("locked", "only"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return tmp_path


def test_an_unreadable_subfolder_is_an_error_in_its_place(runner: CliRunner, locked_folders: Path) -> None:
    news = locked_folders / "news"
    result = runner.invoke(main, [str(news), "-f", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(news / "a.txt"), str(news / "locked"), str(news / "sub" / "b.txt")]
    assert records[1]["error"] == {"type": "input", "message": "permission denied"}
    assert f"summarise: {news / 'locked'}: permission denied" in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1].startswith("2 summarised, 1 failed")


def test_an_unreadable_folder_named_directly_says_permission_denied(runner: CliRunner, locked_folders: Path) -> None:
    result = runner.invoke(main, [str(locked_folders / "only")])
    assert result.exit_code == 1
    assert result.stderr == f"summarise: {locked_folders / 'only'}: permission denied\n"


def test_a_file_that_cannot_be_looked_at_is_an_error(runner: CliRunner, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that can be listed but not entered (mode r--): its files cannot even be stat'ed."""
    (tmp_path / "a.txt").write_text("Story a\n")
    (tmp_path / "b.txt").write_text("Story b\n")
    real_stat = Path.stat

    def stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self.name == "b.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    result = runner.invoke(main, [str(tmp_path), "-f", "jsonl", "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"summarise: {tmp_path / 'b.txt'}: permission denied\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_a_real_unreadable_subfolder(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Story x\n")
    (tmp_path / "a.txt").write_text("Story a\n")
    (tmp_path / "locked").chmod(0)
    try:
        result = runner.invoke(main, [str(tmp_path), "-f", "jsonl", "-q"])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.exit_code == 1 and result.stderr == f"summarise: {tmp_path / 'locked'}: permission denied\n"


# Output names: one article's brief never replaces another's


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("text", ".txt"), ("markdown", ".md"), ("jsonl", ".jsonl")])
def test_a_later_run_never_replaces_or_skips_by_another_sources_brief(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, suffix: str) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("coll/d1/story.md", "coll/d2/story.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(f"Story {name}\n")
    out = Path("out")
    assert runner.invoke(main, ["coll/d1", "-o", "out", "-f", fmt]).exit_code == 0
    first = (out / f"story{suffix}").read_text()
    resumed = runner.invoke(main, ["coll/d2/story.txt", "-o", "out", "-f", fmt, "--skip-existing"])
    assert resumed.exit_code == 0 and resumed.stderr.startswith("1 summarised, 0 failed in")
    assert (out / f"story{suffix}").read_text() == first  # d1's brief is kept...
    assert "coll/d2/story.txt" in (out / f"story-2{suffix}").read_text()  # ...and d2's written beside it
    for args in (["coll/d2/story.txt"], ["./coll/d1/", "coll/d2/story.txt"]):  # reruns: each its own file
        again = runner.invoke(main, [*args, "-o", "out", "-f", fmt])
        assert again.exit_code == 0, again.output
    skipped = runner.invoke(main, ["coll/d1", "coll/d2/story.txt", "-o", "out", "-f", fmt, "--skip-existing"])
    assert skipped.stderr.startswith("0 summarised, 0 failed, 2 skipped")
    assert sorted(p.name for p in out.iterdir()) == [f"story-2{suffix}", f"story{suffix}"]
    assert (out / f"story{suffix}").read_text() == first


def test_the_written_check_for_ray_trusts_only_a_brief_of_the_same_source(tmp_path: Path) -> None:
    from pathlib import PurePosixPath

    from summarise.output import DirectorySink
    from summarise.sources import Source

    (tmp_path / "a.json").write_text(json.dumps({"source": "in/a.txt", "headline": "A"}))
    (tmp_path / "b.json").write_text(json.dumps({"source": "elsewhere/b.txt", "headline": "B"}))
    check = DirectorySink(tmp_path, "json").written_check([(PurePosixPath("a.txt"), False),
                                                           (PurePosixPath("b.txt"), False)])
    assert check(Source("file", "in/a.txt", PurePosixPath("a.txt")))
    assert check(Source("file", "./in/a.txt", PurePosixPath("a.txt")))
    assert not check(Source("file", "in/b.txt", PurePosixPath("b.txt")))


# The shape of --format json


def test_json_is_an_array_for_a_folder_however_many_articles(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text("Story a\n")
    (tmp_path / "two").mkdir()
    for name in ("a", "b"):
        (tmp_path / "two" / f"{name}.txt").write_text(f"Story {name}\n")
    (tmp_path / "none").mkdir()
    for folder, headlines in (("one", ["Story a"]), ("two", ["Story a", "Story b"])):
        result = runner.invoke(main, [str(tmp_path / folder), "-f", "json", "-q"])
        assert result.exit_code == 0
        assert [brief["headline"] for brief in json.loads(result.stdout)] == headlines
    empty = runner.invoke(main, [str(tmp_path / "none"), "-f", "json", "-q"])
    assert empty.exit_code == 1 and [r["error"]["type"] for r in json.loads(empty.stdout)] == ["input"]
    several = runner.invoke(main, [str(tmp_path / "one" / "a.txt"), str(tmp_path / "nope.txt"), "-f", "json", "-q"])
    assert [("error" in r) for r in json.loads(several.stdout)] == [False, True]


def test_json_for_one_file_is_its_object_or_its_error_record(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Story a\n")
    ok = runner.invoke(main, [str(tmp_path / "a.txt"), "-f", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["headline"] == "Story a"
    for args, message in (([str(tmp_path / "nope.txt")], "no such file or directory"), ([], "empty article")):
        failed = runner.invoke(main, [*args, "-f", "json"], input="")
        assert failed.exit_code == 1
        assert json.loads(failed.stdout) == {"source": args[0] if args else "-",
                                             "error": {"type": "input", "message": message}}


# Smaller things


@pytest.mark.parametrize("args, env", [(["--ray", "bogus"], {}), (["--ray", "ray://head"], {}),
                                       ([], {"RAY_ADDRESS": "nope"})])
def test_a_malformed_ray_address_is_a_usage_error(runner: CliRunner, tmp_path: Path, args: list[str],
                                                  env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text("Story a\n")
    result = runner.invoke(main, [str(tmp_path / "a.txt"), *args], env=env)
    assert result.exit_code == 2
    assert "expected local, auto, ray://HOST:PORT or HOST:PORT" in result.stderr


@pytest.mark.parametrize("message, line", [
    ("model '/x': no such file or directory", "summarise: model '/x': no such file or directory"),
    ("--device cuda was asked for", "summarise: model: --device cuda was asked for"),
])
def test_a_model_that_cannot_load_is_named_once(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                message: str, line: str) -> None:
    from summarise.errors import ModelUnavailable

    def refuse(self: Echo) -> None:
        raise ModelUnavailable(message)

    monkeypatch.setattr(Echo, "load", refuse)
    (tmp_path / "a.txt").write_text("Story a\n")
    result = runner.invoke(main, [str(tmp_path / "a.txt")])
    assert result.exit_code == 1 and result.stderr == line + "\n"


def test_sigterm_is_reported_as_terminated(tmp_path: Path) -> None:
    import signal

    from summarise.batch import Reader, StopFlag, run_batch
    from summarise.output import StreamSink
    from summarise.sources import expand_inputs

    (tmp_path / "a.txt").write_text("Story a\n")
    stop = StopFlag()
    stop.signal = signal.SIGTERM
    report = run_batch(list(expand_inputs([str(tmp_path)])), Echo(), Reader(100, 1.0),
                       StreamSink(open(os.devnull, "w"), "jsonl", False), lambda *a: None, stop=stop)
    assert report.line().startswith("terminated: 0 summarised")
