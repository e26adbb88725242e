"""ROUGE of our key claims against human highlights, beside Lead-3 and stored BART summaries.

Usage: python benchmarks/rouge.py ../shared/data/cnndm_dev100.jsonl [--claims 3]
                                  [--model smollm2] [--limit N]

Each line of the JSONL file holds ``article``, ``reference_sentences`` and, where
present, ``systems.bart.summary``. Our claims come from the same code path as the
CLI (``make_summariser(claims, model=...).summarise``): the extractive engine by
default, a generative one with ``--model``. Lead-3 is the first three sentences of
the article as our splitter finds them, after the same boilerplate removal, so the
comparison measures ranking and not cleaning. Scores follow the usual convention:
rouge-score with the Porter stemmer, ROUGE-1/2/Lsum, sentences joined by newlines.

Also printed: claims that are not verbatim spans (extractive: the target is 0); for a
generative model, the share of claims the grounding flags unsupported and how many of
those the text rendering shows without the [unsupported] mark (the target is 0); model
load time, and seconds (wall and CPU) per article once loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rouge_score import rouge_scorer

from summarise.boilerplate import content_sentences
from summarise.brief import Article, Claim
from summarise.generative import make_summariser
from summarise.pipeline import text_for_parsing
from summarise.render import shown_claim, to_text

METRICS = ("rouge1", "rouge2", "rougeLsum")


def lead(text: str, count: int = 3) -> list[str]:
    """The first ``count`` content sentences of an article."""
    return [s.text for s in content_sentences(text_for_parsing(text))[:count]]


def unmarked_unsupported(rendered: str, claims: list[Claim]) -> int:
    """Unsupported claims whose numbered line in the text brief lacks the mark."""
    lines = rendered.splitlines()
    missing = 0
    for number, claim in enumerate(claims, 1):
        line = next((l for l in lines if l.startswith(f"{number:>2}. {shown_claim(claim)}")), "")
        missing += claim.supported is False and not line.endswith("[unsupported]")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="JSONL with article, reference_sentences")
    parser.add_argument("--claims", type=int, default=3, help="claims per article (default 3)")
    parser.add_argument("--model", default=None, help="as summarise --model (e.g. smollm2)")
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

    summariser = make_summariser(args.claims, model=args.model)
    began = time.perf_counter()
    summariser.load()
    if rows:  # the first call still initialises kernels and caches: part of loading, not timed
        summariser.summarise(Article(text=rows[0]["article"], source="warm-up"))
    load_seconds = time.perf_counter() - began
    elapsed = cpu = 0.0
    claims = not_spans = unsupported = unmarked = 0
    for row in rows:
        article = Article(text=row["article"], source=row.get("id", "?"))
        reference = "\n".join(row["reference_sentences"])
        began, began_cpu = time.perf_counter(), time.process_time()
        brief = summariser.summarise(article)
        elapsed += time.perf_counter() - began
        cpu += time.process_time() - began_cpu
        claims += len(brief.claims)
        not_spans += sum(article.text[c.start : c.end] != c.text for c in brief.claims)
        unsupported += sum(c.supported is False for c in brief.claims)
        unmarked += unmarked_unsupported(to_text(brief), brief.claims)
        add(f"ours ({summariser.engine})", "\n".join(c.text for c in brief.claims), reference)
        add("Lead-3", "\n".join(lead(article.text)), reference)
        bart = row.get("systems", {}).get("bart", {}).get("summary")
        if bart:
            add("BART-large-CNN (stored)", bart, reference)

    n = len(rows)
    print(f"{n} articles from {args.path}, --claims {args.claims}"
          + (f", --model {args.model}" if args.model else ""))
    print(f"{'system':<26}{'R1':>7}{'R2':>7}{'RLsum':>7}   n")
    for system, bucket in totals.items():
        figures = "".join(f"{100 * bucket[m] / counts[system]:7.2f}" for m in METRICS)
        print(f"{system:<26}{figures}   {counts[system]}")
    if args.model:
        print(f"claims: {claims}, flagged unsupported: {unsupported} "
              f"({100 * unsupported / max(claims, 1):.1f}%), shown without the mark: {unmarked}")
    else:
        print(f"claims that are not verbatim spans of the article: {not_spans} of {claims}")
    print(f"model load: {load_seconds:.1f} s; speed: {n / elapsed:.2f} articles/s "
          f"({elapsed / n:.3f} s/article, {cpu / n:.3f} CPU-s/article; models loaded, "
          "whole brief incl. headline and quotes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
