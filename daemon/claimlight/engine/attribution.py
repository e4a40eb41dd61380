"""Who said each quotation, and which quoted strings are not speech at all.

Titles, nicknames and mentioned words are found first and become `mention`s. Every other quotation
goes down one ordered chain of strategies, read the way a reader does; the first that names a
speaker wins, and its name is recorded with the result (`AttributedQuote.rule`):

  answer             a Q&A answer (engine/transcript.py): the labelled person's, or the interviewee's
  dash_name          “…” ― Carla Sanchez: a dash after the quotation, then a name (or on the line
                     after a block quotation: its citation)
  cue_before         a cue right before it that takes it as object: He said: “…” / claiming that “…”,
                     or with only the cue's own when and where between: saying at a rally on Monday, “…”
  governing_cue      a speech verb (or "X's claim") the quotation hangs from in the parse
  cue_after          “…,” she said / “…,” said the minister: its sentence goes on after it
  cue_earlier        a speech verb anywhere earlier in its sentence
  according_to       "according to X" in its sentence
  colon_paragraph    "The ministry said in a statement:" ending the paragraph above it
  label              an interview label: Name: “…”
  colon_subject      after a colon in its sentence: the person a clause about them names ("X was
                     more blunt: “…”")
  reply              “…,” came the reply: whoever was asked the question quoted just before
  governing_subject  woven into a sentence: the subject of the verb it hangs from
  previous_subject   standing alone: the subject of the plain sentence just before it
  next_subject       standing alone before a plain sentence about a named person and another
                     quotation: that person ("“…” Lindqvist was not persuaded. “…”")
  named_after        a paragraph of its own, named by the next one: "“…” ¶ That was X, …"
  paragraph_before   opening its paragraph: the one the paragraph before brings in ("X says …")
  continuation       no cue of its own: it carries on the previous speaker's words
  governing_subject  standing alone: the subject of the verb it hangs from, as a last resort

A short quotation none of them finds a speaker for is a scare quote. A quotation repeated
elsewhere (a headline quoting the body) then takes the speaker of its fuller occurrence (`echo`).
`CHAIN` is the list above; a test keeps the two the same.
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc, Token

from .actors import ActorIndex
from .coref import is_age_nominal, is_mistagged_cue
from .docview import columns, token_list, tokens_of
from .lexicon import (
    ABBREVIATIONS,
    ADDRESSED_SPEECH_VERBS,
    QUESTIONING_VERBS,
    CHARACTERISING_VERBS,
    CLAIM_NOUNS,
    DESCRIBING_VERBS,
    DOCUMENT_NOUNS,
    INDEFINITE_PRONOUNS,
    MENTION_INTRODUCER_PHRASES,
    MENTION_INTRODUCERS,
    MENTION_NOUNS,
    NAMING_VERB_STEMS,
    ORG_NOUNS,
    PERSON_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    QUOTING_VERBS,
    READING_OUT_VERBS,
    REPLY_NOUNS,
    REPORTING_VERBS,
    THAT_CLAUSE_SAYING_VERBS,
    SIGN_NOUNS,
    SPEECH_VERBS,
    TALK_ABOUT_VERBS,
    THING_NAMING_WORDS,
    TITLE_FUNCTION_WORDS,
    VAGUE_SUBJECTS,
    WEAK_SPEECH_VERBS,
    WORK_NOUNS,
    WRITTEN_NOUNS,
)
from .quotes import OPEN_DOUBLE, OPEN_SINGLE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE, Quotation
from .speakers import Speaker, SpeakerFinder
from .transcript import Answer

DASHES = "―—–-"
OPENING_MARKS = OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_SENTENCE_END = re.compile(r"[.!?…][\"'”’“‘«»‹›)]*\s")
_NEWLINE = re.compile("\n")
# How far back (characters) the word before a period is read to tell "Rep." from a sentence end.
_ABBREVIATION_REACH = 8
# The speaker of "I said" outside quotations: first-person columns, letters, interviews.
WRITER = "the writer"
# "there" is only ever a dummy subject; "everyone said" names nobody in particular.
_NO_SPEAKER = VAGUE_SUBJECTS | INDEFINITE_PRONOUNS | {"there"}
# "it" may be an organisation that speaks ("it said in a statement"), but as the subject of a plain
# sentence it is not the person the next quotation carries on.
_NO_PREVIOUS_SPEAKER = _NO_SPEAKER | {"it"}
# Entities that are never a speaker, whatever the parse makes their subject of.
_NON_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}

# governing_cue: the links by which a speech verb is what the verb above it reports.
_REPORTED_DEPS = ("ccomp", "xcomp")

# dash_name: the most words a name signing off a paragraph may have ("― Julie A. Diaz Martinez.").
SIGNATURE_MAX_WORDS = 5
# A block quotation's citation line: a name and the title that follows it.
CITE_LINE_MAX_WORDS = 16
# A citation line without a dash: a capitalised name of two to four words, then a comma and its title.
_NAME_AND_TITLE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}, \S")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# cue_before: how many words before the quotation the cue is looked for ("said on Monday: “…”"),
# leaving out the words that only link it ("that", "as", prepositions, articles).
CUE_BEFORE_WORDS = 4
_CUE_LINK_POS = ("ADP", "DET", "SCONJ")
_CUE_LINK_WORDS = ("that", "as")
# cue_before: the most words of the cue's own modifiers between it and the quotation
# ("said on Monday at a rally in Ottawa, “…”"), and the links they may hang from it by.
CUE_ADJUNCT_WORDS = 10
_ADJUNCT_DEPS = ("prep", "pobj", "npadvmod", "det", "amod", "compound", "advmod", "nummod", "poss", "nmod", "case")
# cue_after: a quotation that ends its sentence takes a cue after it only within these many tokens.
CUE_AFTER_TOKENS = 5
# A quotation whose last word ends like this goes on after the closing mark (“…,” she said).
_CONTINUING_ENDS = (",", "—", "–", "-")
# How many words up the parse a quotation's governing word is looked for.
MAX_CLIMB = 10
# A quotation with fewer words than this around it in its sentence stands alone.
WOVEN_MIN_WORDS = 2
# continuation: how many paragraphs on a quotation opening its paragraph still continues a speaker.
CONTINUATION_PARAGRAPHS = 2
# A quotation of this many words or fewer with no speaker is a scare quote, unless it asks or exclaims.
SCARE_QUOTE_MAX_WORDS = 2
# Words of a quotation woven into a sentence that leave it a plain sentence about its subject
# (`previous_subject`): a slogan or a phrase, not someone's statement.
FRAGMENT_MAX_WORDS = 4
# How far back "according to X" is looked for in the quotation's sentence, in characters.
SENTENCE_BEFORE_CHARS = 600
# echo: a shorter quotation contained in a longer one must have at least this many words.
ECHO_MIN_WORDS = 2

# What is not speech: how many words a nickname, a mentioned word, a title after "the", a title and
# a work's title may have, and how far back (characters, words) their introducers are read.
NICKNAME_MAX_WORDS = 3
MENTION_MAX_WORDS = 3
THE_NICKNAME_MAX_WORDS = 4
TITLE_MAX_WORDS = 8
WORK_TITLE_MAX_WORDS = 14
_INTRODUCER_REACH = 40
# A copula and a noun right after a quotation: “…” is a phrase / has become the slogan of …
_COPULA_AFTER = re.compile(r"\s+(?:is|was|has become|had become|remains)\s+(?:a|an|the|one)\s+([\w-]+)(?:\s+(\w+))?")
# How many words before a quotation the verb whose subject is a sign is looked for ("urges visitors to").
# A speaker's "they" (`singular_they`), the words of one person speaking, and cues that carry on a quotation.
_PLURAL_SPEAKER_PRONOUNS = frozenset(("they", "them"))
_FIRST_PERSON_SINGULAR = re.compile(r"(?<!\w)(?:i|me|my|mine|myself)(?!\w)")
_FIRST_PERSON_PLURAL = re.compile(r"(?<!\w)(?:we|us|our|ours|ourselves)(?!\w)")
_CARRYING_ON_CUES = frozenset("added adds continued continues".split())
# "Alex Rahardjo, an organiser … who uses they/them pronouns,": a person the text says is "they".
_THEY_THEM = re.compile(r"(?<!\w)they ?/ ?(?:them|their)(?!\w)", re.IGNORECASE)
# How far after one of a person's mentions the words giving their pronouns may come (a clause).
_PRONOUNS_REACH = 160
ASKING_CUES = frozenset("asked asks ask".split())
# exchange: the cues of a retort ("he shot back", "Grech countered"), and how many words a quick
# exchange's turns and the cue of the one in the middle may have
# Verbs of answering: their speaker answers someone, and is not the one who just asked (`Context._replier`).
REPLY_VERBS = frozenset("reply answer respond".split())
RETORT_CUES = frozenset("shot fired hit snapped countered counters retorted retorts replied replies answered answers interjected interjects".split())
EXCHANGE_TURN_WORDS = 12
EXCHANGE_CUE_WORDS = 5
# Relative pronouns standing for the noun a clause hangs from ("a placard that read").
_RELATIVE_WORDS = frozenset("that which who".split())
_SIGN_VERB_REACH = 6
_NAME_REACH = 30
_WORK_NOUN_WORDS = 3
_NAMING_VERB_WORDS = 7

Segment = tuple[int, int]


class Found(NamedTuple):
    speaker: Speaker
    cue: str | None = None  # the cue's text ("said", "according to", "claim")
    cue_start: int | None = None


@dataclass
class AttributedQuote:
    quotation: Quotation
    speech: bool  # False: a title, nickname, scare quote or mention
    why: str | None = None
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None
    rule: str | None = None  # the strategy that named the speaker: a name in CHAIN, or ECHO


@dataclass
class Context:
    """One quotation as the strategies see it: the words of its sentence around it, the speaker before it."""

    at: Attributor
    q: Quotation
    before: Segment  # from the start of its sentence to the opening mark
    after: Segment  # from the closing mark to the end of its sentence
    last: AttributedQuote | None  # the latest quotation given a speaker

    @cached_property
    def before_toks(self) -> list[Token]:
        return self.at.tokens(self.before)

    @cached_property
    def after_toks(self) -> list[Token]:
        return self.at.tokens(self.after)

    @cached_property
    def after_text(self) -> str:
        return self.at.text[self.after[0] : self.after[1]].strip()

    @cached_property
    def woven(self) -> bool:
        """Part of a sentence with words of its own, not a quotation standing alone."""
        outside = self.at.text[self.before[0] : self.before[1]] + " " + self.at.text[self.after[0] : self.after[1]]
        return sum(w[:1].isalpha() for w in outside.split()) >= WOVEN_MIN_WORDS

    @property
    def last_speaker(self) -> Speaker | None:
        return self.last.speaker if self.last else None

    def speaker(self, tok: Token) -> Speaker | None:
        return self.at.speaker(tok, self.last_speaker)

    def from_cue(self, verb: Token, after_start: int | None = None) -> Found | None:
        got = self.at.from_cue(verb, self.last_speaker, after_start)
        return self._replier(verb, got) if got is not None and verb.lemma_.lower() in REPLY_VERBS else got

    def _replier(self, verb: Token, got: Found) -> Found | None:
        """ "“And what did he say?” the prosecutor asked. ¶ “…,” she replied.": who replies to a
        question is not who asked it; a pronoun the reading gave the asker stands for someone else
        in view, or for nobody."""
        last = self.last
        if last is None or last.speaker is None or last.speaker.actor is None or got.speaker.actor is not last.speaker.actor:
            return got
        if not self.at.inner(last.quotation).rstrip().endswith("?"):
            return got
        subj = self.at.finder.subject_of(verb)
        if subj is None or subj.pos_ != "PRON":
            return got
        res = self.at.finder.coref.pronoun_other_than(subj, last.speaker.actor)
        if res is None:
            return None
        span = (subj.idx, subj.idx + len(subj.text))
        return Found(Speaker(res.name, span[0], span[1], res.actor, (span,) + res.chain), got.cue, got.cue_start)


# -- the strategies, in the order of CHAIN ------------------------------------------------------------


def answer(ctx: Context) -> Found | None:
    """An answer in a transcript: whose words it is was settled with the transcript's layout."""
    q = ctx.q
    if not isinstance(q, Answer):
        return None
    actor = q.speaker_actor
    if actor is None and q.speaker_name:
        return Found(Speaker(q.speaker_name, q.speaker_start, q.speaker_end, None))  # "MODERATOR:"
    return Found(Speaker(actor.name, q.speaker_start, q.speaker_end, actor)) if actor else None


def dash_name(ctx: Context) -> Found | None:
    """“…” ― Carla Sanchez: a dash, then the name (reader comments, epigraphs, social posts); the
    name signing off a paragraph also signs a quotation opening it ("“…” And that's all he has
    “…” ― Christina Lastra.")."""
    at = ctx.at
    if ctx.after_text[:1] and ctx.after_text[0] in DASHES:  # ("" is in every string)
        toks = ctx.after_toks
    else:
        lo, hi = at.paragraph_bounds(ctx.q.start)
        if at.text[lo : ctx.q.start].strip():
            return None
        tail = at.text[lo:hi].rstrip(" .\u00a0")
        dash = max(tail.rfind(d) for d in DASHES[:3])  # not a hyphen: "Marbury-Tal" is one name
        if lo + dash > ctx.q.end and len(tail[dash + 1 :].split()) <= SIGNATURE_MAX_WORDS:
            toks = at.tokens((lo + dash, hi))
        elif (line := _cite_line_after(ctx)) is not None:
            toks = at.tokens(line)
        else:
            return None
    name_tok = next((t for t in toks if not (t.is_punct or t.is_space or t.text in DASHES)), None)
    if name_tok is None or not at.is_name(name_tok):
        return None
    sp = ctx.speaker(at.finder.head_of_name(name_tok))
    return Found(sp) if sp else None


def _cite_line_after(ctx: Context) -> tuple[int, int] | None:
    """A block quotation's citation on the line after it: the quotation closes its line, and the next
    is a few words, either after a dash ("— Dana Reyes, head of the authority") or a name and its
    title with no verb and no full stop, as a page's `<cite>` gives it ("Dana Reyes, head of …")."""
    at = ctx.at
    hi = at.paragraph_bounds(ctx.q.end - 1)[1]
    if at.text[ctx.q.end : hi].strip(" .,\u00a0"):
        return None
    start = hi + len(at.text[hi:]) - len(at.text[hi:].lstrip())
    lo, end = at.paragraph_bounds(start)
    line = at.text[lo:end].strip()
    if not line or len(line.lstrip(DASHES).split()) > CITE_LINE_MAX_WORDS:
        return None
    if line[0] in DASHES[:3]:
        return lo, end
    finite = any(t.tag_ in _FINITE_TAGS for t in at.tokens((lo, end)))
    return (lo, end) if _NAME_AND_TITLE.match(line) and not finite and line[-1] not in ".!?:" else None


def cue_before(ctx: Context) -> Found | None:
    """The quotation is the object of a cue just before it: he said: “…”, claiming that “…”."""
    tail = [t for t in ctx.before_toks if not t.is_punct and any(c.isalnum() for c in t.text)][-CUE_BEFORE_WORDS:]
    tail = [t for t in tail if t.pos_ not in _CUE_LINK_POS and t.lower_ not in _CUE_LINK_WORDS]
    if tail and ctx.at.is_cue(tail[-1]):
        return ctx.from_cue(tail[-1])
    owned = _owned_words_before(ctx)
    if owned is not None:
        return owned
    cue = _cue_before_adjuncts(ctx)
    if cue is not None and ctx.at.text[ctx.before[0] : ctx.before[1]].rstrip().endswith(":"):
        cue = _reporting_cue(ctx, cue)
    return ctx.from_cue(cue) if cue is not None else None


def _reporting_cue(ctx: Context, cue: Token) -> Token:
    """ "A spokesperson … said growers were asking for the same change: “…”": a cue in a clause that
    another cue reports, before a colon, is the reported words' verb; the quotation after the colon is
    the reporter's (as `governing_cue` gives a reported verb's quotation to the outermost speaker)."""
    while cue.dep_ in _REPORTED_DEPS and cue.head.i != cue.i and ctx.at.is_cue(cue.head):
        cue = cue.head
    return cue


def _owned_words_before(ctx: Context) -> Found | None:
    """ "I had to change my answer: “…”", "Her reply: “…”": a colon right after someone's
    statement, answer or reply introduces its words; the owner speaks them."""
    at = ctx.at
    if not at.text[ctx.before[0] : ctx.before[1]].rstrip().endswith(":"):
        return None
    noun = next((t for t in reversed(ctx.before_toks) if not t.is_punct and not t.is_space), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    sp = ctx.speaker(at.finder.head_of_name(owner))
    return Found(sp, noun.text, noun.idx) if sp else None


def _cue_before_adjuncts(ctx: Context) -> Token | None:
    """ "footage of Trump saying during the debate last week, “…”": the cue's own when, where and
    how stand between it and the quotation. The words between must all hang from the cue through
    modifiers (no object, no clause of its own: "said the plan, which critics call “…”" is not it)."""
    toks = [t for t in ctx.before_toks if not t.is_space]
    for n in range(len(toks) - 1, -1, -1):
        if not ctx.at.is_cue(toks[n]):
            continue
        cue = toks[n]
        if cue.dep_ == "acl" and cue.tag_ == "VBN":
            return None  # "a meeting called for Thursday, “…”": a participle naming a thing, not a speaker's verb
        between = [t for t in toks[n + 1 :] if not t.is_punct]
        if not between or len(between) > CUE_ADJUNCT_WORDS or any(t.pos_ in ("VERB", "AUX") for t in between):
            return None
        if _governs(ctx, cue):
            return None  # "anybody who complains about it “is not having a good night”": the cue is in the quotation's clause
        for t in between:
            link = t
            while link.i != cue.i and link.dep_ in _ADJUNCT_DEPS and link.head.i != link.i:
                link = link.head
            if link.i != cue.i:
                return None
        return cue
    return None


def governing_cue(ctx: Context) -> Found | None:
    """A speech verb the quotation hangs from in the parse ("tweeted that X was “…”"), or a claim
    noun with its owner ("Trump's claim that “…”"), whichever comes first going up.

    Of several speech verbs on the way up, the words belong to the nearest one's speaker ("the
    congressman said is designed to “sow discord”", "…, but he said the footage “supports what we
    heard”"), unless that verb is what the one above reports ("The statement noted they had said
    they would take “further measures”") or only characterises the words ("Trump said Clinton
    described it as “the gold standard”"): then the quotation reaches the reader through the
    outermost speaker, who is its source.

    A quotation after a colon that closes on a cue of its own ("…the impact it said she would
    have on women: “…,” the union wrote.") is not the words of a verb before the colon: it is left
    to cue_after."""
    if _signed_after_colon(ctx):
        return None
    found: Found | None = None
    path: list[Token] = []  # the words climbed through since the cue of `found`
    for tok in ctx.at.ancestors_outside(ctx.q):
        if ctx.at.is_cue(tok):
            got = ctx.from_cue(tok)
            if found is None:
                found, path = got, [tok] if got else []
                continue
            # (a characterising verb joined to the outer one by "but"/"and" is a statement of its own:
            # "The company said …, but Mara Lind called the quarter “a reset”")
            characterises = path[0].lemma_.lower() in DESCRIBING_VERBS | CHARACTERISING_VERBS and path[0].dep_ != "conj"
            if got is not None and _addressee_clause(ctx, path[0], tok):
                found, path = got, [tok]
                continue
            if got is not None and (characterises or all(t.dep_ in _REPORTED_DEPS for t in path)) and not _asked_of(ctx, path[0]):
                found, path = got, [tok]
                continue
            path.append(tok)
            continue
        if found:
            path.append(tok)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in CLAIM_NOUNS:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None:
                sp = ctx.speaker(ctx.at.finder.head_of_name(owner))
                if sp:
                    return Found(sp, tok.text, tok.idx)
    return found


def _asked_of(ctx: Context, verb: Token) -> bool:
    """ "Kerr says a steward once asked her whether she had “…”": a question put to
    someone by a speaker the text names with a noun is that speaker's words, relayed by the one
    above; a pronoun ("they had said they would …") is more often the outer source again."""
    if verb.lemma_.lower() not in ADDRESSED_SPEECH_VERBS or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    subj = ctx.at.finder.subject_of(verb)
    return subj is not None and subj.head.i == verb.i and subj.pos_ in ("NOUN", "PROPN")


def _addressee_clause(ctx: Context, inner: Token, outer: Token) -> bool:
    """ "Morial told a young woman who suggested that … that “…”": a speech verb in a relative clause
    on the one spoken to, where the parse hung the words, is no cue of its own: they are the words
    of the verb that speaks to them, when that verb has no clause of its own."""
    if outer.lemma_.lower() not in ADDRESSED_SPEECH_VERBS or inner.dep_ != "relcl" or inner.head.head.i != outer.i:
        return False
    return inner.head.dep_ in ("dobj", "dative") and not any(c.dep_ in _REPORTED_DEPS and not ctx.at.in_quote[c.i] for c in outer.children)


def _signed_after_colon(ctx: Context) -> bool:
    at = ctx.at
    if not at.text[ctx.before[0] : ctx.before[1]].rstrip().endswith(":") or not at.inner(ctx.q).rstrip().endswith(","):
        return False
    return any(at.is_cue(t) and at.finder.subject_of(t) is not None for t in ctx.after_toks[:CUE_AFTER_TOKENS])


def cue_after(ctx: Context) -> Found | None:
    """“…,” she said / “…?” he asked: the sentence goes on after the closing mark. After a
    quotation that ends its sentence, the words that follow belong to it only when they end
    there too (“….” Trump said.); words leading into the next quotation are its own."""
    text, after = ctx.at.text, ctx.after
    continues = ctx.at.inner(ctx.q).rstrip().endswith(_CONTINUING_ENDS) or ctx.after_text[:1].islower()
    leads_on = after[1] < len(text) and text[after[1] : after[1] + 1] in OPENING_MARKS
    near = any(ctx.at.is_cue(t) for t in ctx.after_toks[:CUE_AFTER_TOKENS])
    if not continues and not (ctx.after_toks and not leads_on and (near or _says_nothing_else(ctx))):
        return None
    for tok in ctx.after_toks:
        if ctx.at.is_cue(tok):
            got = ctx.from_cue(tok, after_start=after[0])
            if got:
                return got
    return None


def _says_nothing_else(ctx: Context) -> bool:
    """ “…!” Scott's niece, state Del. Marcia Price, shouted to the crowd.: the sentence after the
    quotation is built on a speech verb with nothing said of its own, so what it says is the quotation."""
    root = next((t for t in ctx.after_toks if t.dep_ == "ROOT"), None)
    if root is None or not ctx.at.is_cue(root):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj") and not ctx.at.in_quote[c.i] for c in root.children)


def cue_earlier(ctx: Context) -> Found | None:
    """A speech verb anywhere before the quotation in its sentence, the nearest first."""
    for tok in reversed(ctx.before_toks):
        if ctx.at.is_cue(tok):
            got = ctx.from_cue(tok)
            if got:
                return got
    return None


def according_to(ctx: Context) -> Found | None:
    """ "according to X" (or "per X") before or after the quotation in its sentence; "to her, “…”"."""
    doc = ctx.at.doc
    words = [t for t in ctx.before_toks if not t.is_punct][-2:]
    if len(words) == 2 and words[0].lower_ == "to" and words[1].i + 1 < len(doc) and doc[words[1].i + 1].text == ",":
        # "because to her, “there is nothing more important …”": in her view
        who = words[1]
        if who.pos_ == "PRON" and who.lower_ in ("her", "him", "them") or (ctx.at.index.mention_at(who.i) and ctx.at.index.mention_at(who.i).label == "person"):
            sp = ctx.speaker(ctx.at.finder.head_of_name(who))
            if sp and sp.actor is not None:
                return Found(sp, "to", words[0].idx)
    for tok in _sentence_before(ctx) + ctx.after_toks:
        obj = ctx.at.finder.according_to(tok) or _per(tok)
        if obj is None and tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
            # Where the parse left "to" without an object, the word after it: a quotation already
            # has its span, only the source is wanted (a reported clause needs the parsed phrase).
            obj = doc[tok.i + 2]
        if obj is not None:
            sp = ctx.speaker(ctx.at.finder.head_of_name(obj))
            if sp:
                return Found(sp, "according to", tok.idx)
    return None


def _governs(ctx: Context, tok: Token) -> bool:
    """Whether the quotation's own words are above `tok` in the parse."""
    a, b = ctx.at.token_range(ctx.q.start, ctx.q.end)
    up = tok
    for _ in range(MAX_CLIMB):
        if up.head.i == up.i:
            return False
        up = up.head
        if a <= up.i < b:
            return True
    return False


def _sentence_before(ctx: Context) -> list[Token]:
    """The words of the quotation's sentence before it, outside quotations, from the sentence's
    start even past an earlier quotation: "According to the complaint, the developers ran a
    “massive scheme” in which they “systematically looted” …" sources both."""
    at = ctx.at
    lo, _ = at.paragraph_bounds(ctx.q.start)
    if lo >= ctx.before[0]:
        return ctx.before_toks
    # No further back than a long sentence reaches: in text with no sentence end (a page of
    # quotation marks), every quotation would read back to the paragraph's start, and the whole
    # paragraph's quotations would cost its length squared.
    lo = max(lo, ctx.before[0] - SENTENCE_BEFORE_CHARS)
    for m in at.sentence_ends(lo, ctx.before[0]):
        lo = m.end()
    return at.tokens((lo, ctx.before[0])) + ctx.before_toks


def _per(tok: Token) -> Token | None:
    """ "…,” per the party's bylaws: X of "per X" when it names a source ("per cent", "per hour" do not)."""
    if tok.lower_ != "per" or tok.pos_ != "ADP":
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or not (obj.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "each", "every") for c in obj.children)):
        return None
    return obj


def colon_paragraph(ctx: Context) -> Found | None:
    """ "The ministry said in a statement:" ¶ “…”: a paragraph ending in a colon introduces the
    quotation that opens the next one."""
    at, q = ctx.at, ctx.q
    lo, _ = at.paragraph_bounds(q.start)
    if at.text[lo : q.start].strip() or lo == 0:
        return None
    prev_end = lo - 1
    while prev_end > 0 and at.text[prev_end - 1].isspace():
        prev_end -= 1
    if at.text[prev_end - 1 : prev_end] != ":":
        return None
    plo, _ = at.paragraph_bounds(prev_end - 1)
    sentence_start = plo
    for m in at.sentence_ends(plo, prev_end - 1):
        sentence_start = m.end()
    toks = at.tokens((sentence_start, prev_end))
    for tok in reversed(toks):
        if at.is_cue(tok):
            got = ctx.from_cue(tok)
            if got:
                return got
    name_tok = next((t for t in reversed(toks) if not t.is_punct), None)
    if name_tok is not None and at.index.mention_at(name_tok.i):
        sp = ctx.speaker(name_tok)
        if sp:
            return Found(sp)
    # "Sanders made the following comment:": the person the introducing sentence is about
    root = next((t for t in toks if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    subj = at.finder.subject_of(root) if root is not None else None
    # ("Her son, Raymond Arsenault, remembered it this way:": the name in apposition to the subject)
    named = subj is not None and (at.index.mention_at(subj.i) or any(c.dep_ == "appos" and at.index.mention_at(c.i) for c in subj.children))
    if subj is not None and at.can_speak(subj) and (named or subj.pos_ == "PRON"):
        sp = ctx.speaker(subj)
        if sp is not None and sp.actor is not None and sp.actor.type != "place":
            return Found(sp, root.text, root.idx)
    return None


def label(ctx: Context) -> Found | None:
    """An interview label before the quotation: Elena Reyes: “…”."""
    if not ctx.at.text[ctx.before[0] : ctx.before[1]].rstrip().endswith(":") or not ctx.before_toks:
        return None
    name_tok = next((t for t in reversed(ctx.before_toks) if not t.is_punct), None)
    if name_tok is None or not ctx.at.is_name(name_tok):
        return None
    # A label is the whole line before its colon: "… a question sent in by a viewer in Kiryat Haim:
    # “…”" ends on a name (a place) that labels nothing
    if any(not (t.is_punct or t.is_space or t.pos_ == "PROPN" or t.is_title or t.is_upper) for t in ctx.before_toks):
        return None
    sp = ctx.speaker(name_tok)
    return Found(sp) if sp else None


def colon_subject(ctx: Context) -> Found | None:
    """ "Naseem was more blunt: “…”", "Okafor had a warning for the board: “…”": a clause about a
    person, with no verb of speech, set before the quotation by a colon in the same sentence. Its
    subject must be a person the text names (or "he"/"she"), and the clause must not be about a
    written thing ("He found a note: “…”" quotes the note)."""
    at = ctx.at
    if not at.text[ctx.before[0] : ctx.before[1]].rstrip().endswith(":"):
        return None
    toks = [t for t in ctx.before_toks if not t.is_space]
    inside = range(toks[0].i, toks[-1].i + 1) if toks else range(0)
    # (the clause's own verb: the parse may hang it on the quotation's)
    root = next((t for t in toks if t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or t.head.i not in inside)), None)
    if root is None or at.is_cue(root) or any(at.is_cue(t) for t in toks):
        return None
    if any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() in DOCUMENT_NOUNS | WRITTEN_NOUNS for c in root.children):
        return None
    subj = at.finder.subject_of(root)
    if subj is None or subj.head.i != root.i or not at.can_speak(subj):
        return None
    named = at.index.mention_at(subj.i)
    if not (subj.lower_ in ("he", "she") or (named is not None and named.actor is not None and named.actor.type == "person")):
        return None
    sp = ctx.speaker(at.finder.head_of_name(subj))
    if sp is None or (sp.actor is not None and sp.actor.type != "person"):
        return None
    return Found(sp, root.text, root.idx)


def governing_subject(ctx: Context) -> Found | None:
    """A quotation with no speech verb: the subject of the nearest verb it hangs from ("Trump
    likened the refugees to a “vicious snake”"), or of a verb of finding or believing that reports
    that clause ("A GAO report found that money … was coming from “the drug trade”"). A subject
    that names nobody ("to make sure everything is “on the up and up”") passes the quotation on
    to the clause above."""
    at = ctx.at
    nearest: Found | None = None
    reported = True  # every link so far is a clause a verb above reports
    below = None
    for tok in at.ancestors_outside(ctx.q):
        below, was_below = tok, below
        if nearest is not None:
            # ("The SPP submitted that Gala had received the letter and “chose to ignore it”": a verb
            # that reports only a clause "that" brings in reports this one)
            that_clause = (
                tok.lemma_.lower() in THAT_CLAUSE_SAYING_VERBS and was_below is not None and was_below.dep_ == "ccomp"
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in was_below.children)
            )
            if (tok.lemma_.lower() in REPORTING_VERBS or that_clause) and tok.pos_ == "VERB":
                subj = at.finder.subject_of(tok)
                if subj is not None and at.can_speak(subj) and subj.lower_ not in INDEFINITE_PRONOUNS:
                    sp = ctx.speaker(subj)
                    if sp is not None and (sp.actor is not None or subj.pos_ in ("PRON", "PROPN", "NOUN")):
                        return Found(sp, tok.text, tok.idx)
            reported = reported and tok.dep_ in _REPORTED_DEPS + ("acomp", "ROOT")
            if not reported:
                break
            continue
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acomp"):
            subj = at.finder.subject_of(tok)
            if subj is not None and subj.lower_ in INDEFINITE_PRONOUNS:
                continue
            if subj is not None and tok.lemma_.lower() == "be" and subj.lemma_.lower() in CLAIM_NOUNS:
                # "ruled that Trump's statement is “true”": a verdict on a statement is not its author's
                continue
            if subj is None or not at.can_speak(subj):
                return None
            if _made_to(tok, subj):
                # "The ordinance allowed Duluth to recover “…”": who is made to do something does
                # not author the words of it (and whoever made them is no speaker either)
                return None
            sp = ctx.speaker(subj)
            if sp is None or not (sp.actor is not None or subj.pos_ in ("PRON", "PROPN", "NOUN")):
                return None
            nearest = Found(sp, tok.text, tok.idx)
            reported = tok.dep_ in _REPORTED_DEPS
            if not reported:
                break
    return nearest


def _made_to(verb: Token, subj: Token) -> bool:
    """Whether `subj` does `verb` because the clause above lets or makes them: "allowed Duluth to
    recover", "forced the club to cover" (the object of the verb above, or the subject the parse gave
    the infinitive itself), not "wants to make" (the clause above's own subject)."""
    if verb.dep_ not in ("xcomp", "ccomp") or verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return (subj.dep_ == "dobj" and subj.head.i == verb.head.i) or (subj.head.i == verb.i and subj.i < verb.i)


def reply(ctx: Context) -> Found | None:
    """ "“Is this the worst day of your career?” one reporter asked. “It's up there,” came the
    reply.": an answer to the question quoted just before is the words of whoever was asked, the
    latest speaker before the one who asked. Without a quoted question, or anyone before its
    asker, the reply names nobody (`Attributor.can_speak`)."""
    reply_noun = next((t for t in ctx.after_toks if _comes_as_reply(t)), None)
    last = ctx.last
    if reply_noun is None or last is None or last.speaker is None or not ctx.at.inner(last.quotation).rstrip().endswith("?"):
        return None
    asker = last.speaker
    for at, sp in reversed(ctx.at.speakers):
        if at >= last.quotation.start:
            continue
        if not ((sp.actor is not None and sp.actor is asker.actor) or sp.name == asker.name):
            verb = reply_noun.head
            return Found(sp.at(reply_noun.idx, reply_noun.idx + len(reply_noun.text)), verb.text, verb.idx)
    return None


def _comes_as_reply(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in REPLY_NOUNS and tok.head.lemma_.lower() == "come"


def previous_subject(ctx: Context) -> Found | None:
    """A quotation standing alone right after a sentence about someone, in the same paragraph:
    "Cummings called him a master at the deal. “He showed again and again…”"."""
    at = ctx.at
    a, _ = at.token_range(ctx.q.start, ctx.q.end)
    lo, _ = at.paragraph_bounds(ctx.q.start)
    if a == 0 or a >= len(at.doc) or at.doc[a - 1].idx < lo:
        return None
    prev = at.doc[a - 1].sent
    if prev.start_char < lo or not _plain_but_for_fragments(at, prev):
        return None  # no plain sentence before it, or that sentence already quotes someone
    root = prev.root
    # "The change, she says, came during lockdown.": a verb of saying set into the sentence says
    # whose account it is, and so whose the quotation after it
    aside = next((c for c in root.children if c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH_VERBS and at.is_cue(c)), None)
    subj = at.finder.subject_of(aside or root) if root.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in _NO_PREVIOUS_SPEAKER:
        return None
    if aside is None and root.lemma_.lower() in QUESTIONING_VERBS and _question_reported(ctx, root):
        return _answer_of_the_asked(ctx, root)
    sp = ctx.speaker(subj)
    # ("A neighbour who bought from her stall said the market would not be the same. “…”": an
    # unnamed person whose words the sentence reports speaks on, as in `paragraph_before`)
    # ("her mother says" is someone the text relates to another, whom the reading may mistake: not this)
    reports = (aside or root).lemma_.lower() in REPORTING_VERBS and _unnamed_person(at, subj) and not any(c.dep_ == "poss" for c in subj.children)
    if sp is None or (sp.actor is None and subj.pos_ != "PRON" and not reports) or (sp.actor and sp.actor.type == "place"):
        return None
    return Found(sp)


def _question_reported(ctx: Context, asked: Token) -> bool:
    """Whether a sentence puts a whole question to someone ("asked her what she had done next"):
    an object that may be a person, and the question itself as a clause; the quotation after it,
    opening with no question of its own, answers. ("pressed her on costs. “Then why …?”" and
    "asked about the payout. “…”" are the asker's own words.)"""
    said = ctx.at.inner(ctx.q).lstrip()
    if re.split(r"(?<=[.!?])\s", said, maxsplit=1)[0].rstrip().endswith("?"):
        return False
    return any(c.dep_ in ("dobj", "dative") and c.pos_ in ("PRON", "PROPN") for c in asked.children) and any(
        c.dep_ in ("ccomp", "xcomp") for c in asked.children
    )


def _answer_of_the_asked(ctx: Context, asked: Token) -> Found | None:
    """ "Modise asked her what she had done next. “I told Mr Sebina. …”": the answer is the words of
    the one asked (the verb's object); with no person the text can name for it, of no one."""
    obj = next(c for c in asked.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PRON", "PROPN"))
    sp = ctx.speaker(obj)
    return Found(sp) if sp is not None and sp.actor is not None and sp.actor.type == "person" else None


def _plain_but_for_fragments(at: Attributor, sent) -> bool:
    """Whether a sentence quotes nobody but in a few words woven into it: "He was heard from again
    when the minister promised a “Bag for Every Farmer” by November." is about him, not a quotation
    whose speaker a bare one after it would carry on."""
    i = sent.start
    while i < sent.end:
        if not at.in_quote[i]:
            i += 1
            continue
        j = i
        while j < sent.end and at.in_quote[j]:
            j += 1
        words = sum(1 for t in at.doc[i:j] if t.is_alpha)
        if i == sent.start or j >= sent.end - 1 or words > FRAGMENT_MAX_WORDS:
            return False  # a quotation opening or closing the sentence, or more than a few words
        i = j
    return True


def next_subject(ctx: Context) -> Found | None:
    """ "“Smaller is not zero.” Lindqvist was not persuaded. “And we rarely check.”": a quotation
    standing alone, then a plain sentence about a person the text names, then another quotation in
    the same paragraph: the paragraph is that person's, the first quotation too. Only a name (a
    pronoun there may be anyone's), only with a verb that is no cue, and only with the quotation
    after it, which `previous_subject` gives the same person."""
    at, q = ctx.at, ctx.q
    if at.text[ctx.before[0] : ctx.before[1]].strip() or not at.inner(q).rstrip().endswith((".", "!", "?")):
        return None  # words of its own before it, or a sentence running on after it
    _, hi = at.paragraph_bounds(q.start)
    a, _ = at.token_range(q.end, q.end)
    if a >= len(at.doc) or at.doc[a].idx >= hi:
        return None
    sent = at.doc[a].sent
    if sent.start != a or sent.end_char > hi or any(at.in_quote[i] for i in range(sent.start, sent.end)):
        return None
    rest = at.text[sent.end_char : hi].lstrip()
    if not rest or rest[0] not in OPENING_MARKS:
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or at.is_cue(root):
        return None
    subj = at.finder.subject_of(root)
    m = at.index.mention_at(subj.i) if subj is not None else None
    if subj is None or subj.head.i != root.i or m is None or m.actor is None or m.actor.type != "person":
        return None
    sp = ctx.speaker(at.finder.head_of_name(subj))
    return Found(sp) if sp is not None and sp.actor is m.actor else None


def named_after(ctx: Context) -> Found | None:
    """A quotation that is a paragraph of its own, whose speaker the next paragraph names at once with a
    pointing "that": "“I am not moving out at 15.” ¶ That was Aoife Gallagher, a student, who …"
    (the name after "was"). Not a carrying-on of the speaker before. (A person the next paragraph
    merely names for the first time is no such sign: as often someone new after the speaker's last words.)"""
    at, q = ctx.at, ctx.q
    lo, hi = at.paragraph_bounds(q.start)
    if at.text[lo : q.start].strip() or at.text[q.end : hi].strip():
        return None
    nxt = hi
    while nxt < len(at.text) and at.text[nxt].isspace():
        nxt += 1
    if nxt >= len(at.text):
        return None
    a, _ = at.token_range(nxt, nxt)
    if a >= len(at.doc) or at.doc[a].idx != nxt:
        return None
    sent = at.doc[a].sent
    if sent.start != a or any(at.in_quote[i] for i in range(sent.start, sent.end)):
        return None
    root = sent.root
    if at.doc[a].lower_ not in ("that", "those", "these") or root.lemma_ != "be" or at.doc[a].head.i != root.i:
        return None
    named = next((t for t in root.children if t.dep_ == "attr"), None)
    m = at.index.mention_at(named.i) if named is not None else None
    if m is None or m.actor is None or m.actor.type != "person":
        return None
    sp = ctx.speaker(at.finder.head_of_name(named))
    return Found(sp) if sp is not None and sp.actor is m.actor else None


def paragraph_before(ctx: Context) -> Found | None:
    """A quotation opening its paragraph with no cue, after a paragraph whose last sentence
    brings someone in: "Tim Guest with the health authority says there are many reasons…" ¶
    “Staffing is the biggest one.” The words are theirs, not the previous quotation's speaker's.
    A speech or belief verb may bring in a person or an organisation; any other verb only a
    person named or referred to by a pronoun ("Dr. Amara Obi has run the ward since 2009.")."""
    at, q = ctx.at, ctx.q
    lo, _ = at.paragraph_bounds(q.start)
    if lo == 0 or at.text[lo : q.start].strip():
        return None
    prev_end = lo - 1
    while prev_end > 0 and at.text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end == 0:
        return None
    a, _ = at.token_range(prev_end - 1, prev_end - 1)
    if a >= len(at.doc):
        return None
    sent = at.doc[a].sent
    plo, _ = at.paragraph_bounds(prev_end - 1)
    if any(at.in_quote[i] for i in range(sent.start, sent.end)) or at.text[prev_end - 1] == ":":
        return None  # it quotes someone already, or introduces the quotation (colon_paragraph)
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.idx >= plo]
    speech = [t for t in verbs if t.lemma_.lower() in REPORTING_VERBS]
    for verb in speech + [t for t in verbs if t.dep_ == "ROOT" and t not in speech]:
        subj = at.finder.subject_of(verb)
        if subj is None or not at.can_speak(subj) or subj.idx < plo:
            continue
        sp = ctx.speaker(subj)
        if sp is None or (sp.actor is None and not (verb in speech and _unnamed_person(at, subj))):
            continue
        if sp.actor is not None and (sp.actor.type == "place" or (verb not in speech and (sp.actor.type != "person" or subj.pos_ not in ("PROPN", "PRON")))):
            continue
        if sp.actor is not None and sp.actor.type == "organization" and _FIRST_PERSON_SINGULAR.search(at.inner(q).lower()):
            continue  # "“I get the boat at half seven …”": a body speaks as "we", never as "I"
        return Found(sp, verb.text, verb.idx)
    return None


def _unnamed_person(at: Attributor, subj: Token) -> bool:
    """ "A former manager, who asked not to be named, …" ¶ “…”: an unnamed person brought in by a
    speech verb speaks the bare quotation after it as a named one would."""
    tok = at.finder.relative_antecedent(subj) or subj
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_NOUNS


def continuation(ctx: Context) -> Found | None:
    """A quotation with no cue that carries on the previous speaker's words: in the same
    paragraph, opening one of the next paragraphs, or reopening a quotation left open."""
    last, q = ctx.last, ctx.q
    if last is None or last.speaker is None:
        return None
    lq = last.quotation
    turn = _exchange_turn(ctx, last)
    if turn is not None:
        return Found(turn)
    same_para = lq.paragraph == q.paragraph
    if not same_para and _asked(ctx, last) and not ctx.at.inner(q).rstrip().endswith("?"):
        # "“Did you see him sign it?” he asked." ¶ "“Never.”": an answer to a question put in the
        # paragraph before is not the asker's words; whose it is the text does not say
        return None
    para_start = ctx.at.text[ctx.at.paragraph_bounds(q.start)[0] : q.start].strip() == ""
    if same_para or (para_start and q.paragraph - lq.paragraph <= CONTINUATION_PARAGRAPHS) or (not lq.closed and q.paragraph - lq.paragraph == 1):
        return Found(last.speaker, last.cue)
    return None


def _exchange_turn(ctx: Context, last: AttributedQuote) -> Speaker | None:
    """ "“…,” she said. ¶ “That is not fair,” he shot back. ¶ “Then show us the numbers.”": a bare
    paragraph that is one short quotation, after a turn that is a short retort (or a question) and
    its cue alone, answers back: it is the words of the one the retort answered, the speaker of the
    paragraph before it, not the retort's. None when the three paragraphs are no such exchange."""
    at, q, lq = ctx.at, ctx.q, last.quotation
    if q.paragraph - lq.paragraph != 1:
        return None
    lo, hi = at.paragraph_bounds(q.start)
    if at.text[lo : q.start].strip() or at.text[q.end : hi].strip():
        return None
    if len(at.inner(q).split()) > EXCHANGE_TURN_WORDS:
        return None
    plo, phi = at.paragraph_bounds(lq.start)
    cue_words = _turn_cue_words(at, plo, phi)
    if cue_words is None:
        return None
    said = at.inner(lq).rstrip()
    # (a bare turn that itself answered back, "“You see? Always the boat.”", is answered in turn)
    if not (said.endswith("?") or (last.cue or "").split(" ")[0].lower() in RETORT_CUES or cue_words == 0):
        return None
    before = [(pos, sp) for pos, sp in at.speakers if pos < plo]
    if not before:
        return None
    pos, sp = before[-1]
    if at.text[at.paragraph_bounds(pos)[1] : plo].strip():
        return None  # (the answered speaker's words stand in the paragraph right before the retort)
    if cue_words == 0 and _turn_cue_words(at, *at.paragraph_bounds(pos)) is None:
        return None
    if (sp.actor is not None and sp.actor is last.speaker.actor) or sp.name == last.speaker.name:
        return None
    return sp


def _turn_cue_words(at: Attributor, lo: int, hi: int) -> int | None:
    """How many words a paragraph that is a quick exchange's turn has outside its quotations: it opens
    with a short quotation, holds no long one, and has a cue of a few words at most ("“Morna is not for
    dancing,” her sister replies. “Morna is for the boat.”"); None when the paragraph is no such turn."""
    quotes = [x for x in at.quotations if lo <= x.start < hi]
    if not quotes or at.text[lo : quotes[0].start].strip():
        return None
    if any(len(at.inner(x).split()) > EXCHANGE_TURN_WORDS for x in quotes):
        return None
    outside, at_ = 0, lo
    for x in quotes:
        outside += len(at.text[at_ : x.start].split())
        at_ = max(at_, x.end)
    outside += len(at.text[at_:hi].split())
    return outside if outside <= EXCHANGE_CUE_WORDS else None


def _asked(ctx: Context, last: AttributedQuote) -> bool:
    """Whether the latest quotation with a speaker is a question its cue says was asked."""
    return (last.cue or "").split(" ")[0].lower() in ASKING_CUES and ctx.at.inner(last.quotation).rstrip().endswith("?")


@dataclass(frozen=True)
class Strategy:
    name: str  # recorded in AttributedQuote.rule; stable, other code may key on it
    find: Callable[[Context], Found | None]
    # None: any quotation; True: only one woven into a sentence; False: only one standing alone
    woven: bool | None = None

    def applies(self, ctx: Context) -> bool:
        return self.woven is None or self.woven == ctx.woven


# The order in which a reader looks for the speaker; the first strategy that finds one wins.
CHAIN: tuple[Strategy, ...] = (
    Strategy("answer", answer),
    Strategy("dash_name", dash_name),
    Strategy("cue_before", cue_before),
    Strategy("governing_cue", governing_cue),
    Strategy("cue_after", cue_after),
    Strategy("cue_earlier", cue_earlier),
    Strategy("according_to", according_to),
    Strategy("colon_paragraph", colon_paragraph),
    Strategy("label", label),
    Strategy("colon_subject", colon_subject, woven=True),
    Strategy("reply", reply),
    # A partial quote woven into a sentence belongs to that sentence's subject; a quotation
    # standing alone carries on the previous speaker, and its parse reaches outside its
    # sentence only when nothing else worked.
    Strategy("governing_subject", governing_subject, woven=True),
    Strategy("previous_subject", previous_subject, woven=False),
    # (the plain sentence after the quotation is, to `Context.woven`, words around it: any quotation)
    Strategy("next_subject", next_subject),
    Strategy("named_after", named_after, woven=False),
    Strategy("paragraph_before", paragraph_before, woven=False),
    Strategy("continuation", continuation),
    Strategy("governing_subject", governing_subject, woven=False),
)
ECHO = "echo"
# Strategies that find a speaker for a quotation without a cue of its own (protocol: Via.kind "none").
NO_CUE_RULES = frozenset(("previous_subject", "next_subject", "named_after", "paragraph_before", "continuation", ECHO))


def attribute(ctx: Context) -> tuple[str, Found] | None:
    """The first strategy of CHAIN that names a speaker, and what it found."""
    for strategy in CHAIN:
        if strategy.applies(ctx):
            found = strategy.find(ctx)
            if found:
                return strategy.name, relayed(ctx, unnamed_source_pronoun(ctx, singular_they(ctx, found)))
    return None


def relayed(ctx: Context, found: Found) -> Found:
    """ "Quoting the president, she said: “…”", "She read from a letter the minister had sent: “…”":
    words the cue's speaker passes on from someone else, as they were put, are that person's. Only
    a person or body the cue's own clause names that way: "quoting" with its object, or reading from
    (or reading out) a written thing whose writer its relative clause or "from" names."""
    if found.cue_start is None:
        return found
    at = ctx.at
    verb = at.doc[at.token_range(found.cue_start, found.cue_start)[0]]
    if verb.idx != found.cue_start:
        return found
    source: Token | None = None
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in QUOTING_VERBS:
            source = next((o for o in c.children if o.dep_ == "dobj"), None)
        elif verb.lemma_.lower() in READING_OUT_VERBS and c.dep_ in ("prep", "dobj"):
            written = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "from" else c if c.dep_ == "dobj" else None
            if written is not None and written.lemma_.lower() in DOCUMENT_NOUNS:
                source = _writer(ctx, written)
        if source is not None:
            break
    if source is None or not at.can_speak(source) or source.lower_ in _NO_SPEAKER or source.pos_ == "PRON":
        return found
    sp = ctx.speaker(at.finder.head_of_name(source))
    return found._replace(speaker=sp) if sp is not None else found


def _writer(ctx: Context, written: Token) -> Token | None:
    """Who wrote a written thing, as its own words say: "a letter the minister had sent", "a
    statement from the family", "the minister's letter"."""
    for c in written.children:
        if c.dep_ == "relcl":
            subj = ctx.at.finder.subject_of(c)
            if subj is not None and subj.head.i == c.i:
                return subj
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def singular_they(ctx: Context, found: Found) -> Found:
    """ "“…my thesis defence…,” they say" after a paragraph about Alex Moreau; "“…,” they added" after
    Robin Kaur's quotation: a "they" that speaks in the first person singular, or carries on a
    quotation, is one person: the nearest in view whom the text never called "he" or "she", not the
    previous speaker for want of anyone else. With no such person, a "they" speaking as "I" is left
    unnamed rather than given to a group, a body or someone else."""
    sp = found.speaker
    a, b = sp.chain[0]
    if ctx.at.text[a:b].lower() not in _PLURAL_SPEAKER_PRONOUNS:
        return found
    declared = _declared_they(ctx, a)
    if declared is not None:
        return found._replace(speaker=Speaker(declared.name, a, b, declared.actor, ((a, b),) + declared.chain))
    they = ctx.at.doc[ctx.at.token_range(a, a)[0]]
    own = _unnamed_source_token_before(ctx, they)
    if own is not None and len(sp.chain) > 1:
        # "A paramedic, who asked not to be named because they were not authorised …, said ….
        # “We …,” they said": a "they" read through the "they" of the source's own relative clause
        # is that source, whoever that inner "they" was taken for
        lo, hi = own.left_edge.idx, own.right_edge.idx + len(own.right_edge.text)
        if any(lo <= x < hi and x > own.idx for x, _ in sp.chain[1:]):
            return found._replace(speaker=Speaker(ctx.at.text[lo : own.idx + len(own.text)], a, b, None, ((a, b), (lo, own.idx + len(own.text)))))
    name_words = sp.name.lower().split()
    body = sp.actor is not None or (len(sp.chain) > 1 and name_words[-1:] and name_words[-1] in ORG_NOUNS)
    spoken = ctx.at.inner(ctx.q).lower().replace("’", " ").replace("'", " ")
    singular = _FIRST_PERSON_SINGULAR.search(spoken) is not None
    if len(sp.chain) > 1 and not body:
        # "Residents were angry. “I …,” they said": the people the text spoke of; unless one person
        # whose words were reported came in after them ("One official … said they …")
        source = _unnamed_source_before(ctx, ctx.at.doc[ctx.at.token_range(a, a)[0]]) if singular else None
        if source is not None and source[0] > sp.chain[-1][0]:
            return found._replace(speaker=Speaker(ctx.at.text[source[0] : source[1]], a, b, None, ((a, b), source)))
        if not singular and not _FIRST_PERSON_PLURAL.search(spoken):
            # "… volunteers had served breakfast. One of the organisers, Kiri Ngata-Brown, said … ¶ “…,”
            # they said": a named person who came in after the group, speaking for nobody but themselves
            res = ctx.at.finder.coref.singular_they(ctx.at.doc[ctx.at.token_range(a, a)[0]])
            if res is not None and res.actor is not None and res.chain and res.chain[0][0] > sp.chain[-1][0]:
                return found._replace(speaker=Speaker(res.name, a, b, res.actor, ((a, b),) + res.chain))
        return found
    if not singular and (found.cue or "").lower() not in _CARRYING_ON_CUES:
        return found
    tok = ctx.at.doc[ctx.at.token_range(a, a)[0]]
    res = ctx.at.finder.coref.singular_they(tok)
    source = _unnamed_source_before(ctx, tok) if singular else None
    if res is not None and not (source is not None and res.chain and source[0] > res.chain[0][0]):
        # (unless one person whose words were reported came in after the one found: "A driver hired by
        # the agency, who asked that their name not be used, said …. “… my …,” they said")
        return found._replace(speaker=Speaker(res.name, a, b, res.actor, ((a, b),) + res.chain))
    if source is not None:
        lo, hi = source
        return found._replace(speaker=Speaker(ctx.at.text[lo:hi], a, b, None, ((a, b), (lo, hi))))
    if singular and body:
        return found._replace(speaker=Speaker(ctx.at.text[a:b], a, b, None))
    return found


def unnamed_source_pronoun(ctx: Context, found: Found) -> Found:
    """ "An elderly trader who has sold sandals there since 1998 said she had nowhere else to go.
    “Kampala grew around me,” she said.": a "he" or "she" whose paragraph reported an unnamed person's
    words after the last mention of the named person the reading took it for is that unnamed person
    (of a gender its noun allows), not someone named further back."""
    sp = found.speaker
    if sp is None or len(sp.chain) < 2:
        return found
    a, b = sp.chain[0]
    word = ctx.at.text[a:b].lower()
    if word not in ("he", "she"):
        return found
    pron = ctx.at.doc[ctx.at.token_range(a, a)[0]]
    own = _indefinite_source_before(ctx, pron)
    if own is None or any(c.dep_ == "appos" for c in own.children) or own.idx < sp.chain[-1][0]:
        return found
    noun = own.lemma_.lower()
    if (word == "he" and noun in FEMALE_NOUNS) or (word == "she" and noun in MALE_NOUNS):
        return found
    lo, hi = own.left_edge.idx, own.idx + len(own.text)
    return found._replace(speaker=Speaker(ctx.at.text[lo:hi], a, b, None, ((a, b), (lo, hi))))


def _indefinite_source_before(ctx: Context, pron: Token) -> Token | None:
    """The person an indefinite noun phrase brings in as the subject of a sentence of saying earlier
    in the pronoun's paragraph ("An elderly trader who has sold … said …"), read from the words, not
    the parse (which often makes such a long subject the sentence's root): a singular noun for a
    person after "a", "an", "one" or "another" and adjectives only, opening its sentence, with a
    verb of saying after it in that sentence."""
    at = ctx.at
    lo, _ = at.paragraph_bounds(pron.idx)
    for tok in reversed(at.doc[: pron.i]):
        if tok.idx < lo:
            return None
        if at.in_quote[tok.i] or tok.tag_ != "NN" or tok.lemma_.lower() not in PERSON_NOUNS:
            continue
        sent = tok.sent
        opening = [t for t in at.doc[sent.start : tok.i] if not t.is_space]
        if not opening or opening[0].lower_ not in ("a", "an", "one", "another") or any(t.pos_ not in ("DET", "ADJ", "NUM") for t in opening):
            continue
        if any(t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB" and not at.in_quote[t.i] for t in at.doc[tok.i + 1 : min(sent.end, pron.i)]):
            return tok
    return None


def _declared_they(ctx: Context, a: int):
    """ "Alex Rahardjo, … who uses they/them pronouns, said …. “…,” they said": the person in view for
    a speaker's "they" (as `Coreference.singular_they` finds one) whom the text said goes by "they",
    whatever the quotation's own words; None when the page says so of nobody in view."""
    text = ctx.at.text
    if _THEY_THEM.search(text) is None:
        return None  # (most pages never say it: no reading asked)
    res = ctx.at.finder.coref.singular_they(ctx.at.doc[ctx.at.token_range(a, a)[0]])
    if res is None or res.actor is None:
        return None
    for m in res.actor.mentions:
        after = text[m.end : m.end + _PRONOUNS_REACH]
        clause = after.split(".", 1)[0]
        if _THEY_THEM.search(clause):
            return res
    return None


def _unnamed_source_before(ctx: Context, they: Token) -> tuple[int, int] | None:
    """ "One former player, who coaches in Auckland, said they had learned patience from her. “…
    me …,” they said.": with nobody named for a "they" speaking as "I", the unnamed person whose words
    its paragraph reported last before it (a singular noun for a person, subject of a verb of
    saying, no one's relative), as its noun phrase's characters."""
    tok = _unnamed_source_token_before(ctx, they)
    return None if tok is None else (tok.left_edge.idx, tok.idx + len(tok.text))


def _unnamed_source_token_before(ctx: Context, they: Token) -> Token | None:
    """`_unnamed_source_before`'s noun."""
    at = ctx.at
    lo, _ = at.paragraph_bounds(they.idx)
    for tok in reversed(at.doc[: they.i]):
        if tok.idx < lo:
            return None
        if at.in_quote[tok.i] or tok.dep_ != "nsubj" or tok.tag_ != "NN" or tok.lemma_.lower() not in PERSON_NOUNS:
            continue
        if tok.head.lemma_.lower() not in REPORTING_VERBS or any(c.dep_ == "poss" for c in tok.children):
            continue
        return tok
    return None


def _echo_key(inner: str) -> str:
    """A quotation's words as `Echoes` compares them: lower case, punctuation out. Kept per process by
    the quotation's text (a live page's every version asks again for each of its hundred-odd quotations),
    the same string for the same text; bounded (`_ECHO_KEYS_KEPT` texts, each of at most `_ECHO_KEY_CHARS`)."""
    key = _echo_keys.get(inner)
    if key is None:
        key = " ".join(_NOT_WORD.sub(" ", inner.lower()).split())
        if len(inner) <= _ECHO_KEY_CHARS:
            if len(_echo_keys) >= _ECHO_KEYS_KEPT:
                _echo_keys.clear()
            _echo_keys[inner] = key
    return key


_NOT_WORD = re.compile(r"[^\w\s]")
# How many quotations' echo keys are kept (`_echo_key`): some half-dozen live pages' quotations (a few
# hundred kB of news; at most ~4 MB, every text as long as kept and of 4-byte characters).
_ECHO_KEYS_KEPT = 1_024
_ECHO_KEY_CHARS = 500
_echo_keys: dict[str, str] = {}


def apply_echoes(keyed: list[tuple[str, AttributedQuote]]) -> None:
    """Each (normalised words, quotation) that is a headline's quotation, or has no speaker, takes
    the speech, speaker and cue of the fuller occurrence `Echoes` finds for it (rule `echo`)."""
    echoes = Echoes(keyed)
    for n, (key, r) in enumerate(keyed):
        headline = r.quotation.paragraph == 0
        if not key or not r.speech or not (headline or r.speaker is None):
            continue
        source = echoes.source(n)
        if source is not None:
            r.speech, r.why, r.speaker, r.cue, r.cue_start = source.speech, source.why, source.speaker, source.cue, None
            r.rule = ECHO
            echoes.now_a_source(n)


class Echoes:
    """For each quotation, the first other one (in text order) that it repeats and that can lend it
    a speaker: outside the headline, with a speaker or known not to be speech, and with a key equal
    to its own or (from ECHO_MIN_WORDS words) containing it.

    Found by search, not by comparing every pair: the keys of the quotations that can lend are
    joined into one string that a key is looked for in (two lookups at most), and a dictionary
    holds the short keys, which only match exactly. A quotation becomes able to lend once it has
    taken a speaker (`now_a_source`); those few are kept apart, in text order, and looked through
    only up to the best found so far.
    """

    def __init__(self, keyed: list[tuple[str, AttributedQuote]]):
        self.keyed = keyed
        self.exact: dict[str, list[int]] = {}
        self.later: list[int] = []  # became able to lend, in text order (the order they are processed in)
        parts: list[str] = []
        self.starts: list[int] = []
        self.owners: list[int] = []
        at = 0
        for n, (key, r) in enumerate(keyed):
            if self.lends(n):
                self.exact.setdefault(key, []).append(n)
                self.starts.append(at)
                self.owners.append(n)
                parts.append(key)
                at += len(key) + 1
        self.joined = "\x00".join(parts)  # keys never contain \x00: they are words and spaces

    def lends(self, n: int) -> bool:
        key, o = self.keyed[n]
        return bool(key) and o.quotation.paragraph > 0 and bool(o.speaker or not o.speech)

    def now_a_source(self, n: int) -> None:
        if self.lends(n):
            self.later.append(n)

    def source(self, n: int) -> AttributedQuote | None:
        key = self.keyed[n][0]
        contains = len(key.split()) >= ECHO_MIN_WORDS
        best = self._first_joined(key, n) if contains else next((m for m in self.exact.get(key, ()) if m != n), None)
        for m in self.later:  # ascending; only those before the best found can win
            if best is not None and m >= best:
                break
            k = self.keyed[m][0]
            if m != n and (k == key or (contains and key in k)):
                best = m
                break
        return self.keyed[best][1] if best is not None else None

    def _first_joined(self, key: str, n: int) -> int | None:
        pos = self.joined.find(key)
        while pos >= 0:
            owner = self.owners[bisect_right(self.starts, pos) - 1]
            if owner != n:
                return owner
            pos = self.joined.find(key, self.starts[bisect_right(self.starts, pos) - 1] + len(self.keyed[owner][0]) + 1)
        return None


# How far past a quotation's ends `_not_speech` reads the text (`_INTRODUCER_REACH`, `_NAME_REACH`).
_NOT_SPEECH_REACH = max(_INTRODUCER_REACH, _NAME_REACH)
# The name the verdicts of `_not_speech` are kept under in `engine.local`'s store (`_Verdicts`), with the
# attributor's class (the article's, the nested quotations' `nested._Within`: their quoted tokens differ).
_VERDICTS_NAME = "not speech"
# What `_not_speech` calls of its attributor: an attributor whose class reads any of them otherwise
# reads every quotation itself (`_Verdicts` holds for these).
_READ_BY_NOT_SPEECH = ("_not_speech", "inner", "tokens", "token_range", "_sign_words", "_has_cue", "is_cue",
                       "_sentences_inside", "sentence_ends", "_title_like")
_UNKNOWN = object()
# A kept verdict packed: the quotation's kind (`_QUOTATION_KINDS`), whether closed, whether marked, the
# verdict (`_VERDICTS`), its start and end, and its segments' (28 bytes).
_PACKED = struct.Struct("<4B6i")
_QUOTATION_KINDS = {"Quotation": 0, "Answer": 1}
_VERDICTS = (None, "mention", "nickname", "title")
_WHYS = {why: n for n, why in enumerate(_VERDICTS)}


class _Verdicts:
    """The verdicts of `Attributor._not_speech` for one document, those of its previous version taken
    where provably the same, and this version's kept for its next (`keep`).

    The argument. `_not_speech` reads the quotation (its type, places, whether it is closed and
    marked), the two segments around it (`_with_segments`: in the quotation's paragraphs), the text
    from `_NOT_SPEECH_REACH` characters before its start to as far after its end, and of the tokens
    of its segments their words, parse (heads, children, lemmas, tags: a paragraph's own, each
    parsed alone) and which of them are quoted; nothing of the actor index or of the rest of the
    page (the attributor's methods it calls, `_READ_BY_NOT_SPEECH`, are the base class's: the
    nested quotations' attributor only makes other segments, which the key holds). The verdicts are kept under the digest of the paragraphs before the page's last
    (`checkpoints.prefixes`: their text and every annotation) with which tokens there are quoted,
    for the quotations whose reach ends before that paragraph; a document whose paragraphs before
    some boundary have the same digest, and the same tokens quoted there, reads the same for each
    quotation with the same key (type, places, marks, segments) whose reach ends before the
    boundary: it takes that verdict. Any other quotation, or a page with no such boundary (an entry
    inserted at the top or in the middle, an edit) is read as before; so is a quotation of a kind
    or with a verdict not listed for packing (`_QUOTATION_KINDS`, `_VERDICTS`). Kept in
    `engine.local`'s bounded store (some 5 kB a 3,000-word page for each of its two attributors:
    a byte a token for the quoted flags, 28 bytes a quotation)."""

    def __init__(self, at: Attributor):
        from . import local
        from .checkpoints import prefixes

        self.at = at
        self.made: dict[tuple, str | None] = {}
        self.old: dict[tuple, str | None] = {}
        self.bound = -1  # the old verdicts hold for quotations whose reach ends at or before it
        self.name = f"{_VERDICTS_NAME}: {type(at).__name__}"
        self.keeps = local.keeps(at.doc)
        if not self.keeps:
            return
        self.paras = local.paragraphs_of(at.doc)
        self.prefix = prefixes(at.doc)
        for c in range(len(self.paras) - 1, 0, -1):
            kept = local.kept((self.name, self.prefix[c], ()))
            if kept is None:
                continue
            quoted, packed = kept
            if quoted == bytes(at.in_quote[: self.paras[c].first]):
                self.old = {(kind, closed, marked, *places): _VERDICTS[why] for kind, closed, marked, why, *places in _PACKED.iter_unpack(packed)}
                self.bound = self.paras[c].start
            return

    def of(self, q: Quotation, before: Segment, after: Segment) -> str | None:
        kind = _QUOTATION_KINDS.get(type(q).__name__)
        if kind is None:
            return self.at._not_speech(q, before, after)
        key = (kind, int(q.closed), int(q.marked), q.start, q.end, *before, *after)
        why = self.old.get(key, _UNKNOWN) if q.end + _NOT_SPEECH_REACH <= self.bound else _UNKNOWN
        if why is _UNKNOWN:
            why = self.at._not_speech(q, before, after)
        self.made[key] = why
        return why

    def keep(self) -> None:
        """This version's verdicts, for its next: under the paragraphs before its last, packed
        (`_PACKED`: a few kB a page, as the store weighs them)."""
        from . import local

        if not self.keeps or len(self.paras) < 2:
            return
        c = len(self.paras) - 1
        bound = self.paras[c].start
        packed = b"".join(_PACKED.pack(*key[:3], _WHYS[why], *key[3:]) for key, why in self.made.items()
                          if key[3] + _NOT_SPEECH_REACH <= bound and why in _WHYS)
        if packed:
            local.keep((self.name, self.prefix[c], ()), (bytes(self.at.in_quote[: self.paras[c].first]), packed))


class Attributor:
    """The quotations of one document, the text around each, and who said them."""

    def __init__(self, doc: Doc, text: str, quotations: list[Quotation], index: ActorIndex):
        self.doc = doc
        self.text = text
        self.index = index
        self.tok_starts = columns(doc).starts
        # Where the lines break, found once: a quotation's paragraph is a binary search away, not a
        # scan back and forth through a line that may be 100,000 characters long.
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.in_quote = [False] * len(doc)
        self._mark(quotations)
        # each quotation's segments by what they are made of (`_with_segments`): the mentions' pass
        # below and `run` make most of them alike
        self._segments: dict[tuple, Segment] = {}
        # Mentions first: a nickname inside a name ("Marcia “Cia” Price") must not cut the
        # attribution around it, and its words are not speech.
        self.mentions: dict[Quotation, str] = {}
        verdicts = _Verdicts(self) if all(getattr(type(self), n) is getattr(Attributor, n) for n in _READ_BY_NOT_SPEECH) else None
        for q, before, after in self._with_segments(quotations):
            why = self._not_speech(q, before, after) if verdicts is None else verdicts.of(q, before, after)
            if why:
                self.mentions[q] = why
        if verdicts is not None:
            verdicts.keep()
        self.quotations = [q for q in quotations if q not in self.mentions]
        self.in_quote = [False] * len(doc)
        self._mark(self.quotations)
        self.finder = SpeakerFinder(doc, index, self.in_quote, text)
        self.speakers: list[tuple[int, Speaker]] = []  # (where, who) of the quotations so far, in order (`reply`)

    def _mark(self, quotations: list[Quotation]) -> None:
        in_quote = self.in_quote
        for q in quotations:
            a, b = self.token_range(q.start, q.end)
            if a < b:
                in_quote[a:b] = [True] * (b - a)  # (in place, a slice at a time: a long page quotes thousands of tokens)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.tok_starts, start), bisect_left(self.tok_starts, end)

    # ------------------------------------------------------------------------------------------

    def run(self) -> list[AttributedQuote]:
        from .replay import Session  # (it reads this module's strategies)

        results = [AttributedQuote(q, False, why) for q, why in self.mentions.items()]
        last: AttributedQuote | None = None
        # the old quotations of a page's previous version, replayed when provably the same (`engine.replay`)
        session = Session(self)
        for q, before, after in self._with_segments(self.quotations):
            got = session.attribute(Context(self, q, before, after, last))
            if got is None and self._short(q):
                results.append(AttributedQuote(q, False, "scare quote"))
                continue
            aq = AttributedQuote(q, True)
            if got:
                aq.rule, (aq.speaker, aq.cue, aq.cue_start) = got
                last = aq
                self.speakers.append((q.start, aq.speaker))
            results.append(aq)
        session.save()
        results.sort(key=lambda a: a.quotation.start)
        self._echo(results)
        return results

    def _echo(self, results: list[AttributedQuote]) -> None:
        """A quotation repeated elsewhere (a headline quoting the body, a lede quoting a later
        paragraph) is whatever its fuller occurrence is: same speaker, or the same nickname."""
        apply_echoes([(_echo_key(self.inner(r.quotation)), r) for r in results])

    # -- segments around a quotation --------------------------------------------------------------

    def _with_segments(self, quotations: list[Quotation]):
        """Each quotation with the text before and after it (`_before_segment`, `_after_segment`).

        A segment is kept for the attributor's life under all it reads besides the text and the
        paragraphs, which are the attributor's own (`paragraph_bounds`): the quotation's start and
        the end of the one before it; its start and end and the start of the one after it. So the
        mentions' pass and `run`, whose lists differ only by the quotations that are not speech,
        make each segment once unless a neighbour differs."""
        made = self._segments
        for idx, q in enumerate(quotations):
            prev_q = quotations[idx - 1] if idx else None
            next_q = quotations[idx + 1] if idx + 1 < len(quotations) else None
            key = (q.start, None if prev_q is None else prev_q.end)
            before = made.get(key)
            if before is None:
                before = made[key] = self._before_segment(q, prev_q)
            key = (q.start, q.end, None if next_q is None else next_q.start)
            after = made.get(key)
            if after is None:
                after = made[key] = self._after_segment(q, next_q)
            yield q, before, after

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        """The line `pos` is on: from after the newline before it to the next newline (at or after it)."""
        i = bisect_left(self.newlines, pos)  # newlines before pos: [:i]; the first at or after pos: [i]
        lo = self.newlines[i - 1] + 1 if i else 0
        return lo, self.newlines[i] if i < len(self.newlines) else len(self.text)

    def sentence_ends(self, lo: int, hi: int):
        """Sentence ends between lo and hi, skipping abbreviations (Rep., Fla.) and initials (H.)."""
        for m in _SENTENCE_END.finditer(self.text, lo, hi):
            if self.text[m.start()] == ".":
                word = self.text[max(lo, m.start() - _ABBREVIATION_REACH) : m.start()].split()[-1:] or [""]
                w = word[0].lstrip("(\"“‘'").lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
            yield m

    def _before_segment(self, q: Quotation, prev_q: Quotation | None) -> Segment:
        lo, _ = self.paragraph_bounds(q.start)
        if prev_q and prev_q.end > lo:
            lo = prev_q.end
        for m in self.sentence_ends(lo, q.start):
            lo = m.end()
        return lo, q.start

    def _after_segment(self, q: Quotation, next_q: Quotation | None) -> Segment:
        _, hi = self.paragraph_bounds(max(q.end - 1, q.start))
        if next_q and next_q.start < hi:
            hi = next_q.start
        m = next(self.sentence_ends(q.end, hi), None)
        if m:
            hi = m.start() + 1
        return q.end, hi

    def tokens(self, seg: Segment) -> list[Token]:
        """The tokens of a segment outside any quotation."""
        a, b = self.token_range(*seg)
        return [t for t in tokens_of(self.doc)[a:b] if not self.in_quote[t.i]]

    def inner(self, q: Quotation) -> str:
        return self.text[q.inner_start : q.inner_end(self.text)]

    def ancestors_outside(self, q: Quotation):
        """The words the quotation hangs from in the parse, nearest first, outside any quotation."""
        a, b = self.token_range(q.start, q.end)
        if a >= min(b, len(self.doc)):
            return
        inside = range(a, b)
        # the quotation's own root: the token inside whose head lies outside it (a Token's head is a
        # new object, never the token itself, so a root inside counts as inside)
        head = columns(self.doc).head
        root = token_list(self.doc)[next((j for j in inside if head[j] not in inside), a)]
        lo, hi = self.paragraph_bounds(q.start)
        tok = root
        for _ in range(MAX_CLIMB):
            if tok.head.i == tok.i:
                return  # the sentence's root (spaCy makes a new Token object each time: `is` never holds)
            tok = tok.head
            if not lo <= tok.idx < hi:
                return  # the parser joined two paragraphs: what it found is not this quote's
            if not self.in_quote[tok.i]:
                yield tok

    # -- what is not speech ------------------------------------------------------------------------

    def _not_speech(self, q: Quotation, before: Segment, after: Segment) -> str | None:
        if isinstance(q, Answer):
            return None  # an interviewee's answer is speech, however short
        inner = self.inner(q).strip(" ,.;:!?")
        words = inner.split()
        if not words:
            return "mention"
        prev_words = self.text[max(before[0], q.start - _INTRODUCER_REACH) : q.start].lower().split()
        named = prev_words[:-1] if prev_words[-1:] == ["the"] else prev_words  # known as the “Iron Wall”
        prev = named[-1].strip(",:") if named else ""
        prev2 = " ".join(named[-2:])
        if prev in MENTION_INTRODUCERS or prev2 in MENTION_INTRODUCER_PHRASES:
            return "mention"
        if self._sign_words(before):
            return "mention"  # a hand-painted sign reads “Bring Them Home”
        said_to_be = _COPULA_AFTER.match(self.text, q.end, min(len(self.text), q.end + _INTRODUCER_REACH))
        if said_to_be and any((w or "").lower() in MENTION_NOUNS for w in said_to_be.groups()):
            return "mention"  # “Parts have been ordered” is a phrase that …
        if prev in THING_NAMING_WORDS and len(words) <= NICKNAME_MAX_WORDS and all(w[:1].isupper() for w in words):
            called = [t for t in self.tokens(before) if t.lower_ == prev][-1:]
            if called and called[0].head.pos_ == "NOUN" and called[0].dep_ == "acl":
                return "nickname"  # a large crossbreed called “Tyson”
        # Dwayne “The Rock” Johnson: a nickname inside a name.
        name_before = self.text[max(0, q.start - _NAME_REACH) : q.start].split()[-1:]
        name_after = self.text[q.end : q.end + _NAME_REACH].split()[:1]
        if (
            len(words) <= NICKNAME_MAX_WORDS
            and self.text[q.start - 1 : q.start] == " "
            and name_before and name_before[0].isalpha() and name_before[0][:1].isupper()
            and name_after and name_after[0].strip(",.").isalpha() and name_after[0][:1].isupper()
        ):
            return "nickname"
        if self._title_like(words) and len(words) <= THE_NICKNAME_MAX_WORDS and prev_words[-1:] == ["the"] and not self._has_cue(before, after, naming=False):
            return "nickname"  # fans call the defence the “Iron Wall”
        after_work_noun = any(w.strip(",.").lower() in WORK_NOUNS for w in prev_words[-_WORK_NOUN_WORDS:])
        if (
            self._title_like(words)
            and len(words) <= (WORK_TITLE_MAX_WORDS if after_work_noun else TITLE_MAX_WORDS)
            # (a title in apposition to its work noun, "a 2023 study, “Housing for All”, whose
            # findings she said …", whatever verbs of saying follow it)
            and (prev in WORK_NOUNS or not self._has_cue(before, after))
            and not self._sentences_inside(q)
        ):
            # (a question or an exclamation standing as a sentence of its own is said, not a title:
            # "…by November. “Which November?”"; `inner` has lost its end marks, so read them here)
            alone = not self.text[before[0] : before[1]].strip() and not self.text[after[0] : after[1]].strip(" .")
            if after_work_noun or not (alone and self.inner(q).rstrip().endswith(("!", "?"))):
                return "title"
        if prev == "as" and len(words) <= MENTION_MAX_WORDS and any(w.startswith(NAMING_VERB_STEMS) for w in prev_words[-_NAMING_VERB_WORDS:]):
            return "mention"  # a practice he referred to in emails as "smoothing"
        return None

    def _sign_words(self, before: Segment) -> bool:
        """Whether the verb just before the quotation has a sign or a poster for its subject: "a
        sign reads", and "a banner reading", "a placard that read", "a sign that asks walkers to"
        (a clause on the sign noun, or on the relative pronoun that stands for it)."""
        for t in self.tokens(before)[-_SIGN_VERB_REACH:]:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SIGN_NOUNS for c in t.children):
                return True
            if t.dep_ in ("acl", "relcl") and t.head.lemma_.lower() in SIGN_NOUNS and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_WORDS for c in t.children):
                return True
        return False

    def _sentences_inside(self, q: Quotation) -> bool:
        """ “The Donald. Big Daddy.”: a sentence ends inside and another begins; a title is one phrase."""
        lo, hi = q.inner_start, q.inner_end(self.text)
        return any(self.text[m.end() : hi].strip(" \"'”’.!?") for m in self.sentence_ends(lo, hi))

    @staticmethod
    def _title_like(words: list[str]) -> bool:
        content = [w for w in words if w.lower() not in TITLE_FUNCTION_WORDS]
        return len(words) >= 2 and bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)

    def _short(self, q: Quotation) -> bool:
        inner = self.inner(q)
        return len(inner.split()) <= SCARE_QUOTE_MAX_WORDS and not inner.rstrip().endswith(("?", "!"))

    def _has_cue(self, before: Segment, after: Segment, naming: bool = True) -> bool:
        """A speech verb around the quotation; with naming=False, verbs that name things
        ("call", "dub", "label") do not count."""
        return any(
            self.is_cue(t) and (naming or t.lemma_.lower() not in WEAK_SPEECH_VERBS)
            for t in self.tokens(before) + self.tokens(after)
        )

    # -- cues and speakers -------------------------------------------------------------------------

    def is_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in TALK_ABOUT_VERBS:
            particle = TALK_ABOUT_VERBS[lemma]
            children = list(tok.children)
            if tok.dep_ in _REPORTED_DEPS and tok.head.lemma_.lower() in REPORTING_VERBS:
                return False  # "Rhodes recalled Obama talking about “…”": what Rhodes reports
            return any(c.dep_ == "prep" and c.lower_ == "about" for c in children) and (
                particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in children)
            )
        if is_mistagged_cue(tok):
            return True  # "“…,” the 67-year-old said, pointing …", "said" tagged a noun
        if tok.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_VERBS:
            return False
        if lemma in WEAK_SPEECH_VERBS:
            # "as the memo put it", "called it a “disgrace”": speech only in these frames
            return any(c.lower_ == "it" for c in tok.children) or lemma in CHARACTERISING_VERBS
        return True

    def is_name(self, tok: Token) -> bool:
        return self.index.mention_at(tok.i) is not None or tok.pos_ == "PROPN"

    def can_speak(self, subj: Token) -> bool:
        """A subject outside the quotations that is not a date, time or amount ("the 34-year-old"
        is a person, whatever the recogniser says)."""
        return not self.in_quote[subj.i] and (subj.ent_type_ not in _NON_SPEAKER_ENTS or is_age_nominal(subj)) and not _comes_as_reply(subj)

    def from_cue(self, verb: Token, last_speaker: Speaker | None, after_start: int | None = None) -> Found | None:
        """The speaker of a cue: its subject; for a cue after the quotation (from `after_start`),
        else the first name after the quotation or the subject after the verb."""
        subj = self.finder.subject_of(verb)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i and verb.lemma_.lower() != "quote":
            return None  # "terrorists are revealed as …", "she was asked …": not who speaks
        if subj is not None and subj.lower_ == "one" and subj.head.i == verb.i and not any(subj.children):
            group = self._one_of(subj)
            if group is None:
                return None
            name = "one of the " + " ".join(t.lower_ for t in group)
            return Found(Speaker(name, subj.idx, subj.idx + len(subj.text), None), self._cue_text(verb), verb.idx)
        if subj is not None and not self.can_speak(subj) and not self._poll_group(subj):
            # "52 percent agreed that …" is a poll's answer; "Monday saw …" names nobody, and
            # nobody else in the sentence is the subject of this verb either
            return None
        if subj is None and after_start is not None:
            # “…,” Flynn, a top surrogate, said Thursday: the first name after the quotation.
            a, _ = self.token_range(after_start, after_start)
            for tok in self.doc[a : verb.i]:
                if self.index.mention_at(tok.i) or tok.pos_ in ("PROPN", "PRON"):
                    subj = self.finder.head_of_name(tok)
                    break
        if subj is None and after_start is not None:
            subj = self.finder.inverted_subject(verb)
        if subj is None or not (self.can_speak(subj) or self._poll_group(subj)):
            return None
        sp = self.speaker(subj, last_speaker)
        if sp is None:
            return None
        return Found(sp, self._cue_text(verb), verb.idx)

    def _one_of(self, one: Token) -> list[Token] | None:
        """ "Government backbenchers tried to help. “…!” one shouted.": "one" who speaks is one of the
        people a plural noun brought in just before, in its paragraph (the nearest, outside quotations).
        The words of that noun (its compounds and adjectives), or None when there is none."""
        lo, _ = self.paragraph_bounds(one.idx)
        for tok in reversed(self.doc[: one.i]):
            if tok.idx < lo:
                return None
            if self.in_quote[tok.i] or tok.tag_ != "NNS" or tok.lemma_.lower() not in PERSON_NOUNS:
                continue
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i and not self.in_quote[c.i]]
            return mods + [tok]
        return None

    def _poll_group(self, subj: Token) -> bool:
        """ "63 percent said …", "52 percent of registered voters agreed …": the people a poll asked."""
        return not self.in_quote[subj.i] and subj.ent_type_ == "PERCENT" and subj.dep_ in ("nsubj",)

    def speaker(self, tok: Token, last_speaker: Speaker | None) -> Speaker | None:
        if tok.lower_ in ("i", "my") and not self.in_quote[tok.i]:
            # "I laughed and said, “…”" outside any quotation: the one who wrote the piece
            return Speaker(WRITER, tok.idx, tok.idx + len(tok.text), None)
        if tok.lower_ in _NO_SPEAKER and not SpeakerFinder.is_relative(tok):
            return None
        return self.finder.speaker_for(tok, last_speaker)

    @staticmethod
    def _cue_text(verb: Token) -> str:
        parts = [verb]
        for child in verb.children:
            if child.dep_ == "prt" and child.i == verb.i + 1:
                parts.append(child)
        return " ".join(t.text for t in parts)
