// The side panel's exports: "Copy as Markdown" and "Download JSON". Both carry the page's
// title and URL, the date it was read, the sourcing ledger, every quotation with its
// speaker, the reported claims and the figures without a source, each with a link that
// re-opens the page at it. Pure: the panel hands in its model.

import { fragmentLink } from "./fragment.js";
import { share } from "./voices.js";

/**
 * Everything exported, as plain data (the JSON export is exactly this).
 * @param {object} model the panel's model (panel.js: state + voices)
 * @param {Date} now when the export is made
 */
export function report(model, now = new Date()) {
  const { state, voices } = model;
  const url = state.page?.url ?? "";
  const voiceOf = (item) => voices.byKey.get(item.speakerKey ?? "") ?? null;
  const entry = (item) => {
    const voice = voiceOf(item);
    return {
      speaker: voice?.group === "unidentified" ? null : voice?.name ?? item.speaker ?? null,
      source: voice ? { people: "named", organisations: "named", unnamed: "unnamed", unidentified: "not identified" }[voice.group] : "not identified",
      role: voice?.role ?? null,
      cue: item.cue ?? null,
      text: item.text,
      link: fragmentLink(url, item),
    };
  };
  const l = state.ledger;
  return {
    title: state.title ?? "",
    url,
    read_at: state.readAt ?? null,
    exported_at: now.toISOString(),
    ledger: l
      ? {
          words: l.words,
          quoted_words: l.quoted_words,
          reported_words: l.reported_words,
          own_words: l.own_words,
          share_quoted: share(l.quoted_words, l.words),
          share_reported: share(l.reported_words, l.words),
          share_own: share(l.own_words, l.words),
          named_sources: l.named_sources,
          unnamed_sources: l.unnamed_sources,
          unattributed: l.unattributed,
          sources: l.sources.map((s) => ({
            name: s.name,
            named: s.named,
            type: s.type,
            role: voices.byKey.get(s.key)?.role ?? null,
            quotes: s.quotes,
            reported: s.reported,
            quoted_words: s.quoted_words,
            share_of_quoted_words: share(s.quoted_words, l.quoted_words),
          })),
          current: !!l.fresh,
        }
      : null,
    quotes: state.items.filter((it) => it.kind === "quote").map(entry),
    reported: state.items.filter((it) => it.kind === "reported").map(entry),
    figures_without_source: state.figures.map((f) => ({ text: f.text, sentence: f.sentence, link: fragmentLink(url, f) })),
  };
}

export function toJson(rep) {
  return JSON.stringify(rep, null, 2) + "\n";
}

/** Markdown's special characters in running text, escaped; line breaks become spaces. */
export function mdEscape(text) {
  return String(text)
    .replace(/\s+/g, " ")
    .replace(/([\\`*_[\]<>|#~])/g, "\\$1");
}

const pct = (x) => `${Math.round(x * 100)}%`;

function dateOf(iso) {
  return iso ? iso.slice(0, 10) : "";
}

/** A link target: parentheses would end a Markdown link early, so they are escaped. */
const target = (url) => url.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");

export function toMarkdown(rep) {
  const out = [];
  out.push(`# Who says what: ${mdEscape(rep.title || rep.url)}`, "");
  out.push(`<${target(rep.url)}>  `, `Read on ${dateOf(rep.read_at)} · exported from claimlight on ${dateOf(rep.exported_at)}`, "");
  const l = rep.ledger;
  if (l) {
    out.push("## Sourcing", "");
    out.push("| voice | words | share |", "|---|---:|---:|");
    out.push(`| Direct quotes | ${l.quoted_words} | ${pct(l.share_quoted)} |`);
    out.push(`| Reported speech | ${l.reported_words} | ${pct(l.share_reported)} |`);
    out.push(`| The writer's own | ${l.own_words} | ${pct(l.share_own)} |`);
    out.push(`| **All** | ${l.words} | 100% |`, "");
    const n = l.named_sources + l.unnamed_sources;
    let line = `${n} source${n === 1 ? "" : "s"}: ${l.named_sources} named, ${l.unnamed_sources} unnamed.`;
    if (l.unattributed) line += ` ${l.unattributed} quote${l.unattributed === 1 ? "" : "s"} or claim${l.unattributed === 1 ? "" : "s"} with no identified speaker.`;
    out.push(line, "");
    const quoted = l.sources.filter((s) => s.quoted_words > 0);
    if (quoted.length) {
      out.push("Share of quoted words:", "");
      for (const s of quoted) out.push(`- ${mdEscape(s.name)}${s.named ? "" : " (unnamed)"}: ${pct(s.share_of_quoted_words)}`);
      out.push("");
    }
    if (!l.current) out.push("_The page changed after this ledger was computed._", "");
  }
  const list = (title, entries) => {
    out.push(`## ${title}`, "");
    if (!entries.length) out.push("None found.", "");
    entries.forEach((e, i) => {
      const who = e.speaker ? `**${mdEscape(e.speaker)}**${e.role ? ` (${mdEscape(e.role)})` : ""}` : "_Speaker not identified_";
      out.push(`${i + 1}. ${who}: ${mdEscape(e.text)} ([open at this ${title === "Quotes" ? "quote" : "claim"}](${target(e.link)}))`);
    });
    if (entries.length) out.push("");
  };
  list("Quotes", rep.quotes);
  list("Reported claims", rep.reported);
  out.push("## Figures without a source", "");
  if (!rep.figures_without_source.length) out.push("None found.", "");
  for (const f of rep.figures_without_source) out.push(`- **${mdEscape(f.text)}**: ${mdEscape(f.sentence)} ([open at this figure](${target(f.link)}))`);
  return out.join("\n").replace(/\n*$/, "\n");
}

/** A file name for the JSON download: the title's words and the date. */
export function fileName(rep) {
  const slug = (rep.title || "page")
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .slice(0, 8)
    .join("-");
  return `claimlight-${slug || "page"}-${dateOf(rep.exported_at)}.json`;
}
