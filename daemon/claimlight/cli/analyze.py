"""`claimlight analyze FILE|-`: the text with coloured highlights, a "who said what" summary and
the sourcing ledger, or `--json` for the spans, actors and ledger (Python code-point offsets)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict

from ..protocol import Analysis, Category, Ledger, Span

# ANSI styles per category; quotes and reported speech as backgrounds so the names inside them
# still show their own colour.
STYLES = {
    Category.quote: "\x1b[48;5;229m\x1b[30m",
    Category.reported: "\x1b[48;5;189m\x1b[30m",
    Category.speaker: "\x1b[1;4;35m",
    Category.person: "\x1b[1;34m",
    Category.organization: "\x1b[1;32m",
    Category.place: "\x1b[1;36m",
    Category.number: "\x1b[1;31m",
    Category.mention: "\x1b[2;3m",
}
RESET = "\x1b[0m"
# Which style wins where spans overlap: the innermost, most specific one.
PRIORITY = [Category.quote, Category.reported, Category.mention, Category.place, Category.organization, Category.person, Category.number, Category.speaker]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="highlight quotes, speakers, actors and numbers in a text file", description=__doc__)
    p.add_argument("file", help="a UTF-8 text file (paragraphs separated by newlines), or - for standard input")
    p.add_argument("--json", action="store_true", help='print {"spans": [...], "actors": [...], "ledger": {...}} (offsets in code points)')
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour the text (default: when printing to a terminal)")
    p.add_argument("--summary-only", action="store_true", help="print only the who-said-what summary")
    p.set_defaults(func=run)


def read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n")


def run(args: argparse.Namespace) -> int:
    try:
        text = read_input(args.file)
    except OSError as exc:
        print(f"claimlight analyze: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    from ..engine import analyze

    analysis = analyze(text)
    if args.json:
        json.dump(analysis.model_dump(mode="json", exclude_none=True), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    if not args.summary_only:
        sys.stdout.write(render_text(text, analysis.spans, color) + "\n\n")
        if color:
            sys.stdout.write(legend() + "\n\n")
    sys.stdout.write(render_summary(analysis) + "\n")
    return 0


def render_text(text: str, spans: list[Span], color: bool) -> str:
    if not color:
        return _bracketed(text, spans)
    # The style of each character: the highest-priority category covering it.
    rank = {c: i for i, c in enumerate(PRIORITY)}
    best: list[Category | None] = [None] * len(text)
    for sp in spans:
        for i in range(sp.start, min(sp.end, len(text))):
            if best[i] is None or rank[sp.category] > rank[best[i]]:
                best[i] = sp.category
    out: list[str] = []
    current: Category | None = None
    for ch, cat in zip(text, best):
        if cat != current:
            out.append(RESET if current else "")
            out.append(STYLES[cat] if cat else "")
            current = cat
        if ch == "\n" and current:
            out.append(RESET + ch + STYLES[current])  # keep backgrounds off the line ends
        else:
            out.append(ch)
    if current:
        out.append(RESET)
    return "".join(out)


def _bracketed(text: str, spans: list[Span]) -> str:
    """Without colour: quotes and reported clauses marked inline with their speaker."""
    marks: dict[int, list[str]] = defaultdict(list)
    for sp in spans:
        if sp.category in (Category.quote, Category.reported):
            tag = "Q" if sp.category == Category.quote else "R"
            marks[sp.start].append(f"[{tag}:")
            marks[sp.end].insert(0, f" ←{sp.speaker or '?'}]")
    out = []
    for i, ch in enumerate(text):
        out.extend(marks.get(i, []))
        out.append(ch)
    out.extend(marks.get(len(text), []))
    return "".join(out)


def legend() -> str:
    names = [Category.quote, Category.speaker, Category.person, Category.organization, Category.place, Category.reported, Category.number, Category.mention]
    return "  ".join(f"{STYLES[c]}{c.value}{RESET}" for c in names)


def render_summary(analysis: Analysis) -> str:
    by_speaker: dict[str, list[Span]] = defaultdict(list)
    for sp in analysis.spans:
        if sp.category in (Category.quote, Category.reported):
            by_speaker[sp.speaker or "(unattributed)"].append(sp)
    lines = ["Who said what", "============="]
    if not by_speaker:
        lines.append("(no quotes or reported speech found)")
    for speaker, items in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        quotes = sum(1 for s in items if s.category == Category.quote)
        reported = len(items) - quotes
        lines.append(f"\n{speaker} — {quotes} quote{'s' * (quotes != 1)}, {reported} reported")
        for s in items:
            snippet = " ".join(s.text.split())
            if len(snippet) > 110:
                snippet = snippet[:107] + "…"
            via = f" ({s.cue})" if s.cue else ""
            lines.append(f"  {'quote   ' if s.category == Category.quote else 'reported'}  {snippet}{via}")
    if analysis.actors:
        lines.append("\nActors")
        lines.append("======")
        for a in sorted(analysis.actors, key=lambda a: (-a.mentions, a.name)):
            quoted = f", {a.quotes} quoted" if a.quotes else ""
            lines.append(f"  {a.name} ({a.type}): {a.mentions} mention{'s' * (a.mentions != 1)}{quoted}")
    if analysis.ledger is not None:
        lines.append("\n" + render_ledger(analysis.ledger))
    return "\n".join(lines)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def render_ledger(ledger: Ledger) -> str:
    """The sourcing ledger in a few lines (docs/protocol.md defines each figure)."""
    n = len(ledger.sources)
    lines = [
        "Sourcing",
        "========",
        f"{ledger.words} words: {_percent(ledger.quoted_words, ledger.words)} in direct quotes, "
        f"{_percent(ledger.reported_words, ledger.words)} reported speech, {_percent(ledger.own_words, ledger.words)} the writer's own",
        f"{n} source{'s' * (n != 1)}: {ledger.named_sources} named, {ledger.unnamed_sources} unnamed"
        + (f"; {ledger.unattributed} with no identified speaker" if ledger.unattributed else ""),
    ]
    quoted = [s for s in ledger.sources if s.quoted_words]
    if quoted:
        shares = ", ".join(f"{s.name} {_percent(s.quoted_words, ledger.quoted_words)}" for s in quoted[:5])
        lines.append(f"Share of quoted words: {shares}" + (", …" if len(quoted) > 5 else ""))
    if ledger.unsourced_figures:
        lines.append("Figures without a source: " + "; ".join(" ".join(f.text.split()) for f in ledger.unsourced_figures))
    return "\n".join(lines)
