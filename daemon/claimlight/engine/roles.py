"""The role an article gives a named person or organisation: "U.S. Secretary of State", "chief
executive", "the engineering firm".

A reader weighs a quotation by who is speaking, and the article says so where it introduces the
name: as words before it ("Transport chief Daniel Osei", "said Mayor Elena Varga"), as an apposition
after it ("Priya Raman, an analyst at Hollis & Grant,"), or with the name in apposition to the role
("the company's finance chief, Daniel Achterberg,"). Each is read from the parse; the first mention
that has one gives the actor's role. Honorifics (Mr, Ms, Dr) are not roles.

A live page is analysed again on every change, and the strategies, which read the parse around each
mention of every person and organisation, were run again on every old paragraph. What a strategy
finds at a mention depends on the mention's paragraph alone: every word it returns, and every word
it reads to decide, hangs from the mention or from a word of the phrase it returns, and a paragraph
is parsed alone (`engine.nlp.parse`), so no head, child or subtree edge crosses its edges; `_before`
reads the word before the paragraph's first one when the name opens it, and stops there whatever it
is (no word outside the paragraph can hang from the name). So what each strategy found at each
mention is kept with the paragraph (`engine.local`'s store, keyed by the paragraph's key, which names
its text and every annotation; the mention's bounds and the words found relative to its first
token), and a paragraph seen before is not read again. What is checked against the page, whether a
role names another person and which mention comes first, is the page's: `_acceptable`, `_tidy` and
the order run every time. A page too long to keep (`local.keeps`) is read as before.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from . import local
from .actors import ActorIndex, Mention
from .lexicon import ROLE_NOUNS, TITLES

HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame lord lady".split())
_ARTICLES = frozenset({"a", "an", "the"})
# Words that may open a role; capitalised at a sentence start only because of where they stand.
_ROLE_WORDS = TITLES | ROLE_NOUNS | frozenset(
    "former acting interim senior junior deputy assistant associate lead head councilwoman councilman alderman".split()
)
# "Her business partner, Ray Ashworth": whose partner is the article's context; the role is the rest.
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "my", "our", "your"})
_DETERMINERS = _ARTICLES | _POSSESSIVE_PRONOUNS
# Words that end a role phrase: a clause or an aside starts there.
_STOP_TEXT = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "‘", "’", "who", "which", "that", "whose"})
_PREFIX_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "prep", "pobj", "punct", "det", "cc", "conj"})
MAX_ROLE_TOKENS = 9
ROLE_TYPES = ("person", "organization")


def find_roles(doc: Doc, index: ActorIndex, in_quote: list[bool]) -> dict[str, str]:
    """{actor id: role} for the people and organisations the article gives a role."""
    roles: dict[str, str] = {}
    found = _Found(doc)
    for actor in index.actors:
        if actor.type not in ROLE_TYPES:
            continue
        for m in sorted(actor.mentions, key=lambda m: m.start):
            if any(in_quote[i] for i in range(m.token_start, m.token_end)):
                continue  # a name inside a quotation is the speaker's wording, not the article's
            for s in range(len(STRATEGIES)):
                words = found.words(m, s)
                if words is not None and _acceptable(words, index, actor):
                    roles[actor.id] = _tidy(words)
                    break
            if actor.id in roles:
                break
    found.keep()
    return roles


_NAME = "roles"


class _Found:
    """What strategy `s` finds at mention `m` (`words`), taken from what was kept with the mention's
    paragraph when it was found there before (see the module docstring); `keep()` keeps what was
    found anew."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.paras = local.paragraphs_of(doc) if local.keeps(doc) else None
        self.firsts = [p.first for p in self.paras] if self.paras is not None else []
        # by paragraph: {(mention's first token, its end, strategy): the words' (first, end) or ()}, relative to the paragraph
        self.by_paragraph: dict[int, dict[tuple[int, int, int], tuple]] = {}
        self.changed: set[int] = set()

    def words(self, m: Mention, s: int) -> Span | None:
        if self.paras is None:
            return STRATEGIES[s](self.doc, m)
        k = bisect_right(self.firsts, m.token_start) - 1
        p = self.paras[k]
        if m.token_end > p.last:
            return STRATEGIES[s](self.doc, m)  # (a mention is never across paragraphs; if it were, it is not kept)
        found = self.by_paragraph.get(k)
        if found is None:
            kept = local.kept((_NAME, p.key, ()))
            found = self.by_paragraph[k] = dict(kept) if kept is not None else {}
        at = (m.token_start - p.first, m.token_end - p.first, s)
        got = found.get(at)
        if got is not None:
            return self.doc[got[0] + p.first : got[1] + p.first] if got else None
        words = STRATEGIES[s](self.doc, m)
        if words is not None and not (p.first <= words.start and words.end <= p.last):
            return words  # (never: the words hang from the mention; not kept if they did not)
        found[at] = (words.start - p.first, words.end - p.first) if words is not None else ()
        self.changed.add(k)
        return words

    def keep(self) -> None:
        for k in sorted(self.changed):
            local.keep((_NAME, self.paras[k].key, ()), tuple(self.by_paragraph[k].items()))


def _before(doc: Doc, m: Mention) -> Span | None:
    """ "Kazakh Foreign Minister Aidos Temirbekov": the words in front of the name that modify it."""
    start = m.token_start
    while start > 0:
        tok = doc[start - 1]
        if tok.is_punct or tok.is_space or tok.lower_ in _ARTICLES or tok.pos_ in ("VERB", "AUX", "PRON", "DET", "SCONJ", "NUM"):
            break
        if tok.dep_ not in _PREFIX_DEPS or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or not _modifies(tok, m):
            break
        start -= 1
    words = doc[start : m.token_start]
    while len(words) and (words[0].lower_ in HONORIFICS or words[0].pos_ == "ADP"):
        words = words[1:]
    if not len(words) or len(words) > MAX_ROLE_TOKENS:
        return None
    last = words[-1]
    # "chief executive Renata Olsen": the small model often tags a role word before a name ADJ.
    if (last.pos_ not in ("NOUN", "PROPN") and last.lower_ not in ROLE_NOUNS | TITLES) or last.lower_ in HONORIFICS:
        return None
    # "Vantor's Renata Olsen": a possessive before a name says whose, not what.
    if last.tag_ == "POS" or last.dep_ == "poss":
        return None
    return words


def _modifies(tok: Token, m: Mention) -> bool:
    """Whether `tok` hangs, through words between it and the name, from the name itself."""
    # Modifiers point right, at the name; "of State" points left, at "Secretary", which points at the name.
    lo = m.token_start - MAX_ROLE_TOKENS
    for _ in range(MAX_ROLE_TOKENS):
        head = tok.head
        if m.token_start <= head.i < m.token_end:
            return True
        if head is tok or not lo <= head.i < m.token_start:
            return False
        tok = head
    return False


def _apposition(doc: Doc, m: Mention) -> Span | None:
    """ "Priya Raman, an analyst at Hollis & Grant, said": the apposition after the name."""
    head = doc[m.token_end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.i >= m.token_end and child.pos_ in ("NOUN", "PROPN"):
            return _phrase(doc, child, exclude=m)
    return None


def _named_in_apposition(doc: Doc, m: Mention) -> Span | None:
    """ "the company's finance chief, Daniel Achterberg,": the name is in apposition to its role."""
    head = doc[m.token_end - 1]
    if head.dep_ == "appos" and head.head.i < m.token_start and head.head.pos_ == "NOUN":
        return _phrase(doc, head.head, exclude=m)
    return None


def _phrase(doc: Doc, noun: Token, exclude: Mention) -> Span | None:
    """The noun phrase of `noun` up to the first comma or clause, without the name itself."""
    start = noun.left_edge.i
    end = noun.i + 1
    for tok in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if tok.text in _STOP_TEXT or tok.lower_ in _STOP_TEXT or tok.dep_ in ("relcl", "acl", "advcl") or exclude.token_start <= tok.i < exclude.token_end:
            break
        end = tok.i + 1
    while start < noun.i and (doc[start].is_punct or doc[start].text in _STOP_TEXT):
        start += 1
    words = doc[start:end]
    if not len(words) or len(words) > MAX_ROLE_TOKENS or any(exclude.token_start <= t.i < exclude.token_end for t in words):
        return None
    if any(t.is_space or "\n" in t.text for t in words):
        return None
    return words


STRATEGIES = (_before, _apposition, _named_in_apposition)


def _acceptable(words: Span, index: ActorIndex, actor) -> bool:
    """A role names no other person (that would be a misparse) and says something in words."""
    doc = words.doc
    for tok in words:
        m = index.mention_at(tok.i)
        if m is None or m.actor is None or m.actor is actor or m.actor.type != "person":
            continue
        # "Whitlock's lawyer" relates the actor to another person; anything else naming one is a misparse.
        if not (m.token_end < len(doc) and doc[m.token_end].tag_ == "POS") and not doc[m.token_end - 1].text.endswith(("'s", "’s")):
            return False
    if words.root.tag_ in ("NNS", "NNPS"):
        return False  # "two Vermont developers", "all times": one actor's role is singular
    rest = [t for t in words if t.lower_ not in _DETERMINERS and t.pos_ != "DET"]
    if not rest or any(t.like_url or t.like_email or "/" in t.text or "@" in t.text for t in rest):
        return False
    # A role is said in ordinary words, or with a title: all-capitalised words after a name are
    # another name, a place or a party ("Florida", "R-IN", "Republican"), not what the actor does.
    return any((t.is_alpha and t.is_lower) or t.lower_.rstrip(".") in _ROLE_WORDS for t in rest)


def _tidy(words: Span) -> str:
    toks = list(words)
    while toks and (toks[0].lower_ in _DETERMINERS or toks[0].pos_ == "DET"):
        toks = toks[1:]  # "another critic" → "critic"
    while len(toks) > 1 and toks[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        toks = toks[:-1]  # "author of" → "author"
    text = "".join(t.text_with_ws for t in toks).strip()
    first = toks[0]
    # "Chief financial officer Daniel Achterberg said": capitalised only because it opens the sentence.
    if first.is_sent_start and first.is_title and len(toks) > 1 and toks[1].is_lower and first.lower_ in _ROLE_WORDS:
        text = text[0].lower() + text[1:]
    return text
