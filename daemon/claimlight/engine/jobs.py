"""The engine's work as jobs for another process: plain text and bytes in, plain data out.

Parsing is ~90% of an analysis and spaCy parses on one core, so a 1,500-word article takes ~0.4 s
however many cores are idle. The daemon therefore cuts a long text at paragraph boundaries into
pieces (`server.pieces`) and has several worker processes parse one each: `parse_to_bytes` returns
a piece's annotations as `DocBin` bytes; `merge_and_analyze` rebuilds the paragraph docs, joins
them into a document whose text is exactly the original, and runs the document-wide extraction on
it, so attribution and actors are consolidated over the whole page and offsets are offsets into the
whole text. Because every text is parsed paragraph by paragraph (`nlp.parse`), the joined document
is the one the whole text would give: the analysis is the same, only sooner.

Streaming uses the same two steps with growing pieces: each piece's own analysis (`parse_to_bytes`
with `analyze_doc`) is a preview, and the final result joins the pieces already parsed instead of
parsing the page a second time.

Everything here runs inside `nlp.memory_zone()`: the strings and lexemes a page adds are freed when
its job ends, so no Doc leaves these functions, only bytes and plain data (`Analysis.model_dump`).

A job can be cancelled while it runs (its client went away, or sent a newer request for the same
page): `checkpoint()` between its steps raises `Cancelled` when the process running it was asked to
stop. Outside a daemon worker nothing ever asks, and a checkpoint costs a function call.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .nlp import join_docs, parse_paragraphs

# Token annotations the engine reads: pos_, tag_, dep_, head, lemma_, ent_iob_/ent_type_ (doc.ents),
# sentence starts, morphology; DocBin's default set.
DOCBIN_ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
                "LEMMA", "MORPH", "POS", "SENT_START")

AnalyzeDoc = Callable[[Doc], object]  # a parsed Doc -> protocol.Analysis
AnalyzeText = Callable[..., object]  # (text, nlp=) -> protocol.Analysis


class Cancelled(Exception):
    """The job was cancelled at a checkpoint; its partial work is thrown away."""


_cancel_requested: Callable[[], bool] = lambda: False


def set_cancel_check(check: Callable[[], bool]) -> None:
    """Installed by the worker process: `check()` says whether the running job should stop."""
    global _cancel_requested
    _cancel_requested = check


def checkpoint() -> None:
    """Raise Cancelled if the running job was cancelled; called between the steps of a job."""
    if _cancel_requested():
        raise Cancelled()


def _default_analyze_doc() -> AnalyzeDoc:
    from . import analyze_doc

    return analyze_doc


def analyze_text(nlp: Language, text: str, analyze: AnalyzeText | None = None) -> dict:
    """A whole text in one job: parse, extract, consolidate. Plain data out."""
    if analyze is None:
        from . import analyze
    # memory_zone frees the strings and vocab entries each document adds, so a long-running worker
    # does not grow with every page read.
    with nlp.memory_zone():
        return analyze(text, nlp=nlp).model_dump(mode="json")


def parse_to_bytes(nlp: Language, text: str, analyze_doc: AnalyzeDoc | None = None) -> tuple[bytes, dict | None]:
    """One piece parsed, as DocBin bytes (one doc per paragraph), and with `analyze_doc` the piece's own analysis."""
    checkpoint()
    with nlp.memory_zone():
        docs = parse_paragraphs(nlp, text)
        checkpoint()
        data = DocBin(attrs=DOCBIN_ATTRS, store_user_data=False, docs=docs).to_bytes()
        preview = analyze_doc(join_docs(docs)).model_dump(mode="json") if analyze_doc is not None else None
    return data, preview


def merge_and_analyze(nlp: Language, parts: list[bytes], text: str, analyze_doc: AnalyzeDoc | None = None) -> dict:
    """The analysis of `text` from the DocBin bytes of its pieces, in order."""
    analyze_doc = analyze_doc or _default_analyze_doc()
    with nlp.memory_zone():
        docs = []
        for data in parts:
            checkpoint()
            docs.extend(DocBin().from_bytes(data).get_docs(nlp.vocab))
        doc = join_docs(docs)
        del docs
        if doc.text != text:  # every offset depends on it
            raise ValueError("the parsed pieces do not join up to the text")
        checkpoint()
        return analyze_doc(doc).model_dump(mode="json")
