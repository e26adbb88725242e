"""Output files: safe names, atomic writes, one file per article."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from summarise.brief import Brief, Claim
from summarise.errors import OutputError
from summarise.output import DirectorySink, safe_output_path, write_atomically
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
