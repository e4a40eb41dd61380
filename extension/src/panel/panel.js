// The side panel: who is quoted on the page in the current tab, how much, and where. It
// connects to that tab's content script, which sends what the page holds whenever it changes
// (content/panelfeed.js); clicks and next/previous go back there, and the page scrolls. The
// panel follows the window's active tab, or, opened as sidepanel.html?tab=ID, that tab.

import { legibleOn, swatch } from "../shared/colour.js";
import { MSG, PANEL_PORT } from "../shared/messages.js";
import { fileName, report, toJson, toMarkdown } from "./export.js";
import { buildVoices, countsLabel, share } from "./voices.js";

const $ = (id) => document.getElementById(id);
const RECONNECT_MS = 700;
const RECONNECT_TRIES = 5; // then the tab's next load (tabs.onUpdated) reconnects
const EXCERPT_CHARS = 160;

const pinnedTab = Number(new URLSearchParams(location.search).get("tab")) || null;
let tabId = pinnedTab;
let windowId = null;
let port = null;
let state = null;
let model = null; // {state, voices}
let reconnectTimer = 0;
let tries = 0;
let lastAnnounced = "";
const collapsed = new Set(); // voice keys the reader folded
const rendered = {}; // section → the JSON it was last drawn from, to redraw only what changed

const dark = () => matchMedia("(prefers-color-scheme: dark)").matches;

// ---- the connection to the page ---------------------------------------------------------------

function connect() {
  clearTimeout(reconnectTimer);
  port?.disconnect();
  port = null;
  if (!tabId) return render();
  try {
    port = chrome.tabs.connect(tabId, { name: PANEL_PORT });
  } catch {
    port = null;
  }
  if (!port) return render();
  const mine = port;
  mine.onMessage.addListener((msg) => {
    if (msg?.type !== MSG.panelState || mine !== port) return;
    tries = 0;
    state = msg.state;
    render();
  });
  mine.onDisconnect.addListener(() => {
    void chrome.runtime.lastError;
    if (mine !== port) return;
    port = null;
    state = null;
    render();
    // The page reloaded or went elsewhere: its new content script will answer soon. A page
    // without one (chrome://, the Web Store) never will.
    if (++tries <= RECONNECT_TRIES) reconnectTimer = setTimeout(connect, RECONNECT_MS);
  });
}

function send(msg) {
  try {
    port?.postMessage(msg);
  } catch {
    port = null;
  }
}

async function follow() {
  if (pinnedTab) return connect();
  const win = await chrome.windows.getCurrent();
  windowId = win.id;
  const [active] = await chrome.tabs.query({ active: true, windowId });
  tabId = active?.id ?? null;
  state = null;
  connect();
}

// ---- drawing --------------------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : String(v));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const percent = (x) => `${Math.round(x * 100)}%`;
const excerpt = (text) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text);

/** Redraws `name` with `draw` only when what it shows changed; keeps keyboard focus where it was. */
function section(name, data, draw) {
  const json = JSON.stringify(data);
  if (rendered[name] === json) return;
  rendered[name] = json;
  const focused = document.activeElement?.dataset?.key;
  draw();
  if (focused) document.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

function render() {
  const s = state;
  const page = s?.page;
  $("page-title").textContent = s?.title ?? "";
  const items = s?.items ?? [];
  model = s ? { state: s, voices: buildVoices(items, s.actors, s.ledger) } : null;
  const text = messageFor(s);
  $("message").hidden = !text;
  $("message-text").textContent = text ?? "";
  $("analyse").hidden = !(page && page.supported && !page.active && page.enabled);
  const has = !!page?.active;
  $("copy-md").disabled = $("download-json").disabled = !has || (!items.length && !s.ledger);
  $("ledger").hidden = !has || !s.ledger;
  $("nav").hidden = !has;
  $("voices").hidden = !has;
  $("figures").hidden = !has || !s.ledger;
  if (!has) return;
  if (s.ledger) section("ledger", s.ledger, () => drawLedger(s.ledger));
  section("nav", { nav: s.nav, n: items.length }, () => drawNav(s));
  section("voices", { items, actors: s.actors, sources: s.ledger?.sources, current: s.nav.current?.id, filter: s.nav.filter, collapsed: [...collapsed] }, () =>
    drawVoices(model.voices, s.nav),
  );
  section("figures", s.figures, () => drawFigures(s.figures));
  announce(s);
}

function messageFor(s) {
  if (!tabId) return "No tab to show.";
  if (!s) return port ? "Reading the page…" : "claimlight does not run on this page.";
  const p = s.page;
  if (!p.enabled) return "Highlighting is off (claimlight's popup has the switch).";
  if (p.siteDisabled && !p.forced) return `claimlight is off on ${p.site}.`;
  if (!p.isArticle && !p.forced) return "This page does not look like an article.";
  if (!p.active) return "No article text found on this page.";
  const daemon = p.daemon?.state;
  if (!s.items.length && p.pending) return `Analysing ${p.blocks} paragraphs…`;
  if (!s.items.length && daemon && daemon !== "open" && daemon !== "unknown") return "The claimlight daemon is not running: start it with `claimlight serve`.";
  if (p.lastError) return `The daemon said: ${p.lastError}`;
  if (!s.items.length) return "No quotes or reported speech found on this page.";
  return null;
}

function drawLedger(l) {
  const theme = dark() ? "dark" : "light";
  const parts = [
    { id: "quote", label: "Direct quotes", words: l.quoted_words },
    { id: "reported", label: "Reported speech", words: l.reported_words },
    { id: "own", label: "The writer's own voice", words: l.own_words },
  ];
  const colour = (id) => (id === "own" ? (theme === "dark" ? "#5b636d" : "#aeb6bf") : swatch(id, theme));
  const bar = $("voice-bar");
  bar.replaceChildren(
    ...parts.map((p) => {
      const seg = el("span", { class: "seg" });
      seg.style.width = `${share(p.words, l.words) * 100}%`;
      seg.style.background = colour(p.id);
      return seg;
    }),
  );
  bar.setAttribute("aria-label", `Of ${l.words} words: ${parts.map((p) => `${p.label.toLowerCase()} ${percent(share(p.words, l.words))}`).join(", ")}`);
  $("voice-legend").replaceChildren(
    ...parts.map((p) => {
      const chip = el("span", { class: "chip", "aria-hidden": "true" });
      chip.style.background = colour(p.id);
      return el("li", {}, chip, el("span", { class: "label", text: p.label }), el("span", { class: "value", text: `${percent(share(p.words, l.words))} · ${p.words} words` }));
    }),
  );
  const n = l.named_sources + l.unnamed_sources;
  let line = `${n} source${n === 1 ? "" : "s"}: ${l.named_sources} named, ${l.unnamed_sources} unnamed.`;
  if (l.unattributed) line += ` ${l.unattributed} with no identified speaker.`;
  $("sources-line").textContent = line;
  const quoted = l.sources.filter((s) => s.quoted_words > 0);
  const top = quoted.slice(0, 5);
  const rest = quoted.slice(5).reduce((sum, s) => sum + s.quoted_words, 0);
  const unattributed = l.quoted_words - quoted.reduce((sum, s) => sum + s.quoted_words, 0);
  const rows = [...top.map((s) => ({ who: s.named ? s.name : `${s.name} (unnamed)`, words: s.quoted_words }))];
  if (rest) rows.push({ who: `${quoted.length - 5} others`, words: rest });
  if (unattributed > 0) rows.push({ who: "Speaker not identified", words: unattributed });
  $("shares").replaceChildren(
    ...rows.map((r) => {
      const fill = el("span", { class: "fill" });
      fill.style.width = `${share(r.words, l.quoted_words) * 100}%`;
      return el("li", {}, el("span", { class: "who", text: r.who, title: r.who }), el("span", { class: "track", "aria-hidden": "true" }, fill), el("span", { class: "value", text: percent(share(r.words, l.quoted_words)) }));
    }),
  );
  $("shares-h").hidden = $("shares").hidden = !rows.length;
  const note = $("ledger-note");
  note.hidden = !!l.fresh;
  note.textContent = l.fresh ? "" : "The page has changed; the ledger is being brought up to date.";
}

function drawNav(s) {
  const cur = s.nav.current;
  const quotes = s.items.filter((it) => it.kind === "quote");
  const total = cur?.total ?? (s.nav.filter ? null : quotes.length);
  $("nav-pos").textContent = cur && cur.index >= 0 ? `Quote ${cur.index + 1} of ${cur.total}` : total != null ? `${total} quote${total === 1 ? "" : "s"}` : "";
  $("prev").disabled = $("next").disabled = !quotes.length;
  $("filter").hidden = !s.nav.filter;
  $("filter-name").textContent = s.nav.filter ? s.nav.filter.name || "one speaker" : "";
}

function drawVoices(voices, nav) {
  const theme = dark() ? "dark" : "light";
  const filterKeys = new Set(nav.filter?.keys ?? []);
  const groups = voices.groups.filter((g) => g.voices.length);
  if (!groups.length) {
    $("groups").replaceChildren(el("p", { class: "empty", text: "No one is quoted or reported on this page yet." }));
    return;
  }
  let n = 0;
  $("groups").replaceChildren(
    ...groups.map((g) =>
      el(
        "section",
        { class: "group", "aria-label": g.label },
        el("h3", {}, g.label, el("span", { class: "n", text: `(${g.voices.length})` })),
        el(
          "ul",
          { class: "voices" },
          ...g.voices.map((v) => {
            const listId = `voice-${++n}`;
            const open = !collapsed.has(v.key);
            const only = v.keys.length > 0 && v.keys.every((k) => filterKeys.has(k)) && filterKeys.size === v.keys.length;
            return el(
              "li",
              { class: "voice", "data-voice": v.key },
              el(
                "div",
                { class: "voice-head" },
                el(
                  "button",
                  {
                    type: "button",
                    class: "voice-toggle",
                    "aria-expanded": String(open),
                    "aria-controls": listId,
                    "data-key": `toggle:${v.key}`,
                    onclick: () => {
                      if (collapsed.has(v.key)) collapsed.delete(v.key);
                      else collapsed.add(v.key);
                      render();
                    },
                  },
                  el("span", { class: "caret", "aria-hidden": "true", text: "▸" }),
                  el("span", { class: "voice-name", text: v.name }),
                  v.role ? el("span", { class: "voice-role", text: v.role }) : null,
                  el("span", { class: "voice-counts", text: countsLabel(v) + (v.share ? ` · ${percent(v.share)} of quoted words` : "") }),
                ),
                v.quotes && v.keys.length
                  ? el("button", {
                      type: "button",
                      class: "button voice-only",
                      "aria-pressed": String(only),
                      "aria-label": `Only these: step through ${v.name}'s quotes alone`,
                      "data-key": `only:${v.key}`,
                      text: "Only these",
                      onclick: () => send({ type: MSG.panelFilter, filter: only ? null : { keys: v.keys, name: v.name } }),
                    })
                  : null,
              ),
              el(
                "ol",
                { class: "excerpts", id: listId, hidden: !open },
                ...v.items.map((it) => excerptButton(it, nav, theme)),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

function excerptButton(item, nav, theme) {
  const bg = swatch(item.kind, theme);
  const kind = el("span", { class: "kind", text: item.kind === "quote" ? "quote" : "reported" });
  kind.style.background = bg;
  kind.style.color = legibleOn(parseRgba(bg));
  const button = el(
    "button",
    {
      type: "button",
      class: "excerpt",
      "data-id": item.id,
      "data-key": `item:${item.id}`,
      "aria-current": nav.current?.id === item.id ? "true" : null,
      onclick: () => send({ type: MSG.panelGoto, id: item.id }),
    },
    kind,
    el("span", { class: "text", text: excerpt(item.text) }),
  );
  button.style.borderLeftColor = bg;
  return el("li", {}, button);
}

function parseRgba(css) {
  return css.match(/[\d.]+/g).slice(0, 3).map(Number);
}

function drawFigures(figures) {
  const list = $("figure-list");
  if (!figures.length) {
    list.replaceChildren(el("li", {}, el("p", { class: "empty", text: "None: every figure on the page is in a sentence that cites someone." })));
    return;
  }
  list.replaceChildren(
    ...figures.map((f) =>
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", class: "figure", "data-id": f.id, "data-key": `figure:${f.id}`, onclick: () => send({ type: MSG.panelGoto, id: f.id }) },
          el("span", { class: "num", text: f.text }),
          el("span", { class: "sentence", text: excerpt(f.sentence) }),
        ),
      ),
    ),
  );
}

/** The live region says which quotation the page went to, once per change. */
function announce(s) {
  const cur = s.nav.current;
  const item = cur ? s.items.find((it) => it.id === cur.id) : null;
  const key = item ? `${item.id}|${cur.index}|${cur.total}` : "";
  if (key === lastAnnounced) return;
  lastAnnounced = key;
  if (!item) return ($("current").textContent = "");
  const voice = model.voices.byKey.get(item.speakerKey ?? "");
  const who = voice && voice.group !== "unidentified" ? voice.name : "speaker not identified";
  const what = cur.index >= 0 ? `Quote ${cur.index + 1} of ${cur.total}` : item.kind === "quote" ? "Quote" : "Reported claim";
  $("current").textContent = `${what}, ${who}: ${excerpt(item.text)}`;
  document.querySelector(`[data-id="${CSS.escape(item.id)}"]`)?.scrollIntoView({ block: "nearest" });
}

// ---- exports --------------------------------------------------------------------------------------

function status(text) {
  $("export-status").textContent = text;
}

async function copyMarkdown() {
  if (!model) return;
  const md = toMarkdown(report(model));
  try {
    await navigator.clipboard.writeText(md);
    status("Copied as Markdown.");
  } catch {
    status("The clipboard refused; nothing was copied.");
  }
}

function downloadJson() {
  if (!model) return;
  const rep = report(model);
  const url = URL.createObjectURL(new Blob([toJson(rep)], { type: "application/json" }));
  const a = el("a", { href: url, download: fileName(rep) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status(`Saved ${fileName(rep)}.`);
}

// ---- start ------------------------------------------------------------------------------------------

$("prev").addEventListener("click", () => send({ type: MSG.panelStep, dir: -1 }));
$("next").addEventListener("click", () => send({ type: MSG.panelStep, dir: 1 }));
$("clear-filter").addEventListener("click", () => send({ type: MSG.panelFilter, filter: null }));
$("copy-md").addEventListener("click", copyMarkdown);
$("download-json").addEventListener("click", downloadJson);
$("analyse").addEventListener("click", () => tabId && chrome.tabs.sendMessage(tabId, { type: MSG.analyseNow }).catch(() => {}));
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
  for (const k of Object.keys(rendered)) delete rendered[k];
  render();
});

if (!pinnedTab) {
  chrome.tabs.onActivated.addListener((info) => {
    if (info.windowId !== windowId || info.tabId === tabId) return;
    tabId = info.tabId;
    state = null;
    tries = 0;
    for (const k of Object.keys(rendered)) delete rendered[k];
    connect();
  });
}
chrome.tabs.onUpdated.addListener((id, change) => {
  if (id !== tabId || change.status !== "complete" || port) return;
  tries = 0;
  connect();
});

// For the end-to-end tests and for debugging from the panel's console.
globalThis.claimlightPanel = { state: () => state, report: () => model && report(model), markdown: () => model && toMarkdown(report(model)) };

follow();
