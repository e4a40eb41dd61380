"""`claimlight eval GOLD.json|DIR …`: score the engine against gold articles."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..evaluation import Score, load_gold, score


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the engine against gold-annotated articles", description=__doc__)
    p.add_argument("gold", nargs="+", help="gold JSON files or directories of them")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--errors", action="store_true", help="list each article's errors")
    p.set_defaults(func=run)


def gold_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.json")) if p.is_dir() else [p])
    return files


def evaluate(files: list[Path]) -> tuple[list[Score], Score]:
    from ..engine import analyze_many

    golds = [load_gold(f) for f in files]
    scores = [score(g, a) for g, a in zip(golds, analyze_many(g.text for g in golds))]
    total = Score(id="overall")
    for s in scores:
        total.add(s)
    return scores, total


def figures(s: Score) -> dict:
    out = {
        "quote_p": s.quotes.precision,
        "quote_r": s.quotes.recall,
        "quote_f1": s.quotes.f1,
        "attributed_f1": s.attributed.f1,
        "speaker_acc": s.speaker_accuracy,
        "reported_r": s.reported_recall,
        "reported_p": s.reported_precision,
    }
    out["actor_f1"] = s.actors.f1 if s.has_actors else None
    out["number_r"] = s.number_recall if s.has_numbers else None
    return out


COLUMNS = ["quote_p", "quote_r", "quote_f1", "attributed_f1", "speaker_acc", "actor_f1", "number_r", "reported_r", "reported_p"]


def run(args: argparse.Namespace) -> int:
    files = gold_files(args.gold)
    if not files:
        print("claimlight eval: no gold files found", file=sys.stderr)
        return 2
    try:
        scores, total = evaluate(files)
    except (OSError, ValueError, KeyError) as exc:
        print(f"claimlight eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"articles": {s.id: figures(s) for s in scores}, "overall": figures(total), "files": len(files)}, indent=2))
        return 0
    width = max(len(s.id) for s in scores + [total])
    width = min(width, 48)
    header = f"{'article':<{width}}  " + "  ".join(f"{c:>13}" for c in COLUMNS)
    print(header)
    print("-" * len(header))
    for s in scores + [total]:
        if s is total:
            print("-" * len(header))
        row = figures(s)
        cells = "  ".join(f"{'—' if row[c] is None else format(row[c], '.3f'):>13}" for c in COLUMNS)
        print(f"{s.id[:width]:<{width}}  {cells}")
        if args.errors and s is not total:
            for e in s.errors:
                print(f"    {e}")
    print(f"\n{len(files)} articles; quotes {total.quotes.tp} matched, {total.quotes.fp} false, {total.quotes.fn} missed; "
          f"speakers right {total.speaker_right}/{total.speaker_total}")
    return 0
