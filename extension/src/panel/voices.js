// Voices: everyone the page quotes or reports, grouped the way a reader asks about sources
// (named people, organisations, unnamed sources, and what the engine could not attribute),
// each with their quotations and claims in page order. Which source a span belongs to, and
// whether it is named, is the daemon's ledger's call; for spans newer than the ledger (the
// page changed and a new analysis is on its way) the spans' own actor decides. Pure.

export const GROUPS = [
  { id: "people", label: "People" },
  { id: "organisations", label: "Organisations" },
  { id: "unnamed", label: "Unnamed sources" },
  { id: "unidentified", label: "Speaker not identified" },
];

const PRONOUNS = new Set(["he", "she", "they", "it", "him", "her", "them", "his", "its", "their"]);
const NOT_A_NAME = /^(a|an|the|one|two|three|four|five|several|some|many|other|local|senior|officials?|people|sources?)\b/i;

export const share = (part, whole) => (whole ? part / whole : 0);

/**
 * @param {Array} items sourcing items (content/sourcing.js), in page order
 * @param {Record<string, {name, type, role?}>} actors by actor key
 * @param {{sources: Array<{key, keys, name, named, type, quoted_words}>, quoted_words: number} | null} ledger
 * @returns {{groups: Array<{id, label, voices: Array}>, byKey: Map<string, object>}} byKey:
 *   every speaker key of the items (and every ledger key) → its voice
 */
export function buildVoices(items, actors = {}, ledger = null) {
  const sourceOf = new Map();
  for (const s of ledger?.sources ?? []) for (const k of s.keys ?? [s.key]) sourceOf.set(k, s);
  const voices = new Map(); // voice key → voice
  const byKey = new Map();
  items.forEach((item, order) => {
    const { key, ...who } = classify(item, actors, sourceOf);
    let voice = voices.get(key);
    if (!voice) {
      const source = sourceOf.get(item.speakerKey ?? "");
      voice = {
        key,
        ...who,
        keys: source?.keys ?? (item.speakerKey ? [item.speakerKey] : []),
        quotedWords: source?.quoted_words ?? 0,
        share: source ? share(source.quoted_words, ledger.quoted_words) : null,
        first: order,
        quotes: 0,
        reported: 0,
        items: [],
      };
      voices.set(key, voice);
    }
    voice.items.push(item);
    if (item.kind === "quote") voice.quotes += 1;
    else voice.reported += 1;
    if (item.speakerKey) byKey.set(item.speakerKey, voice);
  });
  for (const voice of voices.values()) for (const k of voice.keys) byKey.set(k, voice);
  const groups = GROUPS.map((g) => ({
    ...g,
    voices: [...voices.values()]
      .filter((v) => v.group === g.id)
      .sort((a, b) => b.quotes + b.reported - (a.quotes + a.reported) || a.first - b.first),
  }));
  return { groups, byKey };
}

function classify(item, actors, sourceOf) {
  const source = item.speakerKey ? sourceOf.get(item.speakerKey) : null;
  if (source) {
    const actor = actors[source.key];
    return { key: source.key, name: source.name, named: source.named, type: source.type, role: actor?.role ?? null, group: groupOf(source.named, source.type) };
  }
  if (!item.speakerKey || (!item.actor && PRONOUNS.has(String(item.speaker).toLowerCase()))) {
    return { key: "none", name: "Speaker not identified", named: false, type: null, role: null, group: "unidentified" };
  }
  const actor = item.actor ? actors[item.actor] : null;
  if (actor) {
    return { key: item.speakerKey, name: actor.name, named: true, type: actor.type, role: actor.role ?? null, group: groupOf(true, actor.type) };
  }
  // Not in the ledger yet: a capitalised speaker is a name, anything else a description.
  const speaker = String(item.speaker ?? "");
  const named = /^\p{Lu}/u.test(speaker) && !NOT_A_NAME.test(speaker);
  return { key: item.speakerKey, name: speaker, named, type: named ? null : "person", role: null, group: named ? "people" : "unnamed" };
}

function groupOf(named, type) {
  if (!named) return "unnamed";
  return type === "person" || type == null ? "people" : "organisations";
}

/** "3 quotes · 1 reported claim" */
export function countsLabel(voice) {
  const parts = [];
  if (voice.quotes) parts.push(`${voice.quotes} quote${voice.quotes === 1 ? "" : "s"}`);
  if (voice.reported) parts.push(`${voice.reported} reported claim${voice.reported === 1 ? "" : "s"}`);
  return parts.join(" · ");
}
