"""The batch on Ray: the same records as the local path, errors kept, resumable, fast failures.

One local Ray instance (two CPUs) serves the whole session; the CLI joins it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from summarise import ray_batch
from summarise.cli import main

ray = pytest.importorskip("ray")

PLACES = ["Lisbon", "Porto", "Madrid", "Seville", "Rome", "Turin", "Paris", "Lyon", "Vienna", "Graz"]


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


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


@pytest.mark.slow
def test_same_records_as_the_local_path(local_ray: None, archive: Path) -> None:
    local = run([str(archive), "--format", "jsonl", "-q", "--jobs", "1"])
    on_ray = run([str(archive), "--format", "jsonl", "-q", "--ray", "local", "--ray-actors", "2"])
    assert on_ray == local
    status, output = on_ray
    records = [json.loads(line) for line in output.splitlines()]
    assert status == 1 and len(records) == 22
    assert [r["error"]["message"] for r in records if "error" in r] == ["empty article", "binary file: a PNG image"]
    assert [r["source"] for r in records] == sorted(str(p) for p in archive.iterdir())  # input order


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


def test_without_ray_it_says_how_to_install_it(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ray_batch.importlib.util, "find_spec", lambda name: None)
    result = CliRunner().invoke(main, [str(archive), "--ray", "local"])
    assert result.exit_code == 1
    assert result.stderr == "summarise: --ray needs Ray: pip install 'summarise[ray]'\n"
