"""The analysis result and the WebSocket protocol: the single source of truth for both.

The engine produces an `Analysis` whose offsets are Python code points into the analysed text.
On the wire (`/ws`) the same models travel with offsets in UTF-16 code units, converted once by
`claimlight.offsets`. `docs/protocol.md` documents every message with examples.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1

# The text of a request is the blocks joined with this separator; offsets count it.
BLOCK_SEPARATOR = "\n\n"


class Category(str, Enum):
    """What a highlighted span is. README.md defines each one for readers."""

    quote = "quote"  # direct speech inside quotation marks
    speaker = "speaker"  # the mention of whoever a quote or reported clause is attributed to
    person = "person"
    organization = "organization"
    place = "place"
    reported = "reported"  # reported speech without quotation marks
    number = "number"  # numeric and statistical claims
    mention = "mention"  # quoted words that are not speech: titles, scare quotes, nicknames (off by default)


ActorType = Literal["person", "organization", "place"]
ACTOR_CATEGORIES = frozenset({Category.person, Category.organization, Category.place})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


CueKind = Literal["named", "pronoun", "description", "none"]


class ChainLink(_Model):
    """One mention on the way from the words the text uses to the speaker's name."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Via(_Model):
    """How the speaker of a quote or reported clause was found, so a reader can check it."""

    rule: str = Field(description="the strategy that named the speaker, e.g. 'cue_after', 'continuation', 'reporting_verb'")
    kind: CueKind = Field(description="how the text points at the speaker: by name, by pronoun, by a description, or not at all")
    chain: list[ChainLink] = Field(
        default_factory=list,
        description="the mention the text points at first ('she', 'the mayor'), then each it was resolved to, ending at the name",
    )


class _Message(_Model):
    """A WebSocket message: strict, so a field of the wrong JSON type is an error, never converted.

    Without it `"v": "1"`, `true` or `1.0` would pass for version 1 and `"stream": "yes"` for true: a
    client that sends the wrong type has a bug, and should hear about it rather than be guessed at.
    (The analysis models above stay lax: the daemon validates its own workers' output with them.)
    """

    model_config = ConfigDict(extra="forbid", frozen=False, strict=True)


class Span(_Model):
    start: int = Field(ge=0, description="first character (code points in Python, UTF-16 units on the wire)")
    end: int = Field(ge=0, description="one past the last character")
    category: Category
    text: str
    # Attribution, on quote, reported and speaker spans.
    speaker: str | None = Field(None, description="canonical name of the speaker, or the description of an unnamed source")
    speaker_start: int | None = Field(None, description="the mention the attribution points to")
    speaker_end: int | None = None
    actor: str | None = Field(None, description="id of the actor (attribution target for quotes, the entity for actor spans)")
    cue: str | None = Field(None, description="the verb or phrase of the attribution, e.g. 'said', 'according to'")
    quote_id: int | None = Field(None, description="groups the pieces of one quotation (split quotes, paragraphs)")
    nested_in: int | None = Field(None, description="a quote inside another quote with a speaker of its own: the outer quote's quote_id")
    why: str | None = Field(None, description="for 'mention' spans: title | scare quote | nickname | mention")
    via: Via | None = Field(None, description="on quote and reported spans with a speaker: how the speaker was found")


class Actor(_Model):
    id: str
    name: str = Field(description="canonical name: the longest full mention in the document")
    type: ActorType
    mentions: int = Field(ge=0, description="how many times the actor is mentioned by name (pronouns not counted)")
    quotes: int = Field(0, ge=0, description="how many quote and reported spans are attributed to the actor")
    role: str | None = Field(None, description="the role the article gives the actor, e.g. 'U.S. Secretary of State'")


SourceType = Literal["person", "organization", "place", "document"]


class LedgerSource(_Model):
    """One source the article quotes or reports: a named actor, a name, or a description."""

    name: str = Field(description="the actor's canonical name, else the speaker exactly as the spans give it")
    actor: str | None = Field(None, description="id of the actor, when the source is one")
    named: bool = Field(description="the article names the source (a person, an organisation, a named body's document)")
    type: SourceType | None = Field(None, description="person also covers groups of people ('two diplomats')")
    aliases: list[str] = Field(default_factory=list, description="other speakers of the spans that are this source ('the ministry')")
    quotes: int = Field(ge=0, description="direct quotations attributed to the source, counted by quote_id")
    reported: int = Field(ge=0, description="reported clauses attributed to the source")
    quoted_words: int = Field(ge=0, description="words of those quotations")


class LedgerFigure(_Model):
    """A number stated in the writer's own voice: no attribution anywhere in its sentence."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Ledger(_Model):
    """Who gets to speak in the article, and how much. docs/protocol.md defines every figure.

    words = quoted_words + reported_words + own_words; each word counts once, quotes first.
    """

    words: int = Field(ge=0)
    quoted_words: int = Field(ge=0, description="words inside direct quotations")
    reported_words: int = Field(ge=0, description="words inside reported clauses, outside quotations")
    own_words: int = Field(ge=0, description="every other word: the writer's own voice")
    named_sources: int = Field(ge=0)
    unnamed_sources: int = Field(ge=0)
    unattributed: int = Field(ge=0, description="quotations and reported clauses with no identified speaker")
    sources: list[LedgerSource] = Field(description="most quoted words first, then most quotations and claims, then first heard")
    unsourced_figures: list[LedgerFigure] = Field(description="in text order")


class Analysis(_Model):
    spans: list[Span]
    actors: list[Actor]
    ledger: Ledger | None = Field(None, description="the sourcing ledger; absent from previews of part of a text")


# ----------------------------------------------------------------------------------------------
# WebSocket messages. Every message is a JSON object with "type" and "v" (protocol version).
# ----------------------------------------------------------------------------------------------


class AnalyzeRequest(_Message):
    """Client → daemon: analyse a page's article text.

    Either `text` or `blocks` (paragraphs; joined with BLOCK_SEPARATOR) must be given. Reply offsets
    are UTF-16 code units into that joined text.
    """

    type: Literal["analyze"]
    v: int = PROTOCOL_VERSION
    id: str = Field(min_length=1, max_length=128)
    url: str | None = Field(None, max_length=8192)
    title: str | None = Field(None, max_length=2048)
    text: str | None = None
    blocks: list[str] | None = None
    stream: bool = Field(
        False, description="send 'partial' replies before the final 'result': the quotations the marks give, at once, "
        "then, on long pages, the analysis of the first blocks"
    )
    page: str | None = Field(
        None, min_length=1, max_length=128,
        description="the client's name for the page the text comes from (a tab, a frame): the daemon shares its "
        "workers fairly between the pages of a connection, as between connections",
    )
    replace: bool = Field(
        False, description="this request supersedes the requests of the same page still in flight: they are cancelled"
    )

    def joined_text(self) -> str:
        if self.blocks is not None:
            return BLOCK_SEPARATOR.join(self.blocks)
        return self.text or ""


class PingRequest(_Message):
    type: Literal["ping"]
    v: int = PROTOCOL_VERSION
    id: str | None = Field(None, max_length=128)


class CancelRequest(_Message):
    """Client → daemon: the page went away; drop the pending request with this id."""

    type: Literal["cancel"]
    v: int = PROTOCOL_VERSION
    id: str = Field(min_length=1, max_length=128)


ClientMessage = Annotated[Union[AnalyzeRequest, PingRequest, CancelRequest], Field(discriminator="type")]


class ResultReply(_Message):
    """Daemon → client: the whole analysis for request `id`."""

    type: Literal["result"] = "result"
    v: int = PROTOCOL_VERSION
    id: str
    offsets: Literal["utf16"] = "utf16"
    spans: list[Span]
    actors: list[Actor]
    ledger: Ledger | None = None
    cached: bool = False
    elapsed_ms: float = 0.0


PartialStage = Literal["quotes", "blocks"]


class PartialReply(_Message):
    """Daemon → client, only when the request asked to stream: what is known before the result.

    `stage` "quotes": the quotations the text's quotation marks give, found without a parse, sent
    first, within milliseconds; quote spans only, without speakers, over the page's head: blocks
    [first, last), its first blocks up to 20,000 characters (a block with none has none yet, not
    none at all). `stage` "blocks": the spans of blocks [first, last) analysed
    on their own, for long pages, in order. Offsets are into the whole joined text. Actors are not
    consolidated yet; the final `result` replaces everything partial replies said.
    """

    type: Literal["partial"] = "partial"
    v: int = PROTOCOL_VERSION
    id: str
    offsets: Literal["utf16"] = "utf16"
    stage: PartialStage = Field("blocks", description="what the reply holds: early quotations, or some blocks' analysis")
    blocks: tuple[int, int] = Field(description="[first, last) block indexes covered by this partial reply")
    spans: list[Span]


class PongReply(_Message):
    type: Literal["pong"] = "pong"
    v: int = PROTOCOL_VERSION
    id: str | None = None
    version: str
    model: str


ErrorCode = Literal[
    "bad_json",  # the frame is not JSON (or not text)
    "invalid_request",  # JSON that does not fit the schema (missing fields, wrong types, unknown type)
    "unsupported_version",  # "v" is not a protocol version this daemon speaks
    "too_large",  # the text or message exceeds the configured limit
    "busy",  # too many requests in flight
    "timeout",  # the analysis took longer than the per-request limit
    "cancelled",
    "internal",  # the analysis failed; the daemon stays up
]


class ErrorReply(_Message):
    type: Literal["error"] = "error"
    v: int = PROTOCOL_VERSION
    id: str | None = Field(None, description="the request id, when it could be read")
    code: ErrorCode
    message: str


class Health(_Model):
    """GET /health."""

    status: Literal["ok", "loading"]
    version: str
    protocol: int = PROTOCOL_VERSION
    model: str
    uptime_s: float


# Everything the daemon sends on /ws; clients (extension tests, bench, doctor) validate replies with it.
ServerMessage = Annotated[Union[ResultReply, PartialReply, PongReply, ErrorReply], Field(discriminator="type")]
