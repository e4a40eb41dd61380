// The highlight categories, in the order the popup lists them. The names match
// claimlight.protocol.Category; the daemon decides what falls in each one.

export const CATEGORIES = [
  { id: "quote", label: "Quotes", hint: "Direct speech in quotation marks" },
  { id: "speaker", label: "Speakers", hint: "Who a quote or claim is attributed to" },
  { id: "reported", label: "Reported speech", hint: "Claims attributed without quotation marks" },
  { id: "person", label: "People", hint: "Named people" },
  { id: "organization", label: "Organisations", hint: "Companies, parties, agencies, teams" },
  { id: "place", label: "Places", hint: "Countries, cities, regions" },
  { id: "number", label: "Numbers", hint: "Figures and statistical claims" },
  { id: "mention", label: "Other quoted words", hint: "Titles, scare quotes, nicknames" },
];

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);

// Shown only on request: most quoted words that are not speech are noise to a reader. The
// daemon sends them anyway, so switching them on needs no new analysis.
export const DEFAULT_OFF = new Set(["mention"]);

// Where two highlights overlap, the higher priority paints on top: the short actor
// names inside a long quote must stay visible.
export const PRIORITY = {
  mention: 0,
  reported: 1,
  quote: 2,
  number: 3,
  place: 4,
  organization: 5,
  person: 6,
  speaker: 7,
};

export const ACTOR_TYPES = new Set(["person", "organization", "place"]);

/**
 * The registry name of a category's highlight: claimlight-<category>-<suffix>. The suffix is
 * random per page load (content/highlight.js), so a page cannot write rules for it in advance;
 * tools find the extension's highlights by the prefix.
 */
export function highlightName(category, suffix) {
  return `claimlight-${category}-${suffix}`;
}
