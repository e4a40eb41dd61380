"""`claimlight eval GOLD.json|DIR …`: score the engine against gold articles.

With `--errors`, each article's errors are listed, then the matched quotations are counted by the
rule that named their speaker and by how the text points at the speaker (named, pronoun,
description, none), so the next fix is obvious; `--baseline` adds the counts of an earlier
`--json` run beside them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..evaluation import Score, load_gold, score
from ..evaluation.articles import CUE_KINDS


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the engine against gold-annotated articles", description=__doc__)
    p.add_argument("gold", nargs="+", help="gold JSON files or directories of them")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--errors", action="store_true", help="list each article's errors, then speakers right by rule and by kind of cue")
    p.add_argument("--baseline", metavar="JSON", help="an earlier `eval --json` output: show its counts by rule and kind beside today's")
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
        "reported_speaker_acc": s.reported_speaker_accuracy,
    }
    out["actor_f1"] = s.actors.f1 if s.has_actors else None
    out["number_r"] = s.number_recall if s.has_numbers else None
    out["number_p"] = s.number_precision if s.has_numbers else None
    return out


def groups(s: Score) -> dict:
    """Speakers right and quotations matched, by rule and by kind of cue: {"rule": {name: [right, total]}, …}."""
    return {
        "rule": {k: [g.right, g.total] for k, g in sorted(s.by_rule.items(), key=lambda kv: -kv[1].total)},
        "kind": {k: [s.by_kind[k].right, s.by_kind[k].total] for k in CUE_KINDS if k in s.by_kind},
    }


def group_table(s: Score, baseline: dict | None) -> list[str]:
    now = groups(s)
    lines = []
    for axis, title in (("rule", "speakers right by rule"), ("kind", "speakers right by kind of cue")):
        before = (baseline or {}).get(axis, {})
        keys = list(now[axis]) + [k for k in before if k not in now[axis]]
        head = f"{title:<30} {'right':>7} {'total':>6} {'wrong':>6}" + (f"   {'before: right':>13} {'total':>6} {'wrong':>6}" if baseline else "")
        lines += ["", head, "-" * len(head)]
        for k in keys:
            r, t = now[axis].get(k, [0, 0])
            row = f"{k:<30} {r:>7} {t:>6} {t - r:>6}"
            if baseline:
                br, bt = before.get(k, [0, 0])
                row += f"   {br:>13} {bt:>6} {bt - br:>6}"
            lines.append(row)
    return lines


def _width(column: str) -> int:
    return max(13, len(column))


COLUMNS = ["quote_p", "quote_r", "quote_f1", "attributed_f1", "speaker_acc", "actor_f1", "number_r", "number_p", "reported_r", "reported_p", "reported_speaker_acc"]


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
    baseline = None
    if args.baseline:
        try:
            baseline = json.loads(Path(args.baseline).read_text(encoding="utf-8"))["groups"]
        except (OSError, ValueError, KeyError) as exc:
            print(f"claimlight eval: the baseline is not an `eval --json` output: {exc}", file=sys.stderr)
            return 2
    if args.json:
        out = {"articles": {s.id: figures(s) for s in scores}, "overall": figures(total), "groups": groups(total), "files": len(files)}
        print(json.dumps(out, indent=2))
        return 0
    width = max(len(s.id) for s in scores + [total])
    width = min(width, 48)
    header = f"{'article':<{width}}  " + "  ".join(f"{c:>{_width(c)}}" for c in COLUMNS)
    print(header)
    print("-" * len(header))
    for s in scores + [total]:
        if s is total:
            print("-" * len(header))
        row = figures(s)
        cells = "  ".join(f"{'—' if row[c] is None else format(row[c], '.3f'):>{_width(c)}}" for c in COLUMNS)
        print(f"{s.id[:width]:<{width}}  {cells}")
        if args.errors and s is not total:
            for e in s.errors:
                print(f"    {e}")
    print(f"\n{len(files)} articles; quotes {total.quotes.tp} matched, {total.quotes.fp} false, {total.quotes.fn} missed; "
          f"speakers right {total.speaker_right}/{total.speaker_total}; "
          f"reported {total.reported_found}/{total.reported_total} found, speakers right {total.reported_speaker_right}/{total.reported_speaker_total}")
    if args.errors or baseline:
        print("\n".join(group_table(total, baseline)))
    return 0
