"""Fuzz the robustness properties of tests/test_properties.py with many hypothesis examples.

    python benchmarks/fuzz.py [--examples 10000] [--only brief decode sentences names]

For each property, prints how many examples ran, how long it took, and the first
failure hypothesis found (shrunk), if any. Exits 1 when any property failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_properties as props  # noqa: E402 (after the path is set)

PROPERTIES: dict[str, tuple[Callable[[Any], None], Any]] = {
    "brief": (props.check_brief, props.any_text),
    "decode": (props.check_decode, props.any_bytes),
    "sentences": (props.check_sentences, props.long_runs),
    "names": (props.check_output_name, props.path_parts),
}


def fuzz(check: Callable[[Any], None], strategy: Any, examples: int) -> tuple[int, str | None]:
    """(examples run, the failure or None) for one property."""
    count = 0

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        nonlocal count
        count += 1
        check(value)

    try:
        run()
    except Exception:  # noqa: BLE001 — report what hypothesis found, keep fuzzing the rest
        return count, traceback.format_exc(limit=-3)
    return count, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--only", nargs="+", choices=sorted(PROPERTIES), default=list(PROPERTIES))
    args = parser.parse_args()
    failed = False
    for name in args.only:
        check, strategy = PROPERTIES[name]
        started = time.monotonic()
        count, failure = fuzz(check, strategy, args.examples)
        status = "FAILED" if failure else "ok"
        print(f"{name:10s} {count:6d} examples  {time.monotonic() - started:7.1f} s  {status}", flush=True)
        if failure:
            failed = True
            print(failure, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
