"""Scoring an analysis against a gold article (the format of shared/eval/FORMAT.md).

Pure functions over `Analysis` and gold dicts, so tests can score without a model.

Gold sets differ on quotations inside quotations: ours covers them with the outer quote unless the
text gives them a speaker of their own, other sets may list every inner one, or none. The engine
reports an inner quotation (`nested_in`) when it has its own speaker; scoring counts it when the
gold has it, and leaves it out (neither right nor wrong) when the gold has only the quote around it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..protocol import ACTOR_CATEGORIES, Analysis, Category, Span
from .counts import add_counts, rate

Range = tuple[int, int]


@dataclass
class GoldQuote:
    start: int
    end: int
    speaker_match: list[str]
    speaker_span: Range | None
    speaker: str = ""


@dataclass
class Gold:
    id: str
    genre: str
    text: str
    quotes: list[GoldQuote]
    indirect: list[GoldQuote]
    non_quotes: list[Range]
    unscored: list[Range]
    actor_mentions: list[tuple[int, int, str]]  # start, end, type
    optional: list[Range]
    numbers: list[Range]
    has_actors: bool
    has_numbers: bool


def _nth(text: str, sub: str, occurrence: int) -> Range:
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            raise ValueError(f"gold substring not found (occurrence {occurrence}): {sub[:60]!r}")
    return pos, pos + len(sub)


def _whole_word_ranges(text: str, alias: str) -> list[Range]:
    pattern = r"(?<!\w)" + re.escape(alias) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def load_gold(path: str | Path) -> Gold:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    text = d["text"]
    quotes = [
        GoldQuote(*_nth(text, q["quote"], q.get("occurrence", 1)), q.get("speaker_match", []), None, q.get("speaker", ""))
        for q in d.get("quotes", [])
    ]
    quotes += [
        GoldQuote(q["start"], q["end"], q.get("speaker_match", []), tuple(q["speaker_span"]) if q.get("speaker_span") else None, q.get("speaker", ""))
        for q in d.get("quotes_abs", [])
    ]
    indirect = [GoldQuote(*_nth(text, q["text"], q.get("occurrence", 1)), q.get("speaker_match", []), None) for q in d.get("indirect", [])]
    indirect += [
        GoldQuote(q["start"], q["end"], q.get("speaker_match", []), tuple(q["speaker_span"]) if q.get("speaker_span") else None)
        for q in d.get("indirect_abs", [])
    ]
    non_quotes = [_nth(text, n["text"], n.get("occurrence", 1)) for n in d.get("non_quotes", [])]
    unscored = [tuple(u) for u in d.get("unscored", [])]
    # Gold actor mentions: every whole-word occurrence of every alias, longest first, no overlaps.
    aliases = sorted(
        ((alias, a["type"]) for a in d.get("actors", []) for alias in a.get("aliases", [a["name"]])),
        key=lambda x: -len(x[0]),
    )
    taken: list[tuple[int, int, str]] = []
    for alias, kind in aliases:
        for s, e in _whole_word_ranges(text, alias):
            if not any(s < te and ts < e for ts, te, _ in taken):
                taken.append((s, e, kind))
    optional = [r for o in d.get("optional", []) for r in _whole_word_ranges(text, o)]
    numbers = [_nth(text, n["text"], n.get("occurrence", 1)) for n in d.get("numbers", [])]
    return Gold(
        id=d.get("id", Path(path).stem),
        genre=d.get("genre", ""),
        text=text,
        quotes=quotes,
        indirect=indirect,
        non_quotes=non_quotes,
        unscored=unscored,
        actor_mentions=sorted(taken),
        optional=optional,
        numbers=numbers,
        has_actors=bool(d.get("actors")),
        has_numbers=bool(d.get("numbers")),
    )


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# How the text points at a quotation's speaker (protocol.CueKind), and the groups errors are counted in.
CUE_KINDS = ("named", "pronoun", "description", "none")
UNATTRIBUTED = "unattributed"  # the rule column of a quotation given no speaker
_PRONOUNS = frozenset("he him his she her it its they them their i we who which that".split())
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘'(]*[A-Z]|\n")


def gold_cue_kind(text: str, gold: GoldQuote) -> str | None:
    """How the text points at a gold quotation's speaker, from its gold speaker mention: "none"
    when the mention stands in another sentence; None when the gold names no mention."""
    if not gold.speaker_span:
        return None
    a, b = gold.speaker_span
    # (with the quotation's opening mark and first letter: a sentence break shows in what follows it)
    between = text[b : gold.start + 2] if b <= gold.start else text[gold.end : a]
    if a < gold.end and gold.start < b:
        between = ""
    if _SENTENCE_BREAK.search(_outside_quotes(between)):
        return "none"
    words = text[a:b].split()
    if len(words) == 1 and words[0].lower().strip(",.’'s") in _PRONOUNS:
        return "pronoun"
    first = next((w for w in words if w[:1].isalpha()), "")
    if first[:1].isupper() and first.lower() not in ("the", "a", "an", "his", "her", "its", "their"):
        return "named"
    return "description"


def _outside_quotes(segment: str) -> str:
    """A stretch of text without what stands between double quotation marks (a quotation's own
    sentence ends are not the narrative's)."""
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", segment)


@dataclass
class Group:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += int(right)
        self.total += 1


# The plain counters of a Score, summed as they are when scores are added.
_COUNTERS = (
    "speaker_right", "speaker_total", "numbers_found", "numbers_total", "numbers_touching", "numbers_predicted",
    "reported_found", "reported_total",
    "reported_touching", "reported_predicted", "reported_speaker_right", "reported_speaker_total", "has_actors", "has_numbers",
)


@dataclass
class Score:
    id: str
    quotes: Counts = field(default_factory=Counts)
    attributed: Counts = field(default_factory=Counts)
    speaker_right: int = 0
    speaker_total: int = 0  # matched quotes
    actors: Counts = field(default_factory=Counts)
    numbers_found: int = 0
    numbers_total: int = 0
    numbers_touching: int = 0  # predicted number spans that overlap a gold numeric claim
    numbers_predicted: int = 0
    reported_found: int = 0
    reported_total: int = 0
    reported_touching: int = 0
    reported_predicted: int = 0
    reported_speaker_right: int = 0
    reported_speaker_total: int = 0  # found gold reported spans whose gold names a speaker
    has_actors: bool = False
    has_numbers: bool = False
    errors: list[str] = field(default_factory=list)
    # matched quotations by the rule that named their speaker and by the kind of cue
    by_rule: dict[str, Group] = field(default_factory=dict)
    by_kind: dict[str, Group] = field(default_factory=dict)

    def count(self, rule: str, kind: str, right: bool) -> None:
        self.by_rule.setdefault(rule, Group()).add(right)
        self.by_kind.setdefault(kind, Group()).add(right)

    def add(self, o: "Score") -> None:
        self.quotes.add(o.quotes)
        self.attributed.add(o.attributed)
        self.actors.add(o.actors)
        add_counts(self, o, _COUNTERS)
        for mine, theirs in ((self.by_rule, o.by_rule), (self.by_kind, o.by_kind)):
            for key, g in theirs.items():
                mine.setdefault(key, Group()).right += g.right
                mine[key].total += g.total

    speaker_accuracy = rate("speaker_right", "speaker_total", 1.0)
    number_recall = rate("numbers_found", "numbers_total", 1.0)
    number_precision = rate("numbers_touching", "numbers_predicted", 1.0)
    reported_recall = rate("reported_found", "reported_total", 1.0)
    reported_precision = rate("reported_touching", "reported_predicted", 1.0)
    reported_speaker_accuracy = rate("reported_speaker_right", "reported_speaker_total", 1.0)


def _speaker_right(span: Span, gold: GoldQuote, text: str) -> bool:
    name = (span.speaker or "").lower()
    if name and any(m.lower() in name for m in gold.speaker_match if m):
        return True
    if gold.speaker_span and span.speaker_start is not None and span.speaker_end is not None:
        return _overlap((span.speaker_start, span.speaker_end), gold.speaker_span) > 0
    return False


def score(gold: Gold, analysis: Analysis) -> Score:
    s = Score(id=gold.id, has_actors=gold.has_actors, has_numbers=gold.has_numbers)
    text = gold.text
    quotes = [sp for sp in analysis.spans if sp.category == Category.quote]
    matched = _match_quotes(quotes, gold.quotes)
    used = set(matched.values())
    for p, sp in enumerate(quotes):
        r = (sp.start, sp.end)
        match = matched.get(p)
        if match is not None:
            s.quotes.tp += 1
            s.speaker_total += 1
            g = gold.quotes[match]
            right = _speaker_right(sp, g, text)
            rule = sp.via.rule if sp.via else UNATTRIBUTED
            kind = gold_cue_kind(text, g) or (sp.via.kind if sp.via else "none")
            s.count(rule, kind, right)
            if right:
                s.speaker_right += 1
                s.attributed.tp += 1
            else:
                s.attributed.fp += 1
                s.attributed.fn += 1
                gold_who = g.speaker_match or (text[g.speaker_span[0] : g.speaker_span[1]] if g.speaker_span else None)
                s.errors.append(f"speaker [{rule}, {kind}]: {sp.text[:50]!r} → {sp.speaker!r}{_chain_note(sp)}, gold {gold_who!r}")
        elif any(_overlap(r, u) for u in gold.unscored) and not any(_overlap(r, n) for n in gold.non_quotes):
            continue  # the corpus did not annotate it: neither right nor wrong
        elif sp.nested_in is not None and not any(_overlap(r, n) for n in gold.non_quotes) and any(
            q in matched and quotes[q].start <= sp.start and sp.end <= quotes[q].end for q in range(len(quotes)) if q != p
        ):
            # A quotation inside a quote the gold has, where the gold covers nested quotations with
            # the outer one only: neither right nor wrong.
            continue
        else:
            s.quotes.fp += 1
            s.attributed.fp += 1
            s.errors.append(f"false quote: {sp.text[:60]!r}")
    for i, g in enumerate(gold.quotes):
        if i not in used:
            s.quotes.fn += 1
            s.attributed.fn += 1
            s.errors.append(f"missed quote: {text[g.start:g.end][:60]!r}")

    if gold.has_actors:
        gold_ms = gold.actor_mentions
        hit: set[int] = set()
        for sp in analysis.spans:
            if sp.category not in ACTOR_CATEGORIES:
                continue
            r = (sp.start, sp.end)
            same = [i for i, (a, b, t) in enumerate(gold_ms) if t == sp.category.value and _overlap(r, (a, b))]
            if same:
                s.actors.tp += 1
                hit.update(same)
                continue
            touches_gold = any(_overlap(r, (a, b)) for a, b, _ in gold_ms)
            if not touches_gold and any(o[0] <= r[0] and r[1] <= o[1] for o in gold.optional):
                continue
            s.actors.fp += 1
            s.errors.append(f"actor fp: {sp.text!r} as {sp.category.value}")
        missed = [i for i in range(len(gold_ms)) if i not in hit]
        s.actors.fn += len(missed)
        for i in missed[:20]:
            a, b, t = gold_ms[i]
            s.errors.append(f"actor missed: {text[a:b]!r} ({t})")

    if gold.has_numbers:
        nums = [(sp.start, sp.end) for sp in analysis.spans if sp.category == Category.number]
        s.numbers_total = len(gold.numbers)
        for g in gold.numbers:
            if any(_overlap(g, n) for n in nums):
                s.numbers_found += 1
            else:
                s.errors.append(f"number missed: {text[g[0]:g[1]]!r}")
        # Precision, as a reader toggling Numbers sees it: every span they are shown that is no claim.
        s.numbers_predicted = len(nums)
        for n in nums:
            if any(_overlap(n, g) for g in gold.numbers):
                s.numbers_touching += 1
            else:
                s.errors.append(f"false number: {text[n[0]:n[1]]!r}")

    reported_spans = [sp for sp in analysis.spans if sp.category == Category.reported]
    reported = [(sp.start, sp.end) for sp in reported_spans]
    s.reported_total = len(gold.indirect)
    for g in gold.indirect:
        covered = _covered(g.start, g.end, reported)
        if covered * 10 < (g.end - g.start) * 3:
            continue
        s.reported_found += 1
        if not (g.speaker_match or g.speaker_span):
            continue  # the gold names no source: its speaker can be neither right nor wrong
        # judged by the predicted span that covers most of it (several may cut it in pieces)
        sp = max(reported_spans, key=lambda p: _overlap((p.start, p.end), (g.start, g.end)))
        s.reported_speaker_total += 1
        if _speaker_right(sp, g, text):
            s.reported_speaker_right += 1
        else:
            gold_who = g.speaker_match or text[g.speaker_span[0] : g.speaker_span[1]]
            rule = sp.via.rule if sp.via else UNATTRIBUTED
            s.errors.append(f"reported speaker [{rule}]: {sp.text[:50]!r} → {sp.speaker!r}{_chain_note(sp)}, gold {gold_who!r}")
    attributions = [(g.start, g.end) for g in gold.indirect + gold.quotes]
    s.reported_predicted = len(reported)
    s.reported_touching = sum(1 for r in reported if any(_overlap(r, a) for a in attributions))
    return s


def _chain_note(sp: Span) -> str:
    if sp.via is None or len(sp.via.chain) < 2:
        return ""
    return " via " + " → ".join(repr(link.text) for link in sp.via.chain)


def _covered(start: int, end: int, ranges: list[Range]) -> int:
    marks = bytearray(end - start)
    for a, b in ranges:
        for i in range(max(a, start), min(b, end)):
            marks[i - start] = 1
    return sum(marks)


def _match_quotes(predicted: list[Span], gold: list[GoldQuote]) -> dict[int, int]:
    """Predicted quote index → gold quote index, one to one: pairs whose overlap covers at least
    half of each, the closest pairs first (so an outer and a nested quotation each find their own
    gold, whatever order the gold lists them in)."""
    pairs = []
    for p, sp in enumerate(predicted):
        for g, gq in enumerate(gold):
            ov = _overlap((sp.start, sp.end), (gq.start, gq.end))
            if ov and 2 * ov >= sp.end - sp.start and 2 * ov >= gq.end - gq.start:
                pairs.append((ov / max(sp.end - sp.start, gq.end - gq.start), p, g))
    out: dict[int, int] = {}
    taken: set[int] = set()
    for _, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in out and g not in taken:
            out[p] = g
            taken.add(g)
    return out
