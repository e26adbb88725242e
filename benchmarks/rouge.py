"""ROUGE of our key claims against human highlights, beside Lead-3 and stored BART summaries.

Usage: python benchmarks/rouge.py ../shared/data/cnndm_dev100.jsonl [--claims 3]

Each line of the JSONL file holds ``article``, ``reference_sentences`` and, where
present, ``systems.bart.summary``. Our claims come from the same code path as the
CLI (``Summariser().summarise``). Lead-3 is the first three sentences of the
article as our splitter finds them, after the same boilerplate removal, so the
comparison measures ranking and not cleaning. Scores follow the usual convention:
rouge-score with the Porter stemmer, ROUGE-1/2/Lsum, sentences joined by newlines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rouge_score import rouge_scorer

from summarise.boilerplate import content_sentences
from summarise.brief import Article
from summarise.pipeline import Summariser, text_for_parsing

METRICS = ("rouge1", "rouge2", "rougeLsum")


def lead(text: str, count: int = 3) -> list[str]:
    """The first ``count`` content sentences of an article."""
    return [s.text for s in content_sentences(text_for_parsing(text))[:count]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="JSONL with article, reference_sentences")
    parser.add_argument("--claims", type=int, default=3, help="claims per article (default 3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in args.path.open(encoding="utf-8") if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}

    def add(system: str, candidate: str, reference: str) -> None:
        scores = scorer.score(reference, candidate)
        bucket = totals.setdefault(system, dict.fromkeys(METRICS, 0.0))
        for metric in METRICS:
            bucket[metric] += scores[metric].fmeasure
        counts[system] = counts.get(system, 0) + 1

    summariser = Summariser(args.claims)
    summariser.load()
    elapsed = cpu = 0.0
    not_spans = 0
    for row in rows:
        article = Article(text=row["article"], source=row.get("id", "?"))
        reference = "\n".join(row["reference_sentences"])
        began, began_cpu = time.perf_counter(), time.process_time()
        brief = summariser.summarise(article)
        elapsed += time.perf_counter() - began
        cpu += time.process_time() - began_cpu
        not_spans += sum(article.text[c.start : c.end] != c.text for c in brief.claims)
        add("ours", "\n".join(c.text for c in brief.claims), reference)
        add("Lead-3", "\n".join(lead(article.text)), reference)
        bart = row.get("systems", {}).get("bart", {}).get("summary")
        if bart:
            add("BART-large-CNN (stored)", bart, reference)

    print(f"{len(rows)} articles from {args.path}, --claims {args.claims}")
    print(f"{'system':<26}{'R1':>7}{'R2':>7}{'RLsum':>7}   n")
    for system, bucket in totals.items():
        figures = "".join(f"{100 * bucket[m] / counts[system]:7.2f}" for m in METRICS)
        print(f"{system:<26}{figures}   {counts[system]}")
    print(f"claims that are not verbatim spans of the article: {not_spans}")
    print(f"speed: {len(rows) / elapsed:.2f} articles/s ({elapsed / len(rows):.3f} s/article, "
          f"{cpu / len(rows):.3f} CPU-s/article; models loaded, whole pipeline incl. headline "
          "and quotes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
