"""Reported speech without quotation marks: "Blinken added that this policy had been decided…".

Each rule below finds one way a text reports what someone said or holds without quoting them, and
its result records the rule's name (`Reported.rule`). In every one the speaker is the reporting
verb's subject, resolved as a quotation's would be (a name, a pronoun, a description, "who" of a
relative clause), and nothing is reported when it resolves to no one.

* `reporting_verb`: a reporting verb with a clause of its own ("Walsh said that the bridge would
  reopen", "the bridge will reopen, the mayor said"): the clause, wherever the parse hung it
  (`_clauses_of`), and said by a subject it read into the phrase before the verb.
* `parenthetical`: the reporting verb set inside the clause it reports ("The museum, Obama said,
  would face…"): the whole clause, the verb's own words included, since they cut it in two.
* `trailing_verb`: a reporting verb and its subject after a comma ("The plan is vague about who
  would qualify, experts say", "Ferry Fares Will Rise, Minister Says"): what comes before the comma,
  however the parse read it.
* `fronted_verb`: a reporting verb and its subject set off by a comma before the clause they report ("In
  recent days, advisers to the mayor say, she has grown weary…"): the clause after the comma.
* `as_clause`: a verb of saying or noting in a clause of "as" beside the clause it gives to its subject
  ("As experts have pointed out, the returns can be released"; "…, as the mayor predicted"): that clause.
* `according_to`: "According to X, <clause>": the rest of the sentence.
* `infinitive`: a verb of promising or urging with what is to be done ("promised to cut taxes",
  "urged the council to approve the budget", "called on the council to act"): what is to be done,
  and by whom when it is named.
* `intention`: a verb of intention, hope or decision with what is to be done ("plans to release
  her returns", "refused to testify", "expects the board to resign"), as `infinitive` does.
* `content_object`: a verb of stance whose object is what was said ("denied the allegations of
  misconduct", "called her vote a mistake", "questioned the need for moderators"): the object and
  what the verb says of it. Only verbs that take what was said as their object (`STANCE_VERBS`),
  and those that report only with what they say of it (`CHARACTERISING_STANCE_VERBS`: "attacked her
  opponent as a fraud", not "attacked the village"; "called it a mistake", not "called a meeting"), and
  those that report only with what they tie it to (`LINKING_VERBS`: "linked the outbreak to the farm").
* `passive_agent`: a verb of stance in the passive with its agent ("the plan was criticised by
  unions as reckless"): its subject and what the verb says of it, said by the agent.
* `stance_adjective`: an adjective of stance after "be" with what the stance is about, a clause held
  or what is to be done ("is critical of the plan", "is confident that the vote will pass", "were
  willing to back the bill"): that phrase, clause or infinitive, held by the subject of "be".
* `finding`: a poll, a study or a record with what it shows or found as its object ("polls show a
  close race", "the audit found 40 faulty meters"), or a study's authors with what they report ("the
  authors report a relative risk of 0.83"): the object and what follows it in the clause.
* `preposition_object`: a verb that reports by the phrase it governs ("commented on the verdict",
  "warned of a recession", "called for an inquiry"): that phrase.
* `claim_noun`: a noun of saying with its possessor and its "that" clause ("Trump's claim that he
  opposed the war"): the clause, said by the possessor.
* `claim_object`: a noun of saying with its possessor and what it is about ("Clinton's comments on
  the shooting", "her warning of a recession"), or a noun of stance and what it is towards ("his attacks
  on the moderators"): the phrase, said by the possessor.
* `stance_noun`: a noun for one who holds a stance, after "be" or beside its holder, and what the stance is
  towards ("is a staunch opponent of the death penalty", "Reid, a critic of the levy,"): the phrase.
* `intention_noun`: a noun of intention or decision with its possessor and what is to be done ("her
  decision to close the plant", "the board's refusal to publish the report"): the infinitive.
* `claim_made`: a noun of a claim put forward, the object of a verb that puts it forward, with its
  "that" clause ("made the case that the bridge is safe", "raised the possibility that…", "offered no
  evidence that the count was rigged"): the clause, said by the verb's subject.
* `made_clear`: "made it clear that…", "made plain she would…": the clause, said by the verb's subject.
* `concern_raised`: a doubt or a worry put forward, the object of a verb that puts it forward ("raised
  concerns about the new trains", "aired doubts that the count was fair"): what it is about, or its
  "that" clause, said by the verb's subject.
* `source_phrase`: a phrase opening the sentence that gives the clause after it to a view's possessor or
  to a poll it is read in ("By his own admission, the returns run to thousands of pages", "In this poll,
  Okafor leads by four points"): that clause.
* `colon_block`: a reporting verb and a colon ending a paragraph ("The governor added:"), and the next
  paragraph without quotation marks, a block quotation on the page: that paragraph.
* `headline_verb`: the article's first line giving what follows a verb of `HEADLINE_VERBS` to the
  name before it ("Okafor Vows To Scrap Ferry Fees"): what follows, read from the words.
* `headline`: a person, an organisation or a poll named before a colon on the article's first line
  ("Okafor: Ferry fares will rise"): what follows the colon.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from spacy.tokens import Doc, Token

from .docview import columns, text_of, token_list
from .local import by_paragraph, paragraphs_of
from .lexicon import ADDRESSED_SPEECH_VERBS, AS_CLAUSE_VERBS, ASPECTUAL_VERBS, STANCE_HOLDER_NOUNS, STANCE_OBJECT_NOUNS, VIEW_NOUNS, HEADLINE_SOURCE_NOUNS, HEADLINE_VERBS, ANONYMITY_VERBS, ANONYMITY_WORDS, BELIEF_ADJECTIVES, BELIEF_VERBS, STANCE_ADJECTIVES, WILLING_ADJECTIVES, INDEFINITE_PRONOUNS, SPEECH_VERBS, WEAK_SPEECH_VERBS, CHARACTERISING_STANCE_VERBS, CLAIM_NOUNS, CLAIM_MADE_NOUNS, ORG_NOUNS, ORGANISATION_NOUNS, PERSON_NOUNS, PLACE_NOUNS, CLAIM_MAKING_VERBS, CLAUSE_OPENERS, CONCERN_NOUNS, CONCERN_PREPOSITIONS, CONCERN_RAISING_VERBS, MADE_CLEAR_ADJECTIVES, MADE_CLEAR_VERBS, REPORTED_CLAIM_NOUNS, RELAYING_NOUNS, FINDING_AUTHOR_NOUNS, FINDING_AUTHOR_VERBS, FINDING_SOURCE_NOUNS, FINDING_VERBS, NAMING_VERBS, INFINITIVE_REPORTING_VERBS, INTENTION_NOUNS, INTENTION_PUTTING_VERBS, INTENTION_VERBS, LINKING_VERBS, PREPOSITION_REPORTING_VERBS, CLAUSE_MARKS, CLAUSE_REPORTING_VERBS, REASON_MARKS, REFUSING_VERBS, THAT_CLAUSE_VERBS, SILENCE_VERBS, STANCE_VERBS, URGING_PREPOSITIONS, VAGUE_SUBJECTS
from .ranges import outermost
from .speakers import SUBJECT_DEPS, Speaker, SpeakerFinder

REPORTING_VERB = "reporting_verb"
PARENTHETICAL = "parenthetical"
ACCORDING_TO = "according_to"
INFINITIVE = "infinitive"
INTENTION = "intention"
CONTENT_OBJECT = "content_object"
FINDING = "finding"
PASSIVE_AGENT = "passive_agent"
PREPOSITION_OBJECT = "preposition_object"
CLAIM_NOUN = "claim_noun"
CLAIM_OBJECT = "claim_object"
INTENTION_NOUN = "intention_noun"
TRAILING_VERB = "trailing_verb"
HEADLINE = "headline"
CLAIM_MADE = "claim_made"
MADE_CLEAR = "made_clear"
CONCERN_RAISED = "concern_raised"
COLON_BLOCK = "colon_block"
HEADLINE_VERB = "headline_verb"
FRONTED_VERB = "fronted_verb"
AS_CLAUSE = "as_clause"
STANCE_NOUN = "stance_noun"
SOURCE_PHRASE = "source_phrase"
STANCE_ADJECTIVE = "stance_adjective"
# What a noun of saying is about, whatever the noun: "her comments on the ruling", "claims about the test".
_ABOUT = ("on", "about")

# A clause has a subject of its own: "he said of US plans to…" has none, whatever the parse calls it.
_CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS + ("expl", "csubj")
_NO_REPORTER = VAGUE_SUBJECTS | INDEFINITE_PRONOUNS  # ("someone plans to…" names no one)
# What is no reporter, as the parse tags it, unless it is a name ("Trump" tagged a verb): a number ("73
# percent said"), or a word the parse took for a subject in a misread sentence ("Let's say…", a verb
# opening a line).
_NO_REPORTER_POS = ("NUM", "PART", "VERB", "AUX", "ADP", "PUNCT", "SYM")
# The relative pronouns for a thing ("who" is no vague subject anyway): the subject of a relative
# clause they open is the noun they follow.
_RELATIVE_PRONOUNS = ("which", "that")
_HEADLINE_REPORTERS = PERSON_NOUNS | ORG_NOUNS | HEADLINE_SOURCE_NOUNS | frozenset(("expert", "official"))
_REPORTER_NOUNS = PERSON_NOUNS | ORG_NOUNS | ORGANISATION_NOUNS | PLACE_NOUNS | FINDING_SOURCE_NOUNS | frozenset(("nation", "nations", "countries"))
# A clause may end with a quotation it contains: its closing mark stays with it.
_CLOSING_MARKS = ("”", "’", '"', "'")
# What sets a parenthetical reporting verb off from the clause around it.
_PARENTHESIS_MARKS = (",", "—", "–", "-")
# What a verb of stance says of its object: "called it a mistake", "blamed X for Y", "described X as Y".
_OBJECT_COMPLEMENT_DEPS = ("oprd", "xcomp", "ccomp")
_OBJECT_PREPOSITIONS = frozenset(("for", "of", "as", "about", "over", "against"))
# A headline's source before its colon, and the headline itself, at most this long (tokens).
HEADLINE_NAME_TOKENS = 5
HEADLINE_TOKENS = 40
# Longest paragraph a verb and its colon bring in as what was said (tokens): a block quotation is a
# paragraph or so, never the rest of the article.
COLON_BLOCK_TOKENS = 150
# Shortest reported clause, in tokens (a name alone is shorter: `_NAMED_OBJECT_RULES`).
MIN_CLAUSE_TOKENS = 3
# A clause this much inside quotation marks is a direct quotation, reported as a quote already.
MOSTLY_QUOTED = Fraction(3, 5)
# Unquoted tokens a mostly quoted clause opens with that make it a report a partial quotation sits in.
PARTIAL_QUOTE_LEAD = 2


@dataclass
class Reported:
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_start: int
    rule: str  # the name of the rule that found it (REPORTING_VERB, ACCORDING_TO, …)


def _clause_bounds(doc: Doc, head: Token) -> tuple[int, int]:
    toks = token_list(doc)
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end and ((toks[start].lower_ in CLAUSE_OPENERS and toks[start].dep_ not in SUBJECT_DEPS) or toks[start].is_punct or toks[start].is_space):
        start += 1  # (not "that" the subject: "few believe that is likely")
    return start, _without_trailing_punctuation(doc, start, end)


def _without_trailing_punctuation(doc: Doc, start: int, end: int) -> int:
    """Where [start, end) ends without its trailing punctuation (a closing quotation mark stays with it)
    and the line break that ends a paragraph (which the parse hangs on its last word when an abbreviation,
    "in the U.S.", took the full stop)."""
    toks = token_list(doc)
    while end > start and (toks[end - 1].is_space or (toks[end - 1].is_punct and toks[end - 1].text not in _CLOSING_MARKS) or toks[end - 1].dep_ == "cc"):
        end -= 1  # (and a conjunction left over when the parse joined the clause to the next: "…would do and")
    return end


def _has_newline(doc: Doc, start: int, end: int) -> bool:
    """Whether `doc[start:end].text` has a line break (read from the text, not token by token)."""
    if end <= start:
        return False
    toks = token_list(doc)
    return "\n" in text_of(doc)[toks[start].idx : toks[end - 1].idx + len(toks[end - 1].text)]


def _too_short_or_quoted(start: int, end: int, in_quote: list[bool]) -> bool:
    if end - start < MIN_CLAUSE_TOKENS:
        return True
    if sum(in_quote[start:end]) * MOSTLY_QUOTED.denominator < (end - start) * MOSTLY_QUOTED.numerator:
        return False
    # A clause that opens with words of its own, its subject at least, before a partial quotation ("said
    # the fines “will not put a single trout back”") is reported speech the quotation sits in (the seeds'
    # convention: annotated both as a quote and as part of the clause); one that opens with the quotation
    # is the quotation.
    lead = next((i for i in range(start, end) if in_quote[i]), end) - start
    return lead < PARTIAL_QUOTE_LEAD


def find_reported(doc: Doc, finder: SpeakerFinder, in_quote: list[bool]) -> list[Reported]:
    """Every rule's findings, rule after rule, each rule's in text order; the outermost of those that
    overlap. Run paragraph by paragraph, each paragraph's kept for the page's next version with what
    it asked of the page (`engine.reported_memo`)."""
    from .reported_memo import by_paragraph_checked

    found = by_paragraph_checked(doc, finder, in_quote, RULES, lambda first, last, opening: _verbs_in(doc, in_quote, first, last, opening),
                                 lambda: Verbs(_reporting_verbs_of(doc, in_quote), 0, len(doc), True))
    # A clause reported inside another reported clause is shown once, as the outer one.
    return outermost(found, lambda r: (r.start, r.end))


def _reported(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verb: Token, start: int, end: int, rule: str, *, across: bool = False,
              subject: Token | None = None) -> Reported | None:
    """What `verb` reports in tokens [start, end), said by its subject (or `subject`: a claim's
    possessor), unless that is no report: too short (but a name alone, for the rules of
    `_NAMED_OBJECT_RULES`), mostly quoted already, reaching into another
    paragraph, the verb inside it (unless `across`: a parenthetical verb stands inside what it
    reports), or a subject that is no one."""
    if _too_short_or_quoted(start, end, in_quote) and not (rule in _NAMED_OBJECT_RULES and _names_an_actor(finder, start, end) and not any(in_quote[start:end])):
        return None
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return None  # "veterans invited to take part": by someone the text does not name
    if not across and start <= verb.i < end:
        return None  # a clause reaching across the verb is a misparse
    if _has_newline(doc, start, end) or _has_newline(doc, min(start, verb.i), max(end, verb.i + 1)):
        return None
    subj = subject if subject is not None else finder.subject_of(verb)
    # "the ministry, which denied any role in the fire": "which" stands for the noun before it (the
    # speaker rules resolve it), a vague subject only when it opens no relative clause. Not for what a
    # phrase reports: "a charity that campaigns for walking to school" says what the charity is for.
    relative = subj is not None and subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" and rule != PREPOSITION_OBJECT and _can_report(finder, verb.head)
    if subj is None or in_quote[subj.i] or (start <= subj.i < end and not across) or (subj.lower_ in _NO_REPORTER and not relative) or (subj.pos_ in _NO_REPORTER_POS and finder.index.mention_at(subj.i) is None):
        return None
    if subj.i < verb.i and any(t.text == ":" for t in doc[subj.i : min(verb.i, subj.right_edge.i + 2)]):
        return None  # "Election 2028: candidate vows…": a label before a colon is no subject
    speaker = finder.speaker_for(subj, None)
    if speaker is None:
        return None
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if subj.pos_ == "PRON" and len(speaker.chain) > 1 and lo <= speaker.chain[-1][0] and speaker.chain[-1][1] <= hi:
        return None  # "Her manager was sceptical, she adds": "she" is not who the clause is about
    return Reported(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), speaker, verb.text, verb.idx, rule)


# The rules whose phrase may be a name alone, shorter than a clause: a stance taken towards a person or an
# organisation ("endorsed Okafor", "is critical of the union", "voted against Reid").
_NAMED_OBJECT_RULES = frozenset(("content_object", "preposition_object", "stance_adjective", "passive_agent", "stance_noun"))


def _names_an_actor(finder: SpeakerFinder, start: int, end: int) -> bool:
    """Whether tokens [start, end) are one name of a person or an organisation, and nothing else."""
    mention = finder.index.mention_at(start)
    return mention is not None and mention.token_start == start and mention.token_end == end and mention.actor is not None and mention.actor.type in ("person", "organization")


def _can_report(finder: SpeakerFinder, tok: Token) -> bool:
    """Whether `tok` is someone or something that can say or find anything: a named actor, a person,
    an organisation, a country, a document or a study ("rules that promise to…" are no one's words)."""
    return finder.index.mention_at(tok.i) is not None or (tok.pos_ == "NOUN" and tok.lemma_.lower() in _REPORTER_NOUNS)


# The verbs that report what comes before them and their subject ("…, experts say"): not the weak
# cues ("…, she smiled", "…, he called").
_TRAILING_VERBS = (SPEECH_VERBS - WEAK_SPEECH_VERBS) | BELIEF_VERBS

# Every lemma a rule starts from: the document is read once for all of them (`_reporting_verbs_of`).
_ANY_REPORTING = CLAUSE_REPORTING_VERBS | INFINITIVE_REPORTING_VERBS | frozenset(URGING_PREPOSITIONS) | INTENTION_VERBS | FINDING_VERBS | FINDING_AUTHOR_VERBS | STANCE_VERBS | CHARACTERISING_STANCE_VERBS | frozenset(PREPOSITION_REPORTING_VERBS) | MADE_CLEAR_VERBS | CLAIM_MAKING_VERBS | CONCERN_RAISING_VERBS | frozenset(LINKING_VERBS) | AS_CLAUSE_VERBS

# Every noun a rule starts from.
_ANY_REPORTING_NOUN = REPORTED_CLAIM_NOUNS | INTENTION_NOUNS | CLAIM_MADE_NOUNS | frozenset(STANCE_HOLDER_NOUNS) | frozenset(STANCE_OBJECT_NOUNS) | frozenset(VIEW_NOUNS) | HEADLINE_SOURCE_NOUNS
# Every adjective.
_ANY_STANCE_ADJECTIVE = frozenset(STANCE_ADJECTIVES) | BELIEF_ADJECTIVES | WILLING_ADJECTIVES

class Verbs(dict):
    """lemma → its verbs and nouns outside quotations, in text order, among the tokens [first, last)
    the rules look in (a paragraph, or the whole document); `opening`: whether the document's first
    line, where the headline rules look, is in the rules' reach."""

    def __init__(self, found: dict[str, list[Token]], first: int, last: int, opening: bool):
        super().__init__(found)
        self.first, self.last, self.opening = first, last, opening


def _verbs_in(doc: Doc, in_quote: list[bool], first: int, last: int, opening: bool) -> Verbs:
    """The `Verbs` of tokens [first, last) (a paragraph's: `find_reported`)."""
    toks = token_list(doc)
    found: dict[str, list[Token]] = {}
    for lemma, i in _reporting_verbs_in(doc, in_quote, first, last):
        found.setdefault(lemma, []).append(toks[i])
    return Verbs(found, first, last, opening)


def _reporting_verbs_of(doc: Doc, in_quote: list[bool]) -> dict[str, list[Token]]:
    """The verbs (and the nouns) outside quotations that some rule starts from, by lemma, in one pass.

    A token's own annotations and its children (all in its paragraph, which is parsed alone) decide,
    so each paragraph's are kept for the page's next version (`engine.local`), keyed by its parse
    and which of its tokens are quoted."""
    paras = paragraphs_of(doc)
    toks = token_list(doc)
    found: dict[str, list[Token]] = {}
    for lemma, i in by_paragraph(doc, "reporting verbs", lambda d, k, p, w: _reporting_verbs_in(d, in_quote, p.first, p.last),
                                 lambda item, chars, tokens: (item[0], item[1] + tokens),
                                 lambda k: bytes(in_quote[paras[k].first : paras[k].last])):
        found.setdefault(lemma, []).append(toks[i])
    return found


def _reporting_verbs_in(doc: Doc, in_quote: list[bool], first: int, last: int) -> list[tuple[str, int]]:
    """(lemma, token) of every token in [first, last) that some rule starts from, in order."""
    cols = columns(doc)
    toks = token_list(doc)
    found = []
    for i in range(first, last):
        if in_quote[i]:
            continue
        lemma, pos = cols.lemma[i], cols.pos[i]
        if (lemma in _ANY_REPORTING and (pos in ("VERB", "AUX") or (pos == "NOUN" and _as_verb(toks[i])))) or (lemma in _ANY_REPORTING_NOUN and pos == "NOUN") or (
            lemma in _ANY_STANCE_ADJECTIVE and pos in ("ADJ", "VERB")
        ):
            found.append((lemma, i))
    return found


def _as_verb(tok: Token) -> bool:
    """Whether `tok` is used as a verb: tagged one, or a noun with a subject of its own ("But Trump
    claims that…", which the tagger read as a plural noun)."""
    return tok.pos_ != "NOUN" or any(c.dep_ == "nsubj" for c in tok.children)


def _verbs(verbs: Verbs, lemmas: frozenset[str]) -> list[Token]:
    """The verbs of `lemmas`, in text order."""
    return sorted((v for lemma, vs in verbs.items() if lemma in lemmas for v in vs if _as_verb(v) and v.pos_ != "ADJ"), key=lambda v: v.i)


def _adjectives(verbs: Verbs, lemmas: frozenset[str]) -> list[Token]:
    """The adjectives of `lemmas` that say what their copula's subject is ("was critical of", "is
    opposed to"; a participle the tagger read as a verb included), in text order."""
    return sorted((v for lemma, vs in verbs.items() if lemma in lemmas for v in vs if v.dep_ == "acomp" and v.head.lemma_ == "be"), key=lambda v: v.i)


def _nouns(verbs: Verbs, lemmas: frozenset[str]) -> list[Token]:
    """The nouns of `lemmas`, in text order."""
    return sorted((v for lemma, vs in verbs.items() if lemma in lemmas for v in vs if not _as_verb(v)), key=lambda v: v.i)


def _owned_nouns(verbs: Verbs, lemmas: frozenset[str]) -> Iterator[tuple[Token, Token]]:
    """The nouns of `lemmas` that have a possessor ("Trump's claim"), with it, in text order."""
    for noun in _nouns(verbs, lemmas):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            yield noun, owner


def _put_to_the_subject(verb: Token) -> bool:
    """ "Asked what made a good coxswain, he said…", "Asked by reporters whether…": a question put to the
    main clause's subject by someone else (an interviewer, named or not), so none of the subject's words."""
    # (the tagger reads a sentence's opening "Asked" as a past tense as often as a participle; "Having
    # asked …" is the subject's own question)
    return verb.lower_ == "asked" and verb.dep_ == "advcl" and not any(c.dep_ in _CLAUSE_SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _degree_infinitive(verb: Token) -> bool:
    """ "Fractures were too rare to say whether the pill prevented them": an infinitive of degree after
    "too", which says what cannot be said, by no one (the copula's subject is what is talked about)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or any(c.dep_ in _CLAUSE_SUBJECT_DEPS for c in verb.children):
        return False
    head = verb.head
    degrees = [head] + [c for c in head.children if c.dep_ == "acomp"]
    return any(a.dep_ == "advmod" and a.lower_ == "too" for d in degrees for a in d.children)


def _reporting_verbs(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    out = []
    for verb in _verbs(verbs, CLAUSE_REPORTING_VERBS):
        if _put_to_the_subject(verb) or _degree_infinitive(verb):
            continue
        subject = _subject_in_phrase_before(doc, finder, verb)
        for comp in _clauses_of(verb):
            if verb.lemma_ in THAT_CLAUSE_VERBS and not _opens_with_that(doc, comp):
                continue
            if _trailing_cue(doc, comp):
                continue  # "engineer warned builder of cracks, witness tells court": the verb after the comma reports the rest, it is not reported
            start, end = _after_relative_pronoun(doc, verb, comp, *_clause_bounds(doc, comp))
            # "what Trump says his plan would do and how experts say it would work": a clause joined to it
            # that reports someone else's words is theirs
            # ("said that A and that the footage did not show B" is one report: "show" is in it)
            others = [c.left_edge.i for c in comp.children if c.dep_ == "conj" and c.i > comp.i and c.lemma_ in CLAUSE_REPORTING_VERBS
                      and c.pos_ == "VERB" and any(x.dep_ in SUBJECT_DEPS for x in c.children) and not _that_clause(c)]
            if others:
                end = _without_trailing_punctuation(doc, start, min(end, *others))
            if comp.dep_ == "advcl":
                # (a misread clause: what the parse put before its subject, "after the vote", is the verb's)
                start = max(start, min(c.left_edge.i for c in comp.children if c.dep_ in _CLAUSE_SUBJECT_DEPS))
            # "said the plan was unfair, because …": the reason the parse hangs on the verb is said too
            reasons = [c for c in verb.children if c.dep_ == "advcl" and c.i > comp.i and any(m.dep_ == "mark" and m.lower_ in REASON_MARKS for m in c.children)]
            if reasons:
                end = _without_trailing_punctuation(doc, start, max(c.right_edge.i for c in reasons) + 1)
            relayer = subject if subject is not None else finder.subject_of(verb)
            if relayer is not None and _relays_a_report(doc, relayer, start, end):
                continue  # "X told Y that Z, the readout said": Z, X's words, is reported on its own
            r = _reported(doc, finder, in_quote, verb, start, end, REPORTING_VERB, subject=subject)
            if r is not None:
                out.append(r)
    return out


def _opens_with_that(doc: Doc, comp: Token) -> bool:
    """Whether "that" brings in the clause `comp` heads: its own conjunction, or the one the parse hung on
    a word of its subject ("discovered that attempts … were made", "that" a child of "attempts")."""
    first = doc[comp.left_edge.i]
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children) or (first.lower_ == "that" and first.dep_ == "mark")


def _trailing_cue(doc: Doc, comp: Token) -> bool:
    """Whether the clause the parse gave a verb is a reporting verb with its subject after a comma and
    nothing after them ("…, witness tells court", "…, experts say"): a cue for what precedes it."""
    if comp.lemma_ not in _TRAILING_VERBS or comp.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < comp.i), None)
    if subj is None or subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text not in _PARENTHESIS_MARKS:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in comp.children if c.i > comp.i)


def _relays_a_report(doc: Doc, relayer: Token, start: int, end: int) -> bool:
    """Whether `relayer` is a document (`RELAYING_NOUNS`) and tokens [start, end) someone's report of
    their own, a speech verb heading them with its subject and its clause inside ("Achieng told her
    counterpart that the patrols must stop", relayed by "…, the readout said" or "according to a
    readout"): what that verb reports is the words, said by its subject, and the document says only that
    they were said, so the whole is left to the verb's own rule. (A poll or a study that finds what people
    said is their source: "the survey found 74 percent said…" stays the survey's.)"""
    if relayer.lemma_.lower() not in RELAYING_NOUNS:
        return False
    for v in doc[start:end]:
        if v.lemma_ in SPEECH_VERBS and v.pos_ == "VERB" and not (start <= v.head.i < end and v.head.i != v.i) and any(
            c.dep_ == "nsubj" and start <= c.i < v.i for c in v.children
        ) and any(start <= c.left_edge.i and c.right_edge.i < end for c in _clauses_of(v)):
            return True
    return False


def _clauses_of(verb: Token) -> list[Token]:
    """The clauses `verb` reports: its clausal complements, and the clauses the parse hung elsewhere
    that can only be one ("said after the vote she would resign", read as an adverbial clause with no
    conjunction, "when" or "where"; "told a meeting of pilots that few understood the risk", read as a relative clause of
    the object that a relative clause's "that", a pronoun, never opens as a conjunction)."""
    found = [c for c in verb.children if c.dep_ == "ccomp" and _is_clause(c)]
    if not found:
        found = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.pos_ in ("VERB", "AUX") and c.tag_ not in ("VBG", "VBN")
                 and any(s.dep_ in _CLAUSE_SUBJECT_DEPS for s in c.children) and not any(m.dep_ == "mark" or m.tag_ == "WRB" for m in c.children)]
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
        found += [r for t in obj.subtree for r in t.children if r.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in r.children)
                  and any(s.dep_ in _CLAUSE_SUBJECT_DEPS for s in r.children)]
    return found


def _after_relative_pronoun(doc: Doc, verb: Token, comp: Token, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the relative pronoun the parse gave the clause before its verb ("the mine,
    which Clarke says he is doing all he can to keep open": "which" is the clause's object, but stands
    before "Clarke says"; "what Trump says his plan would do")."""
    if start <= verb.i < end and comp.i > verb.i and all(t.tag_ in ("WDT", "WP") for t in comp.subtree if t.i < verb.i and not t.is_punct):
        start = verb.i + 1
        while start < end and (doc[start].is_punct or (doc[start].lower_ in CLAUSE_OPENERS and doc[start].dep_ not in SUBJECT_DEPS)):
            start += 1
    return start, end


def _subject_in_phrase_before(doc: Doc, finder: SpeakerFinder, verb: Token) -> Token | None:
    """The subject the parse took into a phrase before a verb that has none ("At a meeting with the
    board of the Harbour Gazette Okafor said that…", where "Okafor" is read as part of the paper's name):
    a name right before the verb, or None (the verb's own subject, found as usual). (The entity
    recogniser often takes the two names for one, "Harbour Gazette Okafor": the name is the speaker.)"""
    if verb.i == 0 or verb.dep_ != "ROOT" or any(c.dep_ in _CLAUSE_SUBJECT_DEPS for c in verb.children):
        return None
    before = doc[verb.i - 1]
    mention = finder.index.mention_at(before.i)
    if before.dep_ != "pobj" or before.pos_ != "PROPN" or mention is None or mention.token_end != verb.i or mention.actor is None:
        return None
    return before


def _is_clause(comp: Token) -> bool:
    """Whether `comp` heads a clause of its own: a verb with a subject, or anything "that" or "whether"
    brings in ("demanding that the campaign stop…", "demanding that police release…", where the parse
    missed the subject or the verb)."""
    if comp.pos_ in ("VERB", "AUX") and any(c.dep_ in _CLAUSE_SUBJECT_DEPS for c in comp.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in comp.children)


def _parentheticals(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The museum, Mr. Obama said, would make…": the verb and its subject set off by commas or
    dashes inside the clause it reports, which the parse hangs either way round."""
    out = []
    toks = token_list(doc)
    for verb in _verbs(verbs, CLAUSE_REPORTING_VERBS):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        if subj is None or verb.i + 1 >= len(doc) or subj.left_edge.i == 0:
            continue
        # (what the verb has after it before the closing mark, "the senator said then, …", is its own)
        after = max((c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in ("ccomp", "punct")), default=verb.i) + 1
        if after >= len(doc) or toks[subj.left_edge.i - 1].text not in _PARENTHESIS_MARKS or toks[after].text not in _PARENTHESIS_MARKS:
            continue
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            clause = verb.head
        else:
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            if clause is None:
                continue
        if not any(c.dep_ in _CLAUSE_SUBJECT_DEPS and (c.i < subj.left_edge.i or c.i > after) for c in clause.children):
            continue  # the clause has a subject of its own, before the parenthesis or after it ("Too often, he said, the debate…")
        start, end = _clause_bounds(doc, clause)
        if not (start < subj.left_edge.i - 1 and after + 1 < end):
            continue  # words of the clause on both sides of the parenthesis
        r = _reported(doc, finder, in_quote, verb, start, end, PARENTHETICAL, across=True)
        if r is not None:
            out.append(r)
    return out


def _trailing_verbs(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The plan is vague about who would qualify, experts say", "Ferry Fares Will Rise, Minister Says":
    a reporting verb and its subject after a comma, ending the sentence or set off by one, with what
    comes before the comma as what is said, however the parse read it (a noun, a title-case word, a
    clause the verb hangs from as `parataxis`). A clause the parse gave the verb is `_reporting_verbs`'."""
    out = []
    toks = token_list(doc)
    for verb in _verbs(verbs, _TRAILING_VERBS):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is None or subj.left_edge.i == 0 or toks[subj.left_edge.i - 1].text not in _PARENTHESIS_MARKS:
            continue
        if any(t.dep_ not in ("aux", "neg", "advmod") for t in doc[subj.right_edge.i + 1 : verb.i]):
            continue  # only "has", "also", "often" between the subject and the verb
        comma = subj.left_edge.i - 1
        before = [c for c in verb.children if c.i < comma and c.dep_ in ("ccomp", "dep")]
        if verb.dep_ == "parataxis" and verb.head.i < comma:
            head = verb.head
        elif verb.dep_ == "ROOT" and before and not _is_clause(before[0]):
            head = before[0]
        else:
            continue
        after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
        if after and not (toks[verb.i + 1].text in _PARENTHESIS_MARKS or all(c.dep_ in ("npadvmod", "prep", "advmod") for c in after)):
            continue  # "…, experts say, including…", "…, she said on Friday"; not "…, she said he would"
        start = head.sent.start
        while start < comma and (toks[start].is_punct or toks[start].is_space or toks[start].lower_ in CLAUSE_OPENERS):
            start += 1
        r = _reported(doc, finder, in_quote, verb, start, _without_trailing_punctuation(doc, start, comma), TRAILING_VERB)
        if r is not None:
            out.append(r)
    return out


def _fronted_verbs(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "In recent days, advisers to the mayor say, she has grown weary of the race": a reporting verb and
    its subject set off by a comma after them, before the clause they report, which the parse makes the
    sentence's head and hangs the verb from as `parataxis`: that clause, from the comma to its end. (A
    clause with words on both sides of the verb is `_parentheticals`'.)"""
    out = []
    toks = token_list(doc)
    for verb in _verbs(verbs, _TRAILING_VERBS):
        head = verb.head
        if verb.dep_ != "parataxis" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            continue
        # (what the verb has after it before the comma, "said on Friday", is its own)
        after = max((c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ != "punct"), default=verb.i) + 1
        if after >= head.i or toks[after].text not in _PARENTHESIS_MARKS:
            continue
        if subj.left_edge.i > verb.sent.start and toks[subj.left_edge.i - 1].text not in _PARENTHESIS_MARKS:
            continue  # the subject opens the sentence or follows a comma
        if not any(t.dep_ in _CLAUSE_SUBJECT_DEPS for t in doc[after + 1 : head.i]):
            continue  # the clause after the comma has a subject of its own (the parse may hang it on an auxiliary)
        start = after + 1
        while start < head.i and (toks[start].is_punct or toks[start].lower_ in CLAUSE_OPENERS):
            start += 1
        end = _without_trailing_punctuation(doc, start, head.right_edge.i + 1)
        r = _reported(doc, finder, in_quote, verb, start, end, FRONTED_VERB)
        if r is not None:
            out.append(r)
    return out


def _as_clauses(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "As many experts have pointed out, the returns can be released during an audit", "the vote
    will fail, as the mayor predicted": a verb of `AS_CLAUSE_VERBS` in a clause of "as" with a subject
    and nothing said of its own, and the clause it stands beside: that clause, without the "as" clause."""
    out = []
    toks = token_list(doc)
    for verb in _verbs(verbs, AS_CLAUSE_VERBS):
        head = verb.head
        if verb.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX") or not any(m.dep_ == "mark" and m.lower_ == "as" and m.i == verb.left_edge.i for m in verb.children):
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp", "auxpass", "nsubjpass") for c in verb.children) or not any(c.dep_ == "nsubj" for c in verb.children):
            continue  # "as she told the story", "as expected": nothing the clause beside it is given to
        if not any(c.dep_ in _CLAUSE_SUBJECT_DEPS and not (verb.left_edge.i <= c.i <= verb.right_edge.i) for c in head.children):
            continue
        if verb.i < head.i:  # the "as" clause first: what follows it
            start, end = verb.right_edge.i + 1, head.right_edge.i + 1
        else:  # after the clause: what comes before it in the sentence
            start, end = head.left_edge.i, verb.left_edge.i
        while start < end and (toks[start].is_punct or toks[start].lower_ in CLAUSE_OPENERS or toks[start].dep_ == "cc"):
            start += 1
        end = _without_trailing_punctuation(doc, start, end)
        r = _reported(doc, finder, in_quote, verb, start, end, AS_CLAUSE)
        if r is not None:
            out.append(r)
    return out


def _infinitives(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "promised to cut taxes", "urged the council to approve the budget": from the one urged (when
    named) to the end of what is to be done."""
    return _what_is_to_be_done(doc, finder, in_quote, _verbs(verbs, INFINITIVE_REPORTING_VERBS | frozenset(URGING_PREPOSITIONS)), INFINITIVE)


def _intentions(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "plans to release her returns", "refused to testify", "expects the board to resign": read as
    `_infinitives` reads a promise."""
    return _what_is_to_be_done(doc, finder, in_quote, _verbs(verbs, INTENTION_VERBS), INTENTION)


def _what_is_to_be_done(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], cues: list[Token], rule: str) -> list[Reported]:
    """What each verb of `cues` says is to be done: its infinitive, from the one asked to do it (when named)."""
    out = []
    for verb in cues:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue  # "is expected to rise", "was asked to leave": by someone the subject is not
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if comp is None or _anonymity(comp) or (verb.lemma_ in REFUSING_VERBS and comp.lemma_ in SILENCE_VERBS):
            continue
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < comp.i), None)
        if verb.lemma_ in URGING_PREPOSITIONS and verb.lemma_ not in INFINITIVE_REPORTING_VERBS:
            # "called on the council to act": only with the one urged after its preposition ("called
            # to congratulate the team", "called the police to report a fire" urge nobody)
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in URGING_PREPOSITIONS[verb.lemma_] and verb.i < c.i < comp.i), None)
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
            if obj is None:
                continue
        start = (obj or comp).left_edge.i
        end = _clause_bounds(doc, comp)[1]
        r = _reported(doc, finder, in_quote, verb, start, end, rule)
        if r is not None:
            out.append(r)
    return out


def _anonymity(comp: Token) -> bool:
    """ "asked not to be named", "spoke on condition… asking not to be identified": a source's terms, not a report."""
    return comp.lemma_ in ANONYMITY_VERBS and any(c.dep_ == "auxpass" for c in comp.children)


def _content_objects(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "denied the allegations of misconduct", "called her vote a mistake": the verb's object, and
    what the verb says of it after it ("a mistake", "for the delay", "as reckless")."""
    out = []
    for verb in _verbs(verbs, STANCE_VERBS | CHARACTERISING_STANCE_VERBS | frozenset(LINKING_VERBS)):
        if _wanted_not_made(verb) or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            # "was criticised by": the object is the subject, the speaker an agent; "trying to
            # question", "required to disclose": a statement wanted, tried or owed, not made
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None and verb.lemma_ in STANCE_VERBS:
            # "proposed dropping the levy", "denied taking the money": what was said, as a gerund
            obj = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)
        if obj is None:
            continue
        end = obj.right_edge.i + 1
        said = [c for c in verb.children if c.i > obj.i and (c.dep_ in _OBJECT_COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS))]
        if verb.lemma_ in LINKING_VERBS and verb.lemma_ not in STANCE_VERBS:
            said = [c for c in verb.children if c.i > obj.i and c.dep_ == "prep" and c.lower_ in LINKING_VERBS[verb.lemma_]]
            subj = finder.subject_of(verb)
            if not said or subj is None or (subj.pos_ in ("NOUN", "PROPN") and not _can_report(finder, subj)):
                continue  # "linked the cables", "the road links the town to the coast"
        if verb.lemma_ in CHARACTERISING_STANCE_VERBS and not said:
            continue  # "called a meeting", "attacked the village"
        if verb.lemma_ in NAMING_VERBS and not any(c.dep_ != "prep" or c.lower_ == "as" for c in said):
            continue  # "called a meeting for Friday": a name or a label is what it says
        if obj.pos_ == "PRON" and not said:
            continue  # "denied it": nothing said of what
        for c in said:
            end = max(end, c.right_edge.i + 1)
        start = obj.left_edge.i
        r = _reported(doc, finder, in_quote, verb, start, _without_trailing_punctuation(doc, start, end), CONTENT_OBJECT)
        if r is not None:
            out.append(r)
    return out


def _wanted_not_made(verb: Token) -> bool:
    """Whether `verb` is an infinitive of what someone tries, needs or is asked to say ("trying to question",
    "required to disclose"), not a statement made: one that only goes on or begins ("continued to call for")
    is made."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ not in ASPECTUAL_VERBS


def _passive_agents(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The plan was criticised by unions as reckless", "he has been called a charlatan by fellow
    doctors": a verb of stance in the passive, said by its agent, of its subject and what it says of it.
    The span runs from the subject to the end of what is said, the agent inside it when it stands there."""
    out = []
    for verb in _verbs(verbs, STANCE_VERBS | CHARACTERISING_STANCE_VERBS):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
        by = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
        if subj is None or by is None or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        said = [c for c in verb.children if c.i > verb.i and (c.dep_ in _OBJECT_COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPOSITIONS))]
        if verb.lemma_ in CHARACTERISING_STANCE_VERBS and not said:
            continue  # "a meeting was called by the mayor"
        start, end = subj.left_edge.i, max([subj.right_edge.i] + [c.right_edge.i for c in said]) + 1
        r = _reported(doc, finder, in_quote, verb, start, _without_trailing_punctuation(doc, start, end), PASSIVE_AGENT, across=True, subject=by)
        if r is not None:
            out.append(r)
    return out


def _stance_adjectives(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The union is critical of the plan", "residents were worried about the cost", "the mayor is
    confident that the vote will pass", "some senators were willing to back the bill": what the subject
    of "be" holds or means to do, by the adjective's phrase, clause or infinitive."""
    out = []
    for adj in _adjectives(verbs, _ANY_STANCE_ADJECTIVE):
        what = None
        if adj.lemma_ in STANCE_ADJECTIVES:
            what = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in STANCE_ADJECTIVES[adj.lemma_] and c.i > adj.i
                         and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if what is not None:
            start, end = what.i + 1, what.right_edge.i + 1
        else:
            if adj.lemma_ in BELIEF_ADJECTIVES:
                what = next((c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i and _is_clause(c)), None)
            if what is None and adj.lemma_ in WILLING_ADJECTIVES:
                what = next((c for c in adj.children if c.dep_ == "xcomp" and c.i > adj.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if what is None:
                continue
            start, end = (what.left_edge.i if what.dep_ == "xcomp" else _clause_bounds(doc, what)[0]), what.right_edge.i + 1
        # (said by the subject of "be", the adjective its cue)
        r = _reported(doc, finder, in_quote, adj.head, start, _without_trailing_punctuation(doc, start, end), STANCE_ADJECTIVE)
        if r is not None:
            r.cue, r.cue_start = adj.text, adj.idx
            out.append(r)
    return out


def _findings(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "Polls show a close contest in the state", "the video shows him with his hands in the air": what
    a source of information shows, from its object to the end of the verb's clause. (A clause it
    shows, "the audit found that…", is `_reporting_verbs`'.)"""
    out = []
    for verb in _verbs(verbs, FINDING_VERBS | FINDING_AUTHOR_VERBS):
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if subj is None or obj is None or any(c.dep_ == "ccomp" for c in verb.children):
            continue
        source = subj.lemma_.lower()
        # a source of information, with a verb of `FINDING_VERBS`; or a study's authors, who report what it
        # showed ("The authors report a relative risk of 0.83"), where a company reporting a loss does not
        if not ((source in FINDING_SOURCE_NOUNS and verb.lemma_ in FINDING_VERBS) or (source in FINDING_AUTHOR_NOUNS and verb.lemma_ in FINDING_AUTHOR_VERBS)):
            continue
        # to the end of the verb's own words: not into a clause joined to it ("…, but the officer said…")
        end = max([obj.right_edge.i] + [c.right_edge.i for c in verb.children if c.i > obj.i and c.dep_ not in ("cc", "conj", "punct")]) + 1
        start = obj.left_edge.i
        r = _reported(doc, finder, in_quote, verb, start, _without_trailing_punctuation(doc, start, end), FINDING)
        if r is not None:
            out.append(r)
    return out


def _preposition_objects(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "commented on the verdict", "warned of a recession", "called for an inquiry": the phrase the
    preposition brings in, for the verbs and prepositions of `PREPOSITION_REPORTING_VERBS`."""
    out = []
    for verb in _verbs(verbs, frozenset(PREPOSITION_REPORTING_VERBS)):
        if _wanted_not_made(verb) or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue
        preps = PREPOSITION_REPORTING_VERBS[verb.lemma_]
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i
                     and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if prep is not None:
            start, end = prep.i + 1, prep.right_edge.i + 1
            # "called for the minister to resign": the infinitive the parse hung on the verb is asked for too
            asked = next((c for c in verb.children if c.dep_ == "xcomp" and c.i == end and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if asked is not None:
                end = asked.right_edge.i + 1
        else:
            # the same, read as a clause "for" opens, its subject the one asked
            clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in preps and m.i == c.left_edge.i for m in c.children)
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if clause is None:
                continue
            start, end = clause.left_edge.i + 1, clause.right_edge.i + 1
        if any(t.lower_ in ANONYMITY_WORDS for t in doc[start:end]):
            continue
        r = _reported(doc, finder, in_quote, verb, start, _without_trailing_punctuation(doc, start, end), PREPOSITION_OBJECT)
        if r is not None:
            out.append(r)
    return out


def _stance_nouns(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The senator is a staunch opponent of the death penalty", "Reid, a longtime critic of the levy,
    voted…": a noun of `STANCE_HOLDER_NOUNS` said of someone, after "be" (held by its subject) or beside
    them (held by the noun it stands beside), and what the stance is towards: the phrase of its preposition."""
    out = []
    for noun in _nouns(verbs, frozenset(STANCE_HOLDER_NOUNS)):
        if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
            cue, holder = noun.head, None
        elif noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):
            cue, holder = noun, noun.head
        else:
            continue
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in STANCE_HOLDER_NOUNS[noun.lemma_] and c.i > noun.i
                     and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if prep is None:
            continue
        start = prep.i + 1
        r = _reported(doc, finder, in_quote, cue, start, _without_trailing_punctuation(doc, start, prep.right_edge.i + 1), STANCE_NOUN, subject=holder)
        if r is not None:
            r.cue, r.cue_start = noun.text, noun.idx
            out.append(r)
    return out


def _claim_nouns(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "Trump's claim that he opposed the war": the "that" clause of a noun of saying whose possessor
    says it. (An infinitive after a noun, "her promise to cut fares", is `_intention_nouns`'.)"""
    out = []
    for noun, owner in _owned_nouns(verbs, REPORTED_CLAIM_NOUNS):
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.pos_ in ("VERB", "AUX")
                       and _that_clause(c)), None)
        if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            # "Okafor's view is that the ferry should stay public": the clause is what the noun is
            clause = next((c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.head.i and _that_clause(c)), None)
        if clause is None:
            continue
        start, end = _clause_bounds(doc, clause)
        if start <= noun.head.i < end:
            continue  # the clause took in the sentence's own verb: a misparse
        r = _reported(doc, finder, in_quote, noun, start, end, CLAIM_NOUN, subject=owner)
        if r is not None:
            out.append(r)
    return out


def _that_clause(clause: Token) -> bool:
    """Whether "that" brings `clause` in."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _claims_made(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The ministry made the case that the bridge was safe", "the fishermen raised the possibility that
    the quay would flood": a claim put forward by a verb's subject, its "that" clause what is said."""
    out = []
    for noun in _nouns(verbs, CLAIM_MADE_NOUNS):
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_ not in CLAIM_MAKING_VERBS or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "poss" for c in noun.children):
            continue  # (a possessor says it: `_claim_nouns`)
        clause = next((c for c in list(noun.children) + list(verb.children) if c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.pos_ in ("VERB", "AUX") and _that_clause(c)), None)
        if clause is None:
            continue
        start, end = _clause_bounds(doc, clause)
        r = _reported(doc, finder, in_quote, verb, start, end, CLAIM_MADE)
        if r is not None:
            out.append(r)
    return out


def _made_clear(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The mayor made it clear she would not sign", "the ministry made clear that fares would stay":
    the clause, hung on the verb or on the adjective, said by the verb's subject."""
    out = []
    for verb in _verbs(verbs, MADE_CLEAR_VERBS):
        adj = next((c for c in verb.children if c.lower_ in MADE_CLEAR_ADJECTIVES and c.pos_ == "ADJ" and c.i > verb.i), None)
        if adj is None:
            continue
        clause = next((c for c in list(verb.children) + list(adj.children) if c.i > adj.i and c.dep_ in ("ccomp", "advcl") and _is_clause(c)
                       and not any(m.dep_ == "mark" and m.lower_ not in CLAUSE_MARKS for m in c.children)), None)
        if clause is None:
            continue
        start, end = _clause_bounds(doc, clause)
        r = _reported(doc, finder, in_quote, verb, start, end, MADE_CLEAR)
        if r is not None:
            out.append(r)
    return out


def _concerns_raised(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The union raised concerns about the new trains", "residents aired doubts that the count was fair":
    a noun of `CONCERN_NOUNS`, the object of a verb of `CONCERN_RAISING_VERBS`, and what it is about (the
    phrase, hung on the noun or on the verb after it) or its "that" clause, said by the verb's subject."""
    out = []
    for verb in _verbs(verbs, CONCERN_RAISING_VERBS):
        if verb.dep_ == "xcomp" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue  # ("concerns were raised": by someone the text may not name)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in CONCERN_NOUNS), None)
        subj = finder.subject_of(verb)
        if obj is None or subj is None or subj.lower_ in ("it", "this", "that") or (subj.pos_ in ("NOUN", "PROPN") and not _can_report(finder, subj)):
            continue  # "the decision raises questions about…": a thing that prompts doubts voices none
        about = [c for c in list(obj.children) + [c for c in verb.children if c.i > obj.i] if c.i > obj.i]
        prep = next((c for c in about if c.dep_ == "prep" and c.lower_ in CONCERN_PREPOSITIONS and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if prep is not None:
            start, end = prep.i + 1, _without_trailing_punctuation(doc, prep.i + 1, prep.right_edge.i + 1)
        else:
            clause = next((c for c in about if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and _that_clause(c)), None)
            if clause is None:
                continue
            start, end = _clause_bounds(doc, clause)
        r = _reported(doc, finder, in_quote, verb, start, end, CONCERN_RAISED)
        if r is not None:
            out.append(r)
    return out


def _claim_objects(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "Clinton's comments on the shooting", "North Korea's claims about its test": what a noun of
    saying is about, said by its possessor, for the prepositions `PREPOSITION_REPORTING_VERBS` gives
    the verb of the same name, or "on" and "about"; and what a noun of stance is towards ("his attacks on
    the moderators"), for the prepositions `STANCE_OBJECT_NOUNS` gives it."""
    out = []
    for noun, owner in _owned_nouns(verbs, CLAIM_NOUNS | frozenset(STANCE_OBJECT_NOUNS)):
        preps = STANCE_OBJECT_NOUNS[noun.lemma_] if noun.lemma_ in STANCE_OBJECT_NOUNS else PREPOSITION_REPORTING_VERBS.get(noun.lemma_, ()) + _ABOUT
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps and c.i > noun.i
                     and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if prep is None or noun.dep_ == "ROOT":
            continue  # (a noun heading its sentence: the parse took the sentence's verb into the phrase)
        start, end = prep.i + 1, prep.right_edge.i + 1
        r = _reported(doc, finder, in_quote, noun, start, _without_trailing_punctuation(doc, start, end), CLAIM_OBJECT, subject=owner)
        if r is not None:
            out.append(r)
    return out


def _intention_nouns(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "her decision to close the plant", "the ministry's refusal to publish the report": what its
    possessor means to do, said to be meant by them."""
    out = []
    for noun, owner in _intention_holders(finder, verbs):
        comp = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and c.pos_ in ("VERB", "AUX")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if comp is None or noun.dep_ == "ROOT":
            continue  # (a noun heading its sentence: the parse took the sentence's verb into the clause)
        start, end = comp.left_edge.i, _clause_bounds(doc, comp)[1]
        if start <= noun.head.i < end:
            continue  # the clause took in the sentence's own verb: a misparse
        r = _reported(doc, finder, in_quote, noun, start, end, INTENTION_NOUN, subject=owner)
        if r is not None:
            out.append(r)
    return out


def _intention_holders(finder: SpeakerFinder, verbs: Verbs) -> Iterator[tuple[Token, Token]]:
    """The nouns of `INTENTION_NOUNS` with who holds them: their possessor ("her decision"), or, with none,
    the subject of a verb of `INTENTION_PUTTING_VERBS` whose object they are ("announced plans to…")."""
    for noun in _nouns(verbs, INTENTION_NOUNS):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None and noun.dep_ == "dobj" and noun.head.lemma_ in INTENTION_PUTTING_VERBS and not any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in noun.head.children):
            owner = finder.subject_of(noun.head)  # (not "did not unveil plans to…", which holds none)
        if owner is not None:
            yield noun, owner


def _according_to(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    out = []
    lower = columns(doc).lower
    for i in range(verbs.first, verbs.last):
        if lower[i] != "according" or in_quote[i]:
            continue  # (a quick test before the parse is read)
        tok = token_list(doc)[i]
        obj = finder.according_to(tok)
        if obj is None:
            continue
        speaker = finder.speaker_for(finder.head_of_name(obj), None)
        if speaker is None:
            continue
        sent = tok.sent
        phrase_lo, phrase_hi = tok.i, obj.right_edge.i + 1
        # The clause is the rest of the sentence: the clause the phrase follows ("Prices rose, according
        # to X, and …"), else the one after it ("According to X, prices rose"; "In May, according to X, …"),
        # or both when the phrase parts a clause from its subject ("The plant, according to X, will close").
        left = (sent.start, phrase_lo)
        right = (phrase_hi, sent.end)
        lo, hi = left if _holds_a_clause(doc, *left) else right
        if lo == phrase_hi and any(c.dep_ in SUBJECT_DEPS and left[0] <= c.i < left[1] for c in sent.root.children):
            lo = left[0]
        while lo < hi and (doc[lo].is_punct or doc[lo].lower_ == "that"):
            lo += 1
        while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
        if _too_short_or_quoted(lo, hi, in_quote) or _relays_a_report(doc, finder.head_of_name(obj), lo, hi):
            continue
        out.append(Reported(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), speaker, "according to", tok.idx, ACCORDING_TO))
    return out


def _source_phrases(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "By his own admission, the returns run to thousands of pages", "in this poll, Okafor leads by four
    points": a phrase opening its sentence, set off by a comma, that gives the clause after it to a view's
    possessor (`VIEW_NOUNS`) or to a poll or a study it is read in (`HEADLINE_SOURCE_NOUNS`): that clause.
    Not a clause that reports by a verb of its own ("in the report, the ministry says…"), which is that verb's."""
    out = []
    toks = token_list(doc)
    for noun in _nouns(verbs, frozenset(VIEW_NOUNS) | HEADLINE_SOURCE_NOUNS):
        prep, head = noun.head, noun.head.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.i < prep.i or prep.i != prep.sent.start + (toks[prep.sent.start].dep_ == "cc"):
            continue  # (the phrase opens the sentence, "But" aside, and its clause follows)
        if noun.lemma_ in VIEW_NOUNS:
            holder = next((c for c in noun.children if c.dep_ == "poss"), None)
            if prep.lower_ not in VIEW_NOUNS[noun.lemma_] or holder is None:
                continue
        elif prep.lower_ != "in":
            continue
        else:
            holder = noun
        comma = prep.right_edge.i + 1
        if comma >= head.i or toks[comma].text != ",":
            continue
        if (head.lemma_ in CLAUSE_REPORTING_VERBS and head.lemma_ not in WEAK_SPEECH_VERBS) or any(c.dep_ == "ccomp" for c in head.children):
            continue  # (not the weak cues: "the work will not be finished" reports nothing)
        start = comma + 1
        r = _reported(doc, finder, in_quote, noun, start, _without_trailing_punctuation(doc, start, head.sent.end), SOURCE_PHRASE, subject=holder)
        if r is not None:
            out.append(r)
    return out


def _headlines(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "Okafor: Ferry fares will rise in spring": a headline that gives its claim to a person or an
    organisation named before a colon. Only the article's first line, where a headline stands: further
    down, a name and a colon open an answer of an interview or a line of a transcript."""
    if not verbs.opening:
        return []
    toks = token_list(doc)
    colon = next((t.i for t in toks[: HEADLINE_NAME_TOKENS + 1] if t.text == ":" or "\n" in t.text), None)
    if colon is None or colon == 0 or toks[colon].text != ":":
        return []
    mention = finder.index.mention_at(colon - 1)
    source = colon == 1 and toks[0].lower_ in HEADLINE_SOURCE_NOUNS  # "Poll: …"
    if not source and (mention is None or mention.token_start != 0 or mention.token_end != colon or mention.actor is None or mention.actor.type not in ("person", "organization")):
        return []
    end = next((t.i for t in toks[colon + 1 : colon + 1 + HEADLINE_TOKENS] if "\n" in t.text), min(len(toks), colon + 1 + HEADLINE_TOKENS))
    start, end = colon + 1, _without_trailing_punctuation(doc, colon + 1, end)
    if not (source or _holds_a_clause(doc, start, end)) or _too_short_or_quoted(start, end, in_quote) or _has_newline(doc, start, end):
        return []  # (a poll's finding is often read without a verb: "Most islanders back…")
    speaker = Speaker(toks[0].text, toks[0].idx, toks[0].idx + len(toks[0].text), None) if source else finder.speaker_for(toks[colon - 1], None)
    if speaker is None:
        return []
    return [Reported(toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text), speaker, ":", toks[colon].idx, HEADLINE)]


def _headline_verbs(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "Railing Against Tolls, Okafor Vows To Scrap Ferry Fees", "Harbour Unions Slam Pay Offer As An
    Insult": the article's first line, a headline, giving what follows one of `HEADLINE_VERBS` to the
    name before it (back to the line's start or a comma). Read from the words, not the parse, which takes
    a title-case headline's verb for a name; only a name the actor index knows, or a person or
    organisation noun, is a source."""
    if not verbs.opening:
        return []
    toks = token_list(doc)
    line_end = next((t.i + ("\n" not in t.text) for t in toks[: HEADLINE_TOKENS + 1] if "\n" in t.text or "\n" in t.whitespace_), len(toks))
    if line_end > HEADLINE_TOKENS:
        return []
    verb = next((t for t in toks[1:line_end] if t.lower_ in HEADLINE_VERBS and not in_quote[t.i]), None)
    if verb is None:
        return []
    first = max((t.i + 1 for t in toks[: verb.i] if t.text in (",", ":", ";")), default=0)
    subject = toks[first : verb.i]
    if not subject or len(subject) > HEADLINE_NAME_TOKENS or any(t.is_punct and t.text not in ("'", "’") for t in subject):
        return []
    speaker = None
    for tok in reversed(subject):  # (the last name or noun of the subject: "Harbour Unions", "Okafor")
        mention = finder.index.mention_at(tok.i)
        if (mention is not None and mention.actor is not None and mention.actor.type in ("person", "organization")) or _headline_reporter(tok):
            # (the entity recogniser may run a title-case name into the words after it: then the words)
            within = mention is not None and mention.token_start >= first and mention.token_end <= verb.i
            speaker = (finder.speaker_for(tok, None) if within or mention is None else None) or Speaker(doc[first : verb.i].text, subject[0].idx, tok.idx + len(tok.text), None)
            break
    if speaker is None:
        return []
    start, end = verb.i + 1, _without_trailing_punctuation(doc, verb.i + 1, line_end)
    if _too_short_or_quoted(start, end, in_quote) or _has_newline(doc, start, end):
        return []
    return [Reported(toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text), speaker, verb.text, verb.idx, HEADLINE_VERB)]


def _colon_blocks(doc: Doc, finder: SpeakerFinder, in_quote: list[bool], verbs: Verbs) -> list[Reported]:
    """ "The governor added:" ending its paragraph, and his words as the next paragraph without quotation
    marks (a block quotation on the page, an embedded post): that paragraph, said by the verb's subject.
    (The same paragraph in quotation marks is a quotation.)"""
    out = []
    paras = paragraphs_of(doc)
    firsts = [p.first for p in paras]
    toks = token_list(doc)
    for verb in _verbs(verbs, _TRAILING_VERBS):
        k = bisect_right(firsts, verb.i) - 1
        if k < 0 or k + 1 >= len(paras):
            continue
        para, block = paras[k], paras[k + 1]
        last = para.last - 1
        while last > verb.i and toks[last].is_space:
            last -= 1
        if toks[last].text != ":":
            continue  # (the quick test first: most paragraphs end otherwise)
        rest = [t for t in toks[verb.i + 1 : last + 1] if not t.is_space]
        if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in rest[:-1]):
            continue  # the verb and its colon end the paragraph ("added on Friday:")
        if any(c.dep_ == "dobj" for c in verb.children) and verb.lemma_ not in ADDRESSED_SPEECH_VERBS:
            continue  # "wrote three things on the board:" brings in a list, not the words ("told reporters:" does)
        start = next((i for i in range(block.first, block.last) if not toks[i].is_space), block.last)
        end = _without_trailing_punctuation(doc, start, block.last)
        if end - start > COLON_BLOCK_TOKENS or any(in_quote[start:end]) or not _holds_a_clause(doc, start, end):
            continue
        subj = finder.subject_of(verb)
        if subj is None or in_quote[subj.i] or subj.lower_ in _NO_REPORTER or (subj.pos_ in _NO_REPORTER_POS and finder.index.mention_at(subj.i) is None):
            continue
        speaker = finder.speaker_for(subj, None)
        if speaker is not None:
            out.append(Reported(toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text), speaker, verb.text, verb.idx, COLON_BLOCK))
    return out


def _headline_reporter(tok: Token) -> bool:
    """Whether `tok` is a noun for people or an organisation, singular or plural, whatever the parse
    made of it ("Unions" read as a name keeps its plural as its lemma)."""
    word = tok.lower_
    return any(w in _HEADLINE_REPORTERS for w in (word, tok.lemma_.lower(), word[:-1] if word.endswith("s") else word))


def _holds_a_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) hold a clause: enough words, one of them a verb."""
    words = [t for t in doc[start:end] if not t.is_punct]
    return len(words) >= MIN_CLAUSE_TOKENS and any(t.pos_ in ("VERB", "AUX") for t in words)


# The rules, in the order their results are listed (`find_reported` keeps the outermost of overlapping ones).
RULES = (_reporting_verbs, _parentheticals, _trailing_verbs, _fronted_verbs, _as_clauses, _according_to, _infinitives, _intentions, _content_objects, _passive_agents, _stance_adjectives, _findings, _preposition_objects, _claim_nouns, _stance_nouns, _claims_made, _claim_objects, _intention_nouns, _made_clear, _concerns_raised, _source_phrases, _headlines, _headline_verbs, _colon_blocks)
