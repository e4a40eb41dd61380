"""A pass run paragraph by paragraph, its findings kept (`engine.local`), finds what it finds over
the whole document; and a live page analysed version after version, with everything kept from the
versions before, is analysed exactly as from scratch."""

import json
from pathlib import Path

from claimlight.bench import corpus
from claimlight.engine import analyze_doc, checkpoints, local, parsed, resume
from claimlight.engine.actors import _mentions_in, _record, _sealed, find_mentions
from claimlight.engine.docview import columns, text_of
from claimlight.engine.ledger import WORD, _word_starts
from claimlight.engine.quotes import find_quotations
from claimlight.engine.reported import _reporting_verbs_in, _reporting_verbs_of
from claimlight.engine.nlp import parse, parse_each
from claimlight.engine.numbers import _merge, find_matches, find_numbers, numbers_in

ROOT = Path(__file__).parents[2]
SHARED = ROOT.parent / "shared" / "eval"
PAGES = sorted((ROOT / "seeds" / "articles").glob("*.json")) + sorted((SHARED / "polnear-dev").glob("*.json"))
PAGES += [SHARED / "seed-article.json"] if (SHARED / "seed-article.json").exists() else []


def _texts() -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in PAGES]
    bench = [corpus.article(60_000 + i, 3000) for i in range(2)]
    # and lines broken by a single newline, between which a match may run
    return texts + bench + [page.replace(corpus.PARAGRAPH, "\n") for page in bench]


def test_by_paragraph_each_pass_finds_what_it_finds_over_the_whole_document(nlp):
    # (one document at a time: a hundred parsed pages held at once would weigh on the test process)
    local.forget()
    for text in _texts():
        doc = parse(nlp, text)
        whole = _merge(numbers_in(doc, 0, len(text_of(doc)), find_matches(text_of(doc))))
        assert [(n.start, n.end) for n in find_numbers(doc)] == whole
        assert [(n.start, n.end) for n in find_numbers(doc)] == whole  # and once more, from what was kept
        assert _sealed(doc)  # read paragraph by paragraph
        mentions = [_record(m) for m in _mentions_in(doc)]
        assert [_record(m) for m in find_mentions(doc)] == mentions
        assert [_record(m) for m in find_mentions(doc)] == mentions
        words = [m.start() for m in WORD.finditer(text_of(doc))]
        assert _word_starts(doc, text_of(doc)) == words
        assert _word_starts(doc, text_of(doc)) == words
        in_quote = _quoted_tokens(doc)
        verbs = _reporting_verbs_in(doc, in_quote, 0, len(doc))
        for _ in range(2):
            assert sorted((lemma, t.i) for lemma, ts in _reporting_verbs_of(doc, in_quote).items() for t in ts) == sorted(verbs)


def _quoted_tokens(doc) -> list[bool]:
    """Which tokens start inside a quotation, as the attributor marks them."""
    inside = bytearray(len(text_of(doc)) + 1)
    for q in find_quotations(text_of(doc)):
        inside[q.start : q.end] = b"\x01" * (q.end - q.start)
    return [bool(inside[s]) for s in columns(doc).starts]


def test_a_paragraph_window_reaches_far_enough(nlp):
    doc = parse(nlp, corpus.article(60_000, 3000))
    paras = local.paragraphs_of(doc)
    for k in range(len(paras)):
        w = local.window(paras, k)
        p = paras[k]
        assert w.start == 0 or (p.start - w.start >= local.REACH_CHARS and p.first - _first_token(paras, w.start) >= local.REACH_TOKENS)
        assert w.end == len(text_of(doc)) or w.end - p.end >= local.REACH_CHARS


def _first_token(paras, start):
    return next(p.first for p in paras if p.start == start)


# A live blog of invented people, written for this test: each version is the one before changed the
# way live pages change.
ENTRIES = [
    "Live: storm closes the coastal road at Port Avenell",
    "09:05 — The regional council said 3,200 homes were without power. “We are moving crews north as fast as we can,” said Halvard Teague, the council's emergency director.",
    "09:20 — Ambulance services reported about 40 calls an hour, up from a usual 12. Mirela Sandor, who runs the dispatch centre, said staff had been called in from leave.",
    "09:41 — Teague said the bridge at Corrin Ford would stay shut until engineers had inspected it, which could take two days.",
    "10:02 — Residents gathered outside the town hall. “Nobody told us the road would close,” said one shop owner, who gave her name as Anouk.",
]
APPENDED = "10:15 — Sandor said the number of calls had fallen to 25 an hour. “The worst of it is behind us,” she said."
PREPENDED = "10:30 — Halvard Teague told reporters that up to 600 homes had been reconnected since dawn."
EDITED = "09:20 — Ambulance services reported about 45 calls an hour, up from a usual 12. Mirela Sandor, who runs the dispatch centre, said staff had been called in from leave."
NEWCOMER = "10:44 — A second official, Oskar Venning of the roads agency, said repairs would cost more than £2m."
PRONOUN = "10:52 — “We will not reopen the road before it is safe,” he said, adding that 14 crews were at work."
# What a later entry says about someone already quoted: his gender (an old "she" may then not be
# him: the text after a quotation decides whose it is), a man named just before an old "he" (who may
# now be the one it stands for), a full name for a surname.
TOURED = "11:05 — Teague toured the flooded quarter with Sandor. “It is worse than we feared,” she said."
GENDERED = "11:10 — Teague, a father of two who has led the emergency team since 2019, said crews would work through the night."
MAN_BEFORE = "10:48 — Dorran Pike, the harbour master, said no boats would leave port before Thursday."
SURNAME = "11:20 — “The levee held, and it will hold tonight,” said Brennick."
SURNAME_IN_FULL = "11:31 — Ilse Brennick, the council's flood engineer, said the levee would be checked again at dusk."


def _versions() -> list[list[str]]:
    first = ENTRIES[:]
    appended = [*first, APPENDED]
    prepended = [first[0], PREPENDED, *appended[1:]]
    edited = [e if e is not ENTRIES[2] else EDITED for e in prepended]
    removed = [e for e in edited if e is not ENTRIES[4]]
    newcomer = [*removed, NEWCOMER]
    pronoun = [*newcomer, PRONOUN]  # "he": the official the entry before introduced
    named_again = [*pronoun, "11:03 — Teague and Sandor will brief the press at noon, the council said."]
    toured = [*named_again, TOURED]
    gendered = [*toured, GENDERED]
    man_before = [*gendered[: gendered.index(PRONOUN)], MAN_BEFORE, *gendered[gendered.index(PRONOUN) :]]  # an edit mid-page
    surname = [*man_before, SURNAME]
    full_name = [*surname, SURNAME_IN_FULL]
    newest_on_top = [full_name[0], "11:40 — “We are not out of it yet,” Pike said of the harbour.", *full_name[1:]]
    return [first, appended, prepended, edited, removed, newcomer, pronoun, named_again, toured, gendered, man_before, surname, full_name, newest_on_top]


def _analyze_from_bytes(nlp, parts: list[str]) -> dict:
    with nlp.memory_zone():
        doc = parsed.join(nlp.vocab, [parsed.encode(d) for d in parse_each(nlp, parts)])
        return analyze_doc(doc).model_dump(mode="json")


def test_a_live_blog_through_its_versions_is_analysed_as_from_scratch(nlp):
    local.forget()
    parsed.forget()
    page = corpus.article(61_000, 1500).split(corpus.PARAGRAPH)
    for version in _versions():
        blocks = [version[0], *page[:4], *version[1:], *page[4:]]  # the entries amid other news
        parts = [b + "\n\n" for b in blocks[:-1]] + [blocks[-1]]
        incremental = _analyze_from_bytes(nlp, parts)  # with what every version before it left kept
        local.forget()
        parsed.forget()
        checkpoints.forget()
        with nlp.memory_zone():
            scratch = analyze_doc(parse(nlp, "".join(parts))).model_dump(mode="json")
        assert incremental == scratch
        _analyze_from_bytes(nlp, parts)  # what the next version finds kept


# A second live blog, newest entry at the top as well as the bottom, the rest of the news between, so
# that what an entry changes reaches pages up: a lone surname that a later entry names in full (two
# actors become one, and the clause it reported gets the full name), a title that gives her gender, a
# clause reported at the bottom by the person named at the top, a name that a new entry shows to be a
# team (its type changes), an edit amid the news, and that entry rewritten.
EARLY = "08:50 — Brannick said the ferry to Skelby would not sail today."
FULL_NAME = "11:10 — Harbour master Ines Brannick said crews were ready to move the ferry."
TITLED = "11:20 — Ms Brannick added that the harbour would reopen on Friday. “We will be ready,” she said."
TEAM = "11:30 — Skelby have won four in a row this season, and Skelby are prepared to pay for a new pitch."


def _top_and_bottom_versions(page: list[str]) -> list[list[str]]:
    head, tail = ENTRIES[0], ENTRIES[3]
    first = [head, EARLY, *page, tail]
    full = [head, FULL_NAME, EARLY, *page, tail]
    titled = [*full, TITLED]
    team = [head, TEAM, *titled[1:]]
    middle = len(page) // 2 + 3
    edited = [*team[:middle], team[middle].replace(".", ", Brannick said.", 1), *team[middle + 1 :]]
    # the team's entry rewritten: the same name at the same place in it, the words after it not
    singular = [TEAM.replace(" have ", " has ").replace(" are ", " is ") if b is TEAM else b for b in edited]
    return [first, full, titled, team, edited, singular]


def test_a_live_blog_changed_at_the_top_the_bottom_and_the_middle_is_analysed_as_from_scratch(nlp):
    local.forget()
    parsed.forget()
    resume.forget()
    page = corpus.article(62_000, 1500).split(corpus.PARAGRAPH)
    actors, spans = [], []
    for blocks in _top_and_bottom_versions(page):
        parts = [b + "\n\n" for b in blocks[:-1]] + [blocks[-1]]
        incremental = _analyze_from_bytes(nlp, parts)
        local.forget()
        parsed.forget()
        resume.forget()
        checkpoints.forget()
        with nlp.memory_zone():
            scratch = analyze_doc(parse(nlp, "".join(parts))).model_dump(mode="json")
        assert incremental == scratch
        actors.append({a["name"]: a for a in scratch["actors"]})
        spans.append(scratch["spans"])
        _analyze_from_bytes(nlp, parts)
    # the versions did change what the passes resume from
    assert "Brannick" in actors[0] and "Brannick" not in actors[1] and "Ines Brannick" in actors[1]
    assert actors[1]["Ines Brannick"]["mentions"] < actors[2]["Ines Brannick"]["mentions"]
    assert actors[2]["Skelby"]["type"] != actors[3]["Skelby"]["type"] != actors[5]["Skelby"]["type"]
    assert any(s["category"] == "reported" and s["speaker"] == "Ines Brannick" and "reopen" in s["text"] for s in spans[2])


def test_a_pass_takes_the_last_documents_findings_only_where_its_paragraphs_are_the_same(nlp):
    # Version after version of a live blog (an entry appended, one inserted at the top, one edited in
    # the middle, one removed), each pass paragraph by paragraph equal to the pass over the whole
    # document, with the store emptied before each version: whatever a paragraph did not find again
    # it took from the last document's findings (`local._last_runs`), and only where those hold.
    local.forget()
    parsed.forget()
    page = corpus.article(61_000, 1500).split(corpus.PARAGRAPH)
    taken = []
    for version in _versions():
        blocks = [version[0], *page[:4], *version[1:], *page[4:]]
        parts = [b + "\n\n" for b in blocks[:-1]] + [blocks[-1]]
        local._kept.clear()
        local._kept_costs.clear()
        with nlp.memory_zone():
            doc = parsed.join(nlp.vocab, [parsed.encode(d) for d in parse_each(nlp, parts)])
            text = text_of(doc)
            found = []
            numbers = local.by_paragraph(doc, "numbers (test)", lambda d, k, p, w: found.append(k) or numbers_in(d, p.start, p.end, find_matches(text, p.start, p.end), w.start, w.end),
                lambda item, chars, tokens: (item[0] + chars, item[1] + chars))
            assert _merge(numbers) == _merge(numbers_in(doc, 0, len(text), find_matches(text)))
            in_quote = _quoted_tokens(doc)
            verbs = _reporting_verbs_in(doc, in_quote, 0, len(doc))
            assert sorted((lemma, t.i) for lemma, ts in _reporting_verbs_of(doc, in_quote).items() for t in ts) == sorted(verbs)
            taken.append(len(local.paragraphs_of(doc)) - len(found))
    assert taken[0] == 0 and all(n > 0 for n in taken[1:])  # (the first version's findings were all made)


def test_the_kept_findings_are_bounded_by_bytes(nlp, monkeypatch):
    local.forget()
    resume.forget()
    monkeypatch.setattr(resume, "KEPT_BYTES", 6_000)
    monkeypatch.setattr(local, "KEPT_BYTES", 20_000)
    with nlp.memory_zone():
        analyze_doc(parse(nlp, corpus.article(63_000, 1500)))
    # full, and no fuller than its bound, by the weight of what it holds now
    assert 0 < resume.kept_bytes() <= 6_000 < resume.kept_bytes() + max(resume._entry_weight(key) for key in resume._kept)
    assert resume.kept_bytes() == sum(resume._entry_weight(key) for key in resume._kept)
    assert 0 < local.kept_bytes() <= 20_000
    assert local.kept_bytes() == sum(local._entry_weight(key, kept) for key, kept in local._kept.items())
    local.forget()
    resume.forget()


def test_mentions_with_the_same_findings_share_one_kept_tuple(nlp):
    resume.forget()
    with nlp.memory_zone():
        analyze_doc(parse(nlp, corpus.article(63_001, 3000)))
    values = list(resume._kept.values())
    assert len(values) > 50
    assert len({id(v) for v in values}) == len(set(values)) < len(values) // 3
    resume.forget()


def test_a_page_too_long_to_keep_is_analysed_alike_and_keeps_nothing(nlp, monkeypatch):
    text = corpus.article(63_002, 1500)
    local.forget()
    resume.forget()
    with nlp.memory_zone():
        kept = analyze_doc(parse(nlp, text)).model_dump(mode="json")
    assert local._kept and resume._kept
    local.forget()
    resume.forget()
    monkeypatch.setattr(local, "KEPT_PAGE_PARAGRAPHS", text.count(corpus.PARAGRAPH))  # one paragraph too many
    with nlp.memory_zone():
        doc = parse(nlp, text)
        assert not local.keeps(doc)
        assert analyze_doc(doc).model_dump(mode="json") == kept
    assert not local._kept and not resume._kept and local.kept_bytes() == resume.kept_bytes() == 0
