"""Articles per second on Ray (a local instance) against the single-process path, same run.

    python benchmarks/ray_speed.py ../shared/data/cnndm_dev100.jsonl [--articles 1000]
        [--text-field article] [--actors 2]

The data file's rows are repeated to ``--articles`` rows of one JSONL table, which both
runs read with ``--text-field`` (the Ray run reads it with Ray Data, in a read task). Each run is a fresh ``summarise`` process writing JSONL
to a file, timed end to end (start-up, model loading and, for Ray, starting the local
instance and its actors included): that is what a user waits for. Prints both rates, the
Ray overhead (target: at most 25%) and whether the two outputs are byte-for-byte the same.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_table(data: Path, field: str, count: int, out: Path) -> None:
    texts = [json.loads(line)[field] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps({field: texts[number % len(texts)]}) + "\n")


def timed_run(table: Path, field: str, output: Path, *options: str) -> float:
    command = [sys.executable, "-m", "summarise", str(table), "--text-field", field,
               "--format", "jsonl", "-q", *options]
    started = time.monotonic()
    with output.open("w") as out:
        status = subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL).returncode
    elapsed = time.monotonic() - started
    if status not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {status}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="a JSONL file of articles")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--text-field", default="article")
    parser.add_argument("--actors", type=int, default=None, help="--ray-actors (default: one per CPU)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        table = root / "articles.jsonl"
        make_table(args.data, args.text_field, args.articles, table)
        single = timed_run(table, args.text_field, root / "single.jsonl", "--jobs", "1")
        ray_options = ["--ray", "local"] + (["--ray-actors", str(args.actors)] if args.actors else [])
        on_ray = timed_run(table, args.text_field, root / "ray.jsonl", *ray_options)
        same = (root / "single.jsonl").read_bytes() == (root / "ray.jsonl").read_bytes()
        lines = len((root / "ray.jsonl").read_text(encoding="utf-8").splitlines())
    print(f"articles: {args.articles} ({lines} output lines)")
    print(f"single process (--jobs 1): {single:7.1f} s  {args.articles / single:6.2f} articles/s")
    print(f"Ray, local instance:       {on_ray:7.1f} s  {args.articles / on_ray:6.2f} articles/s")
    print(f"Ray overhead: {(on_ray / single - 1) * 100:+.1f}% (target <= +25%)")
    print(f"identical output: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
