"""The command line end to end, through click's CliRunner, with the real models."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarise.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def assert_valid_brief(data: dict, article: str) -> None:
    """The invariants every brief keeps: verbatim claims and quotes, a headline of the article's words."""
    assert data["headline"] and len(data["headline"].split()) <= 14
    assert words(data["headline"]) <= words(article)
    assert len(data["claims"]) >= 3
    for item in data["claims"] + data["quotes"]:
        assert article[item["start"] : item["end"]] == item["text"]


def test_file_to_json(runner: CliRunner, example_article: Path) -> None:
    result = runner.invoke(main, [str(example_article), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    article = example_article.read_text()
    assert data["source"] == str(example_article)
    assert_valid_brief(data, article)
    speakers = {q["speaker"] for q in data["quotes"]}
    assert {"Marieke de Vries", "Pieter Bakker", "Sophie Hermans"} <= speakers
    assert data["model"]["engine"] == "extractive"


def test_stdin_with_no_arguments_and_with_dash(runner: CliRunner, article_text: str) -> None:
    for args in ([], ["-"]):
        result = runner.invoke(main, [*args, "--format", "json"], input=article_text)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["source"] == "-"
        assert_valid_brief(data, article_text)
        assert any(q["speaker"] == "Miguel Pinto Luz" for q in data["quotes"])


def test_text_is_the_default_when_stdout_is_not_a_terminal(runner: CliRunner, article_text: str) -> None:
    result = runner.invoke(main, [], input=article_text)
    assert result.exit_code == 0
    assert "Key claims\n 1. " in result.stdout and "Quotes" in result.stdout
    assert "source: -" in result.stdout


@pytest.mark.parametrize("fmt, marker", [("markdown", "## Key claims"), ("rich", "Key claims")])
def test_other_formats(runner: CliRunner, article_text: str, fmt: str, marker: str) -> None:
    result = runner.invoke(main, ["--format", fmt], input=article_text)
    assert result.exit_code == 0 and marker in result.stdout


def test_claims_option(runner: CliRunner, article_text: str) -> None:
    result = runner.invoke(main, ["-n", "2", "-f", "json"], input=article_text)
    assert len(json.loads(result.stdout)["claims"]) == 2


def make_news_dir(root: Path, article_text: str, example_article: Path) -> Path:
    news = root / "news"
    (news / "world").mkdir(parents=True)
    (news / "a.txt").write_text(article_text)
    (news / "world" / "b.md").write_text(example_article.read_text())
    (news / "empty.txt").write_text("")
    (news / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (news / "notes.csv").write_text("not matched by the default globs")
    return news


def test_directory_to_jsonl_keeps_going_after_bad_files(
    runner: CliRunner, tmp_path: Path, article_text: str, example_article: Path
) -> None:
    news = make_news_dir(tmp_path, article_text, example_article)
    result = runner.invoke(main, [str(news), str(tmp_path / "missing.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_source = {Path(r["source"]).name: r for r in records}
    assert set(by_source) == {"a.txt", "b.md", "empty.txt", "image.html", "missing.txt"}
    assert_valid_brief(by_source["a.txt"], article_text)
    assert_valid_brief(by_source["b.md"], example_article.read_text())
    assert by_source["empty.txt"]["error"] == {"type": "input", "message": "empty article"}
    assert "PNG" in by_source["image.html"]["error"]["message"]
    assert "no such file" in by_source["missing.txt"]["error"]["message"]
    errors = result.stderr.splitlines()
    assert any(line.endswith("empty.txt: empty article") for line in errors)
    assert errors[-1].startswith("2 summarised, 3 failed")
    assert "Traceback" not in result.stderr


def test_json_for_several_inputs_is_one_array(
    runner: CliRunner, tmp_path: Path, article_text: str, example_article: Path
) -> None:
    news = make_news_dir(tmp_path, article_text, example_article)
    result = runner.invoke(main, [str(news), "--format", "json", "--quiet"])
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 4
    assert result.stderr.count("\n") == 2  # the two bad files; --quiet drops the report


def test_output_dir_writes_one_file_per_article(
    runner: CliRunner, tmp_path: Path, article_text: str, example_article: Path
) -> None:
    news = make_news_dir(tmp_path, article_text, example_article)
    out = tmp_path / "briefs"
    result = runner.invoke(main, [str(news), "-o", str(out), "-f", "markdown"])
    assert result.exit_code == 1  # the empty and the binary file
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.md", "world/b.md"]
    assert (out / "a.md").read_text().startswith("# ")
    again = runner.invoke(main, [str(news), "-o", str(out), "-f", "markdown", "--skip-existing"])
    assert "2 skipped" in again.stderr


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty article"), (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary file: a PNG image")],
)
def test_bad_single_inputs_fail_with_one_line(runner: CliRunner, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(main, [str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"summarise: {path}: {message}\n"
    assert result.stdout == ""


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, [str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"summarise: {tmp_path / 'nope.txt'}: no such file or directory"


def test_debug_shows_the_traceback(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = runner.invoke(main, [str(path), "--debug"])
    assert result.exit_code == 1 and "Traceback" in result.stderr


def test_url_input(runner: CliRunner, http_server, article_text: str) -> None:
    base, routes = http_server
    routes["/lisbon.txt"] = (200, "text/plain; charset=utf-8", article_text.encode())
    result = runner.invoke(main, [f"{base}/lisbon.txt", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert_valid_brief(json.loads(result.stdout), article_text)


@pytest.mark.parametrize(
    "args", [["--format", "yaml"], ["--claims", "0"], ["--skip-existing"]]
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args, input="text")
    assert result.exit_code == 2


def test_ctrl_c_exits_130(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, article_text: str) -> None:
    def interrupted(self, article):
        raise KeyboardInterrupt

    monkeypatch.setattr("summarise.pipeline.Summariser.summarise", interrupted)
    result = runner.invoke(main, [], input=article_text)
    assert result.exit_code == 130 and "interrupted" in result.stderr


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\nfrom summarise.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'transformers', 'spacy', 'trafilatura', 'numpy') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in output


@pytest.mark.slow
def test_console_script_and_closed_pipe(tmp_path: Path, article_text: str) -> None:
    """The installed command in a real shell pipeline: `summarise dir | head -1` ends quietly."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(article_text)
    shell = subprocess.run(
        f"{Path(sys.executable).parent / 'summarise'} {tmp_path} | head -1",
        shell=True, capture_output=True, text=True, timeout=120,
    )
    assert shell.stdout.strip() and "Traceback" not in shell.stderr and "Error" not in shell.stderr
    module = subprocess.run([sys.executable, "-m", "summarise", "--version"], capture_output=True, text=True)
    assert module.stdout.startswith("summarise, version")


def test_options_fall_back_to_environment_variables(runner: CliRunner, article_text: str) -> None:
    result = runner.invoke(main, [], input=article_text, env={"SUMMARISE_FORMAT": "jsonl", "SUMMARISE_CLAIMS": "2"})
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["claims"]) == 2
