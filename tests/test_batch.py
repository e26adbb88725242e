"""Many inputs: order, per-input errors, skipping, stopping, bulk model calls and worker processes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

from summarise import batch
from summarise.batch import Reader, StopFlag, run_batch, summarise_chunk
from summarise.brief import Article, Brief
from summarise.errors import InputError
from summarise.output import DirectorySink
from summarise.pipeline import Summariser
from summarise.sources import Source


class EchoSummariser:
    """A model-free stand-in: the headline is the article's first line; "boom" is a bug."""

    def load(self) -> None:
        pass

    def summarise(self, article: Article) -> Brief:
        if article.text.startswith("boom"):
            raise ZeroDivisionError("a bug")
        return Brief(article.source, article.text.splitlines()[0], [], [])


@dataclass
class ListSink:
    briefs: list
    errors: list

    def target(self, source: Source) -> str:
        return source.name

    def exists(self, target: str) -> bool:
        return target.endswith("done.txt")

    def brief(self, target: str, brief: Brief) -> None:
        self.briefs.append((target, brief.headline))

    def error(self, source: str, error: Exception) -> None:
        self.errors.append((source, type(error).__name__))

    def close(self) -> None:
        pass


def write_inputs(root: Path, texts: dict[str, str]) -> list[Source]:
    sources = []
    for name, text in texts.items():
        (root / name).write_text(text)
        sources.append(Source("file", str(root / name), PurePosixPath(name)))
    return sources


def test_order_errors_and_skips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_SIZE", 3)
    texts = {f"{i:02d}.txt": f"headline {i}\nbody" for i in range(10)}
    texts.update({"03.txt": "", "05.txt": "boom"})
    sources = write_inputs(tmp_path, texts)
    missing = InputError("no such file or directory")
    missing.source = "gone.txt"
    sink = ListSink([], [])
    reported: list[str] = []
    report = run_batch([*sources, missing], EchoSummariser(), Reader(10_000, 1.0), sink,
                       lambda name, error: reported.append(str(error)))
    assert [headline for _, headline in sink.briefs] == [
        f"headline {i}" for i in (0, 1, 2, 4, 6, 7, 8, 9)
    ]
    assert [(Path(s).name, kind) for s, kind in sink.errors] == [
        ("03.txt", "InputError"), ("05.txt", "InternalError"), ("gone.txt", "InputError")
    ]
    assert "internal error (ZeroDivisionError: a bug)" in reported[1]
    assert (report.summarised, report.failed, report.skipped) == (8, 3, 0)


def test_skip_existing(tmp_path: Path) -> None:
    sources = write_inputs(tmp_path, {"a.txt": "a\n", "done.txt": "b\n"})
    sink = ListSink([], [])
    report = run_batch(sources, EchoSummariser(), Reader(100, 1.0), sink, lambda *a: None,
                       skip_existing=True)
    assert (report.summarised, report.skipped) == (1, 1)


def test_stop_flag_finishes_the_chunk_in_hand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_SIZE", 2)
    sources = write_inputs(tmp_path, {f"{i}.txt": f"h{i}\n" for i in range(6)})
    stop = StopFlag()
    sink = ListSink([], [])

    def advance(count: int) -> None:
        stop.signal = signal.SIGINT  # Ctrl-C while the first chunk was being written

    report = run_batch(sources, EchoSummariser(), Reader(100, 1.0), sink, lambda *a: None,
                       advance=advance, stop=stop)
    assert [h for _, h in sink.briefs] == ["h0", "h1"]
    assert report.interrupted and report.line().startswith("interrupted: 2 summarised, 0 failed")


def test_bulk_chunk_gives_the_same_briefs_as_one_at_a_time(article_text: str, example_article: Path) -> None:
    articles = [
        Article(article_text, "a"),
        Article(example_article.read_text(), "b"),
        Article(article_text.replace("Portugal", "Spain"), "c"),
    ]
    summariser = Summariser()
    one_by_one = [summariser.summarise(a).to_dict() for a in articles]
    bulk = summarise_chunk(summariser, Reader(100_000, 1.0), articles)
    assert [b.to_dict() for b in bulk] == one_by_one


def test_directory_sink_resume(tmp_path: Path) -> None:
    sources = write_inputs(tmp_path, {"a.txt": "a\n", "b.txt": "b\n"})
    out = tmp_path / "out"
    first = run_batch(sources[:1], EchoSummariser(), Reader(100, 1.0), DirectorySink(out, "json"), print)
    second = run_batch(sources, EchoSummariser(), Reader(100, 1.0), DirectorySink(out, "json"), print,
                       skip_existing=True)
    assert (first.summarised, second.summarised, second.skipped) == (1, 1, 1)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def summarise_command() -> list[str]:
    return [sys.executable, "-m", "summarise"]


@pytest.mark.slow
def test_worker_processes_give_the_same_output(tmp_path: Path, article_text: str, example_article: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(5):
        (news / f"{i}.txt").write_text(article_text if i % 2 else example_article.read_text())
    (news / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    runs = [
        subprocess.run([*summarise_command(), str(news), "-f", "jsonl", "--jobs", jobs],
                       capture_output=True, text=True, timeout=300)
        for jobs in ("1", "2")
    ]
    assert [r.returncode for r in runs] == [1, 1]
    assert runs[0].stdout == runs[1].stdout
    assert len(runs[1].stdout.splitlines()) == 6


@pytest.mark.slow
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_mid_batch_stops_cleanly(tmp_path: Path, article_text: str, signum: int, code: int) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    news.mkdir()
    for i in range(200):
        (news / f"{i:03d}.txt").write_text(article_text)
    process = subprocess.Popen([*summarise_command(), str(news), "-o", str(out), "--jobs", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and any(out.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.2)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    word = "terminated" if signum == signal.SIGTERM else "interrupted"
    assert "Traceback" not in stderr and f"{word}:" in stderr
    assert ("stopping after the articles in hand" in stderr) == (signum == signal.SIGINT)  # said at once
    written = list(out.iterdir())
    assert 0 < len(written) < 200
    for path in written:  # nothing half-written, no temporary files left
        assert path.suffix == ".json" and json.loads(path.read_text())["headline"]
    done = int(stderr.split(f"{word}: ")[1].split(" summarised")[0])
    assert done == len(written)
