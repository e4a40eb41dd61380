"""Interviews printed as transcripts: whose words each answer is.

A Q&A prints its answers without quotation marks: after a label ("REYES:", "Elena Reyes:", "A.",
"A:"), or as plain paragraphs after a question set as a paragraph of its own (bold on the page; the
daemon sees a short paragraph ending in a question mark). Every answer is a quote: a labelled one
of the person the label names, an "A:" answer or an unlabelled one of the interviewee, the person
the introduction is about. The questions are the outlet's own words, not quotes.

The quotations in an answer are nested in it, so that a third person's words quoted inside one
("My supervisor used to tell every new student, “…”") keep their own speaker. An answer that is
nothing but one quotation ("Reyes: “Bring gloves.”") is that quotation, given to the labelled person.

One pass over the paragraphs; a quotation is placed in its answer by a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .actors import ActorIndex, ActorRecord, Mention
from .docview import text_of
from .lexicon import ANSWER_LABELS, HONORIFIC_TITLES, INTERVIEW_WORDS, QUESTION_LABELS, ROLE_LABELS
from .quotes import Quotation

_PARAGRAPH = re.compile(r"[^\n]+")
# A label opening a paragraph: "Q:", "Q.", "A:", "Answer:", or one to four capitalised words and a
# colon ("Reyes:", "ELENA REYES:").
# ("QUESTION:" as a ministry's briefing transcripts print it, in capitals like the names.)
_LABEL = re.compile(
    r"(?:(?P<qa>Q|A|Question|Answer|Interviewer|QUESTION|ANSWER|INTERVIEWER)[:.]|(?P<name>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}):)\s+(?=\S)"
)
# Initials in brackets right after a name, which an introduction defines as that person's label.
_INITIALS = re.compile(r" \(([A-Z]{2,4})\)")
# A question set as a paragraph of its own is short.
QUESTION_MAX_WORDS = 45
# Unlabelled questions: how many, each followed by an answer, make a Q&A.
MIN_QUESTIONS = 2
# Labelled turns: how many make a transcript (a lone "Name:" paragraph may be anything).
MIN_LABELLED = 2
# Without labels, the answers must sound like someone speaking: at least this share of them say
# "I", "we", "my" or "our" (an essay's rhetorical questions are followed by the writer's prose).
FIRST_PERSON_SHARE = 0.5
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")


@dataclass(frozen=True)
class Answer(Quotation):
    """An answer in a transcript: a quotation of `speaker_actor`, whose mention is at speaker_start:end
    (the label, or the interviewee's introduction)."""

    speaker_actor: ActorRecord | None = field(default=None, compare=False)
    speaker_start: int = 0
    speaker_end: int = 0
    # a turn labelled by a role alone ("MODERATOR:"): the description that speaks, no actor
    speaker_name: str = ""


@dataclass
class _Para:
    index: int
    start: int
    end: int  # after trailing spaces are dropped
    label: re.Match | None
    kind: str  # "question" | "answer" | "named" | "role" | "text"
    person: ActorRecord | None = None  # for "named": whom the label names


def with_answers(doc: Doc, index: ActorIndex, quotations: list[Quotation]) -> list[Quotation]:
    """The quotations, with the answers of any transcript in the text as quotations of their own."""
    text = text_of(doc)
    paras = _paragraphs(text, index)
    if not paras:
        return quotations
    turns = _turns(paras, index, text)
    if not turns:
        return quotations
    _relabel(doc, index, paras, turns)
    return _merge(text, quotations, turns)


def _paragraphs(text: str, index: ActorIndex) -> list[_Para]:
    people = _people_by_label_word(index) | _people_by_initials(text, index)
    out: list[_Para] = []
    for i, m in enumerate(_PARAGRAPH.finditer(text)):
        start, end = m.start(), m.start() + len(m.group().rstrip())
        if start == end:
            continue
        label = _LABEL.match(text, start, end) if i > 0 else None  # a headline "Name: …" is a headline
        kind, person = "text", None
        if label is not None and label.group("qa"):
            kind = "question" if label.group("qa").lower() in QUESTION_LABELS else "answer"
        elif label is not None:
            person = _labelled_person(label.group("name"), people, index)
            if person is not None:
                kind = "named"
            elif label.group("name").lower() in ROLE_LABELS:
                kind = "role"
            else:
                label = None
        if kind == "text" and i > 0 and text[end - 1] == "?" and len(text[start:end].split()) <= QUESTION_MAX_WORDS:
            kind = "question"
        out.append(_Para(i, start, end, label, kind, person))
    _asking_in_every_turn(out, text)
    return out


def _labelled_person(label: str, people: dict[str, ActorRecord], index: ActorIndex) -> ActorRecord | None:
    """Whom a label names: a key of `people`, or, after an honorific ("MR BEN SALAH:", "MS TRABELSI:",
    "DR. OKAFOR:", as briefing transcripts print them), the last words of one person's name."""
    key = label.lower()
    if key in people:
        return people[key]
    words = key.split()
    if len(words) > 1 and words[0].rstrip(".") in HONORIFIC_TITLES:
        words = words[1:]
    rest = " ".join(words)
    if rest in people:
        return people[rest]
    found = [a for a in index.actors if a.type == "person" and (a.name.lower() == rest or a.name.lower().endswith(" " + rest))]
    if len(found) > 1:
        # (the model makes the labels' "TRABELSI" a person of its own: the one the text names is meant)
        found = [a for a in found if not a.name.isupper()]
    return found[0] if len(found) == 1 else None


def _people_by_initials(text: str, index: ActorIndex) -> dict[str, ActorRecord]:
    """Labels an introduction defines: "Dr Ada Obi (AO) spoke to our reporter Tom Lee (TL)" makes
    "AO:" and "TL:" labels of those two."""
    ends = {x.end: a for a in index.actors if a.type == "person" for x in a.mentions}
    out: dict[str, ActorRecord] = {}
    for m in _INITIALS.finditer(text):
        person = ends.get(m.start())
        if person is not None:
            out.setdefault(m.group(1).lower(), person)
    return out


def _asking_in_every_turn(paras: list[_Para], text: str) -> None:
    """The interviewer named by a label ("TL: And then?"): someone every turn of whom asks a
    question, while another labelled person answers, asks the questions, which are not quotes."""
    turns: dict[str, list[_Para]] = {}
    for p in paras:
        if p.kind == "named" and p.person is not None:
            turns.setdefault(p.person.id, []).append(p)
    if len(turns) < 2:
        return
    asking = [ps for ps in turns.values() if all(text[p.end - 1] == "?" for p in ps)]
    if len(asking) == 1 and len(turns) - 1 >= 1:
        for p in asking[0]:
            p.kind = "question"


def _people_by_label_word(index: ActorIndex) -> dict[str, ActorRecord]:
    """A label may be a person's full name, surname or given name, in any case; a word two people
    share names neither."""
    out: dict[str, ActorRecord | None] = {}
    for a in index.actors:
        if a.type != "person":
            continue
        words = a.name.split()
        for key in {a.name.lower(), words[-1].lower(), words[0].lower()}:
            out[key] = None if key in out and out[key] is not a else a
    return {k: v for k, v in out.items() if v is not None}


def _turns(paras: list[_Para], index: ActorIndex, text: str) -> list[tuple[_Para, ActorRecord | None]]:
    """The answer paragraphs and whose words they are (None: a role's, "MODERATOR:", in a transcript
    whose other labels name people)."""
    labelled = sum(p.label is not None for p in paras)
    first_q = next((p for p in paras if p.kind == "question"), None)
    asked = _answered_questions(paras)
    unlabelled_qa = asked >= MIN_QUESTIONS and first_q is not None and _introduced_as_interview(text[: first_q.start])
    labelled_qa = labelled >= MIN_LABELLED
    if not (labelled_qa or unlabelled_qa):
        return []
    intro = next((p for p in reversed(paras) if first_q is not None and p.end <= first_q.start), None)
    guest = _interviewee(index, first_q.start if first_q else len(text), (intro.start, intro.end) if intro else None)
    guest_ranges = [(m.start, m.end) for m in guest.mentions] if guest else []
    # Unlabelled paragraphs are answers after a question in an interview, and after an "A:" answer
    # (its next paragraphs); never after a named answer, where they may be the outlet's narration.
    loose = unlabelled_qa or any(p.label is not None and p.kind == "question" for p in paras)
    out: list[tuple[_Para, ActorRecord | None]] = []
    state = None
    named = any(p.kind == "named" for p in paras)
    for p in paras:
        if p.kind == "role":
            if named:
                out.append((p, None))
            state = None
        elif p.kind == "question":
            state = "asked"
        elif p.kind == "named":
            out.append((p, p.person))
            state = None
        elif p.kind == "answer":
            if guest is not None:
                out.append((p, guest))
            state = "answering"
        elif state in ("asked", "answering") and loose and guest is not None:
            # The interviewee does not name themselves: a paragraph that does is the outlet's.
            if any(p.start <= s and e <= p.end for s, e in guest_ranges):
                state = None
                continue
            out.append((p, guest))
            state = "answering"
        else:
            state = None
    if unlabelled_qa and not labelled_qa:
        spoken = sum(1 for p, _ in out if _FIRST_PERSON.search(text, p.start, p.end))
        if spoken < FIRST_PERSON_SHARE * len(out):
            return []
    return out


def _answered_questions(paras: list[_Para]) -> int:
    return sum(
        1
        for a, b in zip(paras, paras[1:])
        if a.kind == "question" and a.label is None and b.kind == "text"
    )


def _introduced_as_interview(intro: str) -> bool:
    words = {w.strip(".,;:!?()“”\"'’").lower() for w in intro.split()}
    return bool(words & INTERVIEW_WORDS)


def _interviewee(index: ActorIndex, before: int, intro: tuple[int, int] | None = None) -> ActorRecord | None:
    """The person the introduction is about: most mentioned before the first question, first on a
    tie; a person the paragraph right before the first question names comes first ("Sheila
    Fontaine, a nurse in Regina, spoke to us about the strike." after a story about others)."""
    best: tuple[int, int, int] | None = None
    guest = None
    for a in index.actors:
        if a.type != "person":
            continue
        starts = [m.start for m in a.mentions if m.start < before]
        if not starts:
            continue
        introduced = intro is not None and any(intro[0] <= s < intro[1] for s in starts)
        key = (introduced, len(starts), -min(starts))
        if best is None or key > best:
            best, guest = key, a
    return guest


def _relabel(doc: Doc, index: ActorIndex, paras: list[_Para], turns: list[tuple[_Para, ActorRecord | None]]) -> None:
    """Labels are what they say. "OYELARAN:" is a mention of Funmilayo Oyelaran, whatever the
    statistical model made of it; "Q. Will fares…" starts no name."""
    for p, actor in turns:
        if p.kind in ("named", "role") and p.label is not None:
            _set_mention(doc, index, *p.label.span("name"), actor)  # ("MODERATOR:" names no actor)
    for p in paras:
        if p.label is not None and p.kind in ("question", "answer"):
            if p.label.group("qa"):
                _set_mention(doc, index, *p.label.span("qa"), None)
            else:
                _set_mention(doc, index, *p.label.span("name"), p.person)  # the interviewer's label
    index.actors[:] = [a for a in index.actors if a.mentions]


def _set_mention(doc: Doc, index: ActorIndex, start: int, end: int, actor: ActorRecord | None) -> None:
    span = doc.char_span(start, end)
    if span is None:
        return
    for t in range(span.start, span.end):
        old = index.mention_at(t)
        if old is not None and old.actor is not actor:
            if old.actor is not None:
                old.actor.mentions.remove(old)
            for u in range(old.token_start, old.token_end):
                index.by_token.pop(u, None)
    if actor is not None and index.mention_at(span.start) is None:
        m = Mention(start, end, span.start, span.end, "person", span.text, actor=actor)
        actor.mentions.append(m)
        for t in range(span.start, span.end):
            index.by_token[t] = m


def _merge(text: str, quotations: list[Quotation], turns: list[tuple[_Para, ActorRecord | None]]) -> list[Quotation]:
    starts = [q.start for q in quotations]
    inside: set[int] = set()
    answers: list[Quotation] = []
    for p, actor in turns:
        a_start = p.label.end() if p.label is not None else p.start
        lo = bisect_left(starts, a_start)
        hi = bisect_left(starts, p.end)
        within = [(i, quotations[i]) for i in range(lo, hi)]
        inside.update(i for i, _ in within)
        if p.label is not None:
            who = (p.label.start("name"), p.label.end("name")) if p.kind in ("named", "role") else _first_mention(actor)
        else:
            who = _first_mention(actor)
        role = "the " + p.label.group("name").lower() if p.kind == "role" else ""
        if len(within) == 1 and within[0][1].start == a_start and within[0][1].end >= p.end:
            q = within[0][1]  # the answer is one quotation: "Reyes: “Bring gloves.”"
            answers.append(Answer(q.start, q.end, q.closed, q.paragraph, q.nested, True, actor, *who, role))
        else:
            nested = tuple(q for _, q in within if q.closed)
            answers.append(Answer(a_start, p.end, True, p.index, nested, False, actor, *who, role))
    kept = [q for i, q in enumerate(quotations) if i not in inside]
    return sorted(kept + answers, key=lambda q: q.start)


def _first_mention(actor: ActorRecord) -> tuple[int, int]:
    m = min(actor.mentions, key=lambda m: m.start)
    return m.start, m.end
