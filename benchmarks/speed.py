"""Speed and memory of the default engine, against a distilbart-class summariser.

    python benchmarks/speed.py ../shared/data/cnndm_dev100.jsonl [--articles 1000] [--jobs 1 2]

Prints, in one run on this machine:
- `summarise --help` wall time (best of 5);
- one article cold: process start to printed brief;
- batch throughput after load and peak RSS (the whole process tree) for 100 and for
  N articles (the cnndm articles repeated), per --jobs value. Throughput after load is
  the marginal rate, (N - 100) / (time(N) - time(100)), so model loading cancels out;
- the baseline: a BART shaped like distilbart-cnn-12-6, built from its config with random
  weights (same compute, nothing downloaded), generating 64 tokens with 4 beams for a
  few articles, in seconds per article.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "port_strike.txt"


def summarise_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarise", *args]


def tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry)
        children.setdefault(int(fields["PPid"]), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def timed_run(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS of the process tree in MiB), sampled every 50 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return elapsed, peak // 1024


def write_articles(data: Path, folder: Path, count: int) -> None:
    articles = [json.loads(line)["article"] for line in data.open()]
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text(articles[i % len(articles)])


def bart_baseline(data: Path, articles: int) -> float:
    """Seconds per article for a random-weight distilbart-cnn-12-6-shaped BART, 4 beams, 64 tokens."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    torch.manual_seed(0)
    config = BartConfig(
        vocab_size=50264, d_model=1024, encoder_layers=12, decoder_layers=6,
        encoder_attention_heads=16, decoder_attention_heads=16,
        encoder_ffn_dim=4096, decoder_ffn_dim=4096, max_position_embeddings=1024,
    )
    model = BartForConditionalGeneration(config).eval()
    texts = [json.loads(line)["article"] for line in data.open()][:articles]
    started = time.perf_counter()
    with torch.inference_mode():
        for text in texts:
            length = min(1024, int(len(text.split()) * 1.3))  # ~1.3 BPE tokens a word
            ids = torch.randint(4, config.vocab_size, (1, length))
            model.generate(ids, num_beams=4, min_new_tokens=64, max_new_tokens=64, early_stopping=False)
    return (time.perf_counter() - started) / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="cnndm_dev100.jsonl")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--baseline-articles", type=int, default=3)
    args = parser.parse_args()

    helps = [timed_run(summarise_command("--help"))[0] for _ in range(5)]
    print(f"summarise --help: {min(helps):.3f} s (best of 5)")
    cold, cold_rss = timed_run(summarise_command(str(EXAMPLE)))
    print(f"one article cold (start to brief): {cold:.2f} s, peak RSS {cold_rss} MiB")

    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp, "small"), Path(tmp, "large")
        small.mkdir(), large.mkdir()
        write_articles(args.data, small, 100)
        write_articles(args.data, large, args.articles)
        for jobs in args.jobs:
            runs = {}
            for name, folder, count in (("100", small, 100), (str(args.articles), large, args.articles)):
                out = Path(tmp, f"out-{jobs}-{name}")
                runs[count] = timed_run(summarise_command(str(folder), "-o", str(out), "-q", "--jobs", str(jobs)))
            (t_small, rss_small), (t_large, rss_large) = runs[100], runs[args.articles]
            marginal = (args.articles - 100) / (t_large - t_small)
            print(
                f"batch --jobs {jobs}: {marginal:.2f} articles/s after load; "
                f"100 articles {t_small:.1f} s, peak RSS {rss_small} MiB; "
                f"{args.articles} articles {t_large:.1f} s ({args.articles / t_large:.2f}/s overall), "
                f"peak RSS {rss_large} MiB"
            )
    if args.baseline_articles < 1:
        return  # --baseline-articles 0: our engine only
    per_article = bart_baseline(args.data, args.baseline_articles)
    print(f"baseline distilbart-cnn-12-6-shaped BART (random weights, 4 beams, 64 tokens): "
          f"{per_article:.1f} s/article ({1 / per_article:.3f} articles/s, {args.baseline_articles} articles)")


if __name__ == "__main__":
    main()
