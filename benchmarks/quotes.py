"""Quote and speaker accuracy on PolNeAR: ``python benchmarks/quotes.py PATH.jsonl [--limit N]``.

Each article's text goes through the pipeline's own path (dateline blanked, spaCy
parse, ``extract_quotes``), and the quotes found are compared with PolNeAR's
attributions. Develop on ``polnear_train.jsonl``; report on ``polnear_dev.jsonl``.

Scoring, decided before tuning:

* **Annotators.** PolNeAR has one line per (article, annotator); a few articles were
  annotated by five or six people. Each article is scored once, against the
  annotator whose id sorts first, so that no article weighs more than another.
* **Matching.** A predicted quote matches an attribution when the word-token F1 of
  their contents is >= 0.5. PolNeAR keeps a quote split around its attribution
  ("…," he said. "…") or running over paragraphs as *one* attribution with several
  spans, while we return each piece with its own offsets; so a prediction also
  matches when the pieces overlapping the same attribution, joined, reach F1 >= 0.5.
* **Gold direct quotes** are attributions whose content is mostly quotation: at
  least half of its words inside quotation marks. A partial quote hung on reported
  speech ("critics say he had proposed to "dismantle" the ACA") is reported speech.
* **Gold reported speech** is every other attribution whose cue is a speech act
  (said, told, according to, wrote, ...: ``SPEECH_CUES`` below). PolNeAR also
  annotates beliefs and evidence ("wants", "shows", "think"), which no speech
  extractor is asked for; those count neither for nor against recall, and a
  prediction that matches one still counts as correct for precision.
* **Precision** counts a predicted quote correct when it matches any attribution
  of the article; **recall** counts the gold quotes of its kind that some
  prediction of that kind matches. Attributions without a source
  (``Attribution-no-source``) are left out on both sides.
* **Speaker** is right when the predicted ``speaker`` or ``mention`` shares a word,
  articles and prepositions aside, with the annotated source span.
  "Attributed" figures need content and speaker right.
* **Baseline**: plain quotation-mark matching (a regex for “…” and "…" pairs, no
  speaker), scored for content the same way.
* **Spread**: how much the attributed F1 owes to particular articles — a 95% interval
  from resampling the articles with replacement (2,000 samples, fixed seed), the lowest
  and highest F1 with any one article left out, and the most speaker errors in one article.
* **Speed**: seconds per article for parse + quotes and for quotes alone, and the
  same scaled to a 600-word article.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarise.models.nlp import load_spacy  # noqa: E402
from summarise.pipeline import text_for_parsing  # noqa: E402
from summarise.quotes import extract_quotes  # noqa: E402

SPEECH_CUES = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old|elling)|according|add(?:s|ed|ing)?|wr(?:ite|ites|ote|iting)|"
    r"report(?:s|ed|ing)?|announc\w*|stat(?:e|es|ed|ing|ement)|declar\w*|expla\w*|insist\w*|warn\w*|"
    r"claim\w*|argu\w*|not(?:e|es|ed|ing)|recall\w*|confirm\w*|den(?:y|ies|ied)|acknowledg\w*|admit\w*|"
    r"repl\w*|respond\w*|remark\w*|comment\w*|suggest\w*|stress\w*|emphasi[sz]\w*|tweet\w*|predict\w*|"
    r"conced\w*|complain\w*|assert\w*|maintain\w*|contend\w*|testif\w*|quot\w*|cit(?:e|es|ed|ing)|"
    r"continu\w*|conclud\w*|observ\w*|urg\w*|promis\w*|pledg\w*|vow\w*|told|accus\w*|call(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
QUOTE_MARKS = re.compile(r"''|[\"“”„«»]")  # '' : the typewriter double mark of NYT copy
BASELINE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"|''[^\n]+?''")
NON_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "as",
    "into", "over", "after", "before", "under", "through", "and", "'s", "s",
}
MATCH_F1 = 0.5


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(predicted: str, gold: str) -> float:
    p, g = words(predicted), words(gold)
    if not p or not g:
        return 0.0
    remaining = defaultdict(int)
    for w in g:
        remaining[w] += 1
    common = 0
    for w in p:
        if remaining[w] > 0:
            remaining[w] -= 1
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def quoted_share(content: str) -> float:
    """Share of a content's words that lie inside quotation marks (marks paired in order)."""
    pieces = QUOTE_MARKS.split(content)
    total = sum(len(words(piece)) for piece in pieces)
    return sum(len(words(piece)) for piece in pieces[1::2]) / total if total else 0.0


def gold_attributions(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Sourced attributions with kind ("direct", "reported", or None for non-speech)."""
    gold = []
    for a in row["attributions"]:
        if a["type"] != "Attribution" or not a.get("content") or not a.get("source"):
            continue
        if (a["direct_quote"] or "''" in a["content"]["text"]) and quoted_share(a["content"]["text"]) >= 0.5:
            kind = "direct"
        elif a.get("cue") and SPEECH_CUES.search(a["cue"]["text"]):
            kind = "reported"
        else:
            kind = None
        gold.append({
            "content": a["content"]["text"],
            "spans": a["content"]["spans"],
            "source": a["source"]["text"],
            "kind": kind,
        })
    return gold


def speaker_right(speaker: str | None, mention: str | None, source: str) -> bool:
    wanted = set(words(source)) - NON_WORDS
    said = set(words(speaker or "")) | set(words(mention or ""))
    return bool(wanted & (said - NON_WORDS))


def overlap(start: int, end: int, spans: list[list[int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def match(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[int | None]:
    """For each prediction, the index of the attribution it matches, or None."""
    result: list[int | None] = [None] * len(predicted)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(predicted):
        best = max(range(len(gold)), key=lambda g: overlap(p["start"], p["end"], gold[g]["spans"]), default=None)
        if best is not None and overlap(p["start"], p["end"], gold[best]["spans"]) > 0:
            groups[best].append(i)
    for i, p in enumerate(predicted):
        scores = [(token_f1(p["text"], g["content"]), n) for n, g in enumerate(gold)]
        score, n = max(scores, default=(0.0, None))
        if score >= MATCH_F1:
            result[i] = n
    for n, members in groups.items():
        joined = " ".join(predicted[i]["text"] for i in members)
        if token_f1(joined, gold[n]["content"]) >= MATCH_F1:
            for i in members:
                if result[i] is None:
                    result[i] = n
    return result


class Tally:
    """Precision / recall counts for one kind of quote."""

    def __init__(self) -> None:
        self.predicted = self.correct = self.gold = self.found = 0

    def add(self, correct: int, predicted: int, found: int, gold: int) -> None:
        self.correct += correct
        self.predicted += predicted
        self.found += found
        self.gold += gold

    def figures(self) -> tuple[float, float, float]:
        """(precision, recall, F1)."""
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        p, r, f = self.figures()
        return f"{label:<44} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({self.correct}/{self.predicted} predicted, {self.found}/{self.gold} gold)"


def score(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], kind: str, attributed: bool) -> tuple[int, int, int, int]:
    """(correct predictions, predictions, gold found, gold) for one kind in one article."""
    mine = [p for p in predicted if p["kind"] == kind]
    matched = match(mine, gold)

    def good(p: dict[str, Any], n: int | None) -> bool:
        return n is not None and (not attributed or speaker_right(p["speaker"], p["mention"], gold[n]["source"]))

    correct = sum(good(p, n) for p, n in zip(mine, matched))
    found_gold = {n for p, n in zip(mine, matched) if good(p, n)}
    wanted = [n for n, g in enumerate(gold) if g["kind"] == kind]
    return correct, len(mine), sum(n in found_gold for n in wanted), len(wanted)


def f1(counts: list[tuple[int, int, int, int]]) -> float:
    """F1 of several articles' (correct, predicted, found, gold) counts together."""
    tally = Tally()
    for article in counts:
        tally.add(*article)
    return tally.figures()[2]


def spread(per_article: list[tuple[int, int, int, int]], samples: int = 2000) -> str:
    """Bootstrap interval and leave-one-out range of F1 over articles: whether a gap to a target
    is within what the choice of articles alone moves."""
    rng = random.Random(0)
    resampled = sorted(f1(rng.choices(per_article, k=len(per_article))) for _ in range(samples))
    low, high = resampled[int(0.025 * samples)], resampled[int(0.975 * samples) - 1]
    left_out = [f1(per_article[:i] + per_article[i + 1 :]) for i in range(len(per_article))]
    return f"95% interval {low:.3f}-{high:.3f}; one article left out {min(left_out):.3f}-{max(left_out):.3f}"


def first_annotator(path: Path) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] not in rows or row["annotator"] < rows[row["id"]]["annotator"]:
                rows[row["id"]] = row
    return list(rows.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    args = parser.parse_args()
    rows = first_annotator(args.path)[: args.limit]
    nlp = load_spacy()
    nlp("Warm-up sentence, she said.")
    tallies = {name: Tally() for name in ("baseline", "direct", "attributed", "reported", "reported_attr")}
    speakers_right = speakers_total = 0
    attributed_per_article = []
    speaker_errors_per_article = []
    parse_seconds = quote_seconds = 0.0
    n_words = 0
    for row in rows:
        text = row["text"]
        gold = gold_attributions(row)
        baseline = [
            {"text": m.group().strip("\"“”'"), "start": m.start(), "end": m.end(), "kind": "direct",
             "speaker": None, "mention": None}
            for m in BASELINE.finditer(text)
        ]
        tallies["baseline"].add(*score(baseline, gold, "direct", attributed=False))
        started = time.perf_counter()
        doc = nlp(text_for_parsing(text))
        parsed = time.perf_counter()
        quotes = extract_quotes(doc)
        done = time.perf_counter()
        parse_seconds += parsed - started
        quote_seconds += done - parsed
        n_words += len(words(text))
        predicted = [q.__dict__ for q in quotes]
        for q in quotes:
            assert text[q.start : q.end] == q.text, (row["id"], q)
        tallies["direct"].add(*score(predicted, gold, "direct", attributed=False))
        attributed_per_article.append(score(predicted, gold, "direct", attributed=True))
        tallies["attributed"].add(*attributed_per_article[-1])
        tallies["reported"].add(*score(predicted, gold, "reported", attributed=False))
        tallies["reported_attr"].add(*score(predicted, gold, "reported", attributed=True))
        direct = [p for p in predicted if p["kind"] == "direct"]
        found = [(p, n) for p, n in zip(direct, match(direct, gold)) if n is not None]
        right = sum(speaker_right(p["speaker"], p["mention"], gold[n]["source"]) for p, n in found)
        speakers_total += len(found)
        speakers_right += right
        speaker_errors_per_article.append((len(found) - right, len(found)))
    n = len(rows)
    print(f"{args.path.name}: {n} articles, {n_words} words")
    print(tallies["baseline"].line("baseline: quotation-mark matching (content)"))
    print(tallies["direct"].line("direct quotes (content)"))
    print(tallies["attributed"].line("attributed direct quotes (content+speaker)"))
    print(f"{'  attributed F1 over articles':<44} {spread(attributed_per_article)}")
    print(f"{'speaker accuracy on direct quotes found':<44} {speakers_right / max(speakers_total, 1):.3f}   ({speakers_right}/{speakers_total})")
    errors, found_there = max(speaker_errors_per_article, default=(0, 0))
    print(f"{'  most speaker errors in one article':<44} {errors} of its {found_there} quotes found")
    print(tallies["reported"].line("reported speech (content)"))
    print(tallies["reported_attr"].line("reported speech (content+speaker)"))
    per_600 = 600 / max(n_words / n, 1)
    print(
        f"seconds per article: parse+quotes {(parse_seconds + quote_seconds) / n:.3f}, quotes alone "
        f"{quote_seconds / n:.4f}; per 600 words: {(parse_seconds + quote_seconds) / n * per_600:.3f} "
        f"and {quote_seconds / n * per_600:.4f}"
    )


if __name__ == "__main__":
    main()
