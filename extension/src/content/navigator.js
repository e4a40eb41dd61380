// Stepping through the page's quotations: next and previous (the panel's buttons, the
// keyboard shortcuts), all of them or one speaker's, in page order. It lives in the page,
// not in the panel, so the shortcuts work with the panel closed. No DOM.

export class QuoteNavigator {
  constructor() {
    this.items = []; // sourcing items in page order (quotes and reported claims)
    this.filter = null; // {keys: string[], name: string}: one speaker's, or null for all
    this.currentId = null;
    this.lastIndex = -1; // the current item's place in `items`, to carry on from if it vanishes
  }

  /** The page's items changed; the current one keeps its place, or its position if it went. */
  setItems(items) {
    this.items = items;
    const i = items.findIndex((it) => it.id === this.currentId);
    if (i >= 0) this.lastIndex = i;
    else this.currentId = null;
  }

  setFilter(filter) {
    this.filter = filter?.keys?.length ? { keys: [...filter.keys], name: filter.name ?? "" } : null;
  }

  /** The quotations stepped through: every one, or the filtered speaker's. */
  get quotes() {
    const keys = this.filter ? new Set(this.filter.keys) : null;
    return this.items.filter((it) => it.kind === "quote" && (!keys || keys.has(it.speakerKey)));
  }

  /**
   * The next (dir 1) or previous (dir -1) quotation from the current item, wrapping round at
   * the ends; null when there is none.
   * @returns {{item, index: number, total: number, wrapped: false | "start" | "end"} | null}
   */
  step(dir) {
    const list = this.quotes;
    if (!list.length) return null;
    const here = this.currentId ? this.items.findIndex((it) => it.id === this.currentId) : this.lastIndex;
    const order = new Map(this.items.map((it, i) => [it.id, i]));
    let k;
    if (here < 0) k = dir > 0 ? 0 : list.length - 1;
    else if (dir > 0) k = list.findIndex((it) => order.get(it.id) > here);
    else k = list.findLastIndex((it) => order.get(it.id) < here);
    const wrapped = k < 0 ? (dir > 0 ? "start" : "end") : false;
    if (wrapped) k = dir > 0 ? 0 : list.length - 1;
    return this._select(list[k], list, wrapped);
  }

  /** A chosen item (a click in the panel), quotation or reported claim. */
  goto(id) {
    const item = this.items.find((it) => it.id === id);
    return item ? this._select(item, this.quotes, false) : null;
  }

  /** Where the current item stands, for the panel and the announcement. */
  position() {
    const item = this.items.find((it) => it.id === this.currentId);
    if (!item) return null;
    const list = this.quotes;
    return { item, index: list.findIndex((it) => it.id === item.id), total: list.length, wrapped: false };
  }

  _select(item, list, wrapped) {
    this.currentId = item.id;
    this.lastIndex = this.items.indexOf(item);
    return { item, index: list.findIndex((it) => it.id === item.id), total: list.length, wrapped };
  }
}

/** What a screen reader hears when a quotation is stepped to. */
export function announcement(pos) {
  if (!pos) return "No quotes to step through.";
  const who = pos.item.speaker ?? "speaker not identified";
  const what = pos.index >= 0 ? `Quote ${pos.index + 1} of ${pos.total}` : pos.item.kind === "reported" ? "Reported claim" : "Quote";
  const wrap = pos.wrapped === "start" ? ", back to the first" : pos.wrapped === "end" ? ", back to the last" : "";
  return `${what}${wrap}, ${who}: ${pos.item.text}`;
}
