// What the hover card says about a span. Pure, so it is unit-tested without a DOM.

const TYPE_LABEL = { person: "Person", organization: "Organisation", place: "Place" };
const TITLE = {
  quote: "Quote",
  reported: "Reported speech",
  speaker: "Speaker",
  number: "Number",
  mention: "Quoted words",
};

// The inner quotation of a quote ("One customer told us, ‘…’"): its words are its own speaker's.
const NESTED_TITLE = "Quote within a quote";

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// Where a quotation with no cue of its own got its speaker, in the reader's words (protocol `via.rule`).
const NO_CUE = {
  continuation: "continues the previous quote",
  paragraph_before: "the person the paragraph before brings in",
  previous_subject: "the subject of the sentence before",
  next_subject: "the person the sentence after it is about",
  named_after: "the person the next paragraph names",
  colon_paragraph: "introduced by the paragraph above",
  echo: "quoted again later with a speaker",
  answer: "an answer in an interview",
  label: "the name labelling it",
};

/**
 * How the speaker was found, when the text does not simply name them: "she, resolved to Darian
 * Lonechild", "the mayor, resolved to Doug McCallum", or the reason a bare quote has its speaker.
 * @param {{rule: string, kind: string|null, chain: string[]}|null} via
 * @param {string} who the speaker's name
 */
export function viaLine(via, who) {
  if (!via || !who) return null;
  const [said] = via.chain;
  if ((via.kind === "pronoun" || via.kind === "description") && said && said.toLowerCase() !== who.toLowerCase()) {
    return `“${said}”, resolved to ${who}`;
  }
  if (via.kind === "none" && NO_CUE[via.rule]) return `No cue: ${NO_CUE[via.rule]}`;
  return null;
}

/**
 * @param {object} span a block span (see results.js)
 * @param {{quotes(k): number, reported(k): number, mentions(k): number}} stats
 * @param {Map<string, {name: string, type: string, role?: string}>} actors
 * @returns {{category: string, title: string, name: string, lines: string[], speakerKey?: string}}
 *   speakerKey: whose quotations "show all by this speaker" lists
 */
export function cardModel(span, stats, actors) {
  const actor = span.actor ? actors.get(span.actor) : null;
  const category = span.category;

  if (category === "quote" || category === "reported" || category === "speaker") {
    const who = span.speaker ?? actor?.name ?? (category === "speaker" ? span.text : null);
    const lines = [];
    if (actor?.role) lines.push(actor.role);
    if (span.cue) lines.push(`Cue: “${span.cue}”`);
    const how = category === "speaker" ? null : viaLine(span.via, who);
    if (how) lines.push(how);
    if (who && span.speakerKey) {
      const q = stats.quotes(span.speakerKey);
      const r = stats.reported(span.speakerKey);
      const parts = [plural(q, "quote", "quotes")];
      if (r) parts.push(`${r} reported`);
      lines.push(`${parts.join(", ")} on this page`);
    }
    return {
      category,
      title: span.nested ? NESTED_TITLE : TITLE[category],
      name: who ? (category === "speaker" ? who : `— ${who}`) : span.early ? "Finding the speaker…" : "Speaker not identified",
      lines,
      ...(who && span.speakerKey ? { speakerKey: span.speakerKey, speaker: who } : {}),
    };
  }

  if (TYPE_LABEL[category]) {
    const name = actor?.name ?? span.text;
    const n = span.actor ? stats.mentions(span.actor) : 1;
    return {
      category,
      title: TYPE_LABEL[actor?.type ?? category],
      name,
      lines: [...(actor?.role ? [actor.role] : []), `Mentioned ${plural(n, "time", "times")} on this page`],
    };
  }

  if (category === "number") {
    return { category, title: TITLE.number, name: span.text, lines: span.speaker ? [`Claimed by ${span.speaker}`] : [] };
  }

  return { category, title: TITLE[category] ?? category, name: span.text, lines: span.why ? [`Looks like a ${span.why}`] : [] };
}
