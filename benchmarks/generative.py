"""ROUGE, grounding and speed of a generative model's briefs (``--model``) on CNN/DailyMail.

Usage: python benchmarks/generative.py ../shared/data/cnndm_dev100.jsonl --model smollm2 [--limit 5]

The briefs come from the CLI's code path (``make_summariser(...).summarise``).
Printed: ROUGE-1/2/Lsum of the claims against the human highlights (rouge-score,
Porter stemmer, sentences joined by newlines), the share of claims the grounding
flags unsupported, how many unsupported claims the text rendering shows without
the [unsupported] mark (the target is 0), model load time and s/article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rouge_score import rouge_scorer

from summarise.brief import Article
from summarise.generative import make_summariser
from summarise.render import to_text

METRICS = ("rouge1", "rouge2", "rougeLsum")


def unmarked_unsupported(rendered: str, claims: list) -> int:
    """Unsupported claims whose numbered line in the text brief lacks the mark."""
    lines = rendered.splitlines()
    missing = 0
    for number, claim in enumerate(claims, 1):
        line = next((l for l in lines if l.startswith(f"{number:>2}. {claim.text}")), "")
        missing += claim.supported is False and not line.endswith("[unsupported]")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="JSONL with article, reference_sentences")
    parser.add_argument("--model", required=True, help="as summarise --model (e.g. smollm2)")
    parser.add_argument("--limit", type=int, default=5, help="the first N articles (default 5)")
    parser.add_argument("--claims", type=int, default=3, help="claims per article (default 3)")
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in args.path.open(encoding="utf-8") if line.strip()][: args.limit]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    summariser = make_summariser(args.claims, model=args.model)
    began = time.perf_counter()
    summariser.load()
    load_seconds = time.perf_counter() - began

    totals = dict.fromkeys(METRICS, 0.0)
    claims = unsupported = unmarked = 0
    elapsed = 0.0
    for row in rows:
        article = Article(text=row["article"], source=row.get("id", "?"))
        began = time.perf_counter()
        brief = summariser.summarise(article)
        elapsed += time.perf_counter() - began
        scores = scorer.score("\n".join(row["reference_sentences"]), "\n".join(c.text for c in brief.claims))
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
        claims += len(brief.claims)
        unsupported += sum(c.supported is False for c in brief.claims)
        unmarked += unmarked_unsupported(to_text(brief), brief.claims)

    n = len(rows)
    print(f"{n} articles from {args.path}, --model {args.model}, --claims {args.claims}")
    print("ROUGE (F1) " + "  ".join(f"{m} {100 * totals[m] / n:.2f}" for m in METRICS))
    print(f"claims: {claims}, flagged unsupported: {unsupported} ({100 * unsupported / max(claims, 1):.1f}%), "
          f"shown without the mark: {unmarked}")
    print(f"model load: {load_seconds:.1f} s; speed: {elapsed / n:.1f} s/article "
          "(whole brief: generation, grounding, headline, quotes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
