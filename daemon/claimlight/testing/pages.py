"""Watching the extension work on one page: open it in a browser with the extension loaded, read it
as a reader would (scroll to the end, so lazily loaded text arrives), wait until the analysis has
settled, then read back what the extension analysed and what it painted. Shared by `claimlight
pages` and the browser tests; the scoring is `claimlight.evaluation.pages`.

What was analysed comes from the content script itself (its `cl-get-analysed-text` message, asked
through the service worker). What was painted comes from each frame's CSS highlight registry, read
in the page's own world: the registry belongs to the document, so it holds what the content script
registered from its isolated world, ranges inside shadow roots included.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..evaluation.pages import Highlight, Observation

GET_ANALYSED_TEXT = "cl-get-analysed-text"
GET_PAGE_STATE = "cl-get-page-state"

# The page's visible text, flattened through shadow roots (closed ones once handed over by
# expose_closed_shadow_roots) and slots: U+2029 at every block
# boundary, U+2028 for a <br> and for a newline in preformatted text (the marks
# claimlight.evaluation.pages reads); `starts` maps each text node to where its data begins in `text`.
# Text clipped to nothing for screen readers only is not visible; a floated initial (a drop cap)
# is part of its word, not a block of its own; a footnote reference mark (`<sup><a href=#fn1>1</a></sup>`,
# a link set `vertical-align: super`, or a bracketed `<sup>[1]</sup>`) points to a note and is not
# text, as the corpus gold has it, and nor is a ruby's reading (<rt>, <rp>) above its word. A <q>'s quotation marks are drawn by
# the browser (generated content, absent from the DOM's text) and are text a reader reads: its
# ::before and ::after strings, and `open-quote`/`close-quote` as the default style draws them for
# English (the corpus's pages are English; nested <q>s take the second pair); so are the marks a
# site's style draws around any other inline element, when what it draws is quotation marks only. An element per printed
# line (a converted PDF, OCR text, a split-text animation's nowrap line of inline boxes) ends with a
# line break, not a block boundary. Text in a zero font size, or in its box's background colour, draws nothing. A form control's label or value (a clip's '▶ Listen 0:12'
# button inside a paragraph) is a control, not text, as the corpus gold has it; so are a permalink
# mark to the paragraph holding it ('¶') and a counter set out of the flow in the margin. (Blurred
# text is read: whether it is the story's depends on where the blur is, a paywall's locked part or
# a consent wall around the whole page, which the gold says.) A speaker's label
# in a table row's first cell ('Q:'), or in a <dt> before its <dd>, is read on one line with the
# turn beside it. Words an editor struck out (<del>) are withdrawn, not text, as the gold has them.
_PAGE_TEXT = r"""
  const CLOSED_ROOT = '__claimlightClosedShadowRoot';
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD', 'BUTTON', 'SELECT', 'TEXTAREA', 'RT', 'RP', 'DEL']);
  const clippedAway = (s) => (s.position === 'absolute' || s.position === 'fixed') && (
    /^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(s.clip) || /inset\(50%\)/.test(s.clipPath)
    || (parseFloat(s.width) <= 1 && parseFloat(s.height) <= 1 && s.overflow === 'hidden'));
  let text = '';
  const starts = new Map();
  const order = [];
  const inPage = (a) => !!a && /^#./.test(a.getAttribute('href') || '');
  const noteRef = (el, tag) => el.getAttribute('role') === 'doc-noteref'
    || (tag === 'SUP' && /^\[\s*\p{N}{1,3}\s*\]$/u.test(el.textContent.trim())) || ((tag === 'SUP' || tag === 'A')
    && /^\[?\s*(\p{N}{1,3}|[a-z]|[*†‡§¶]{1,3})\s*\]?$/u.test(el.textContent.trim())
    && (tag === 'SUP' ? inPage(el.querySelector('a[href]')) || inPage(el.closest('a[href]'))
      : inPage(el) && (!!el.querySelector('sup') || getComputedStyle(el).verticalAlign === 'super')))
    || (tag === 'A' && /^[#§¶🔗]$/u.test(el.textContent.trim()) && inPage(el) && ownBox(el));
  // A permalink to the paragraph or section that holds it ('<p id=p3>… <a href="#p3">¶</a>').
  const ownBox = (a) => {
    let id;
    try { id = decodeURIComponent(a.getAttribute('href').slice(1)); } catch { return false; }
    for (let n = a.parentElement; n; n = n.parentElement) if (n.id === id) return true;
    return false;
  };
  // A counter or mark in the margin beside a paragraph, out of the flow.
  const marginMark = (el, s) => (s.position === 'absolute' || s.position === 'fixed')
    && /^(\p{N}{1,4}[.)]?|[#*†‡§¶])$/u.test(el.textContent.trim());
  const drawn = (el, pseudo) => {
    let depth = 0;
    for (let a = el.parentElement; a; a = a.parentElement) if (a.tagName === 'Q') depth++;
    const marks = depth % 2 ? ['\u2018', '\u2019'] : ['\u201c', '\u201d'];
    return (getComputedStyle(el, pseudo).content.match(/"(?:[^"\\]|\\.)*"|open-quote|close-quote/g) || [])
      .map((t) => (t === 'open-quote' ? marks[0] : t === 'close-quote' ? marks[1] : t.slice(1, -1))).join('');
  };
  // Around any other inline element, what its style draws is read when it is quotation marks and
  // nothing else (a site drawing a quote's marks instead of typing them), not an icon or a label.
  const ONLY_MARKS = /^[\s"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a]+$/u;
  const drawnMarks = (el) => {
    const pair = [drawn(el, '::before'), drawn(el, '::after')];
    return pair.some(Boolean) && pair.every((m) => !m || ONLY_MARKS.test(m)) ? pair : ['', ''];
  };
  // A closed shadow root, which the main world cannot reach, as observe() hands it over (by CDP).
  const rootOf = (n) => n.shadowRoot || n[CLOSED_ROOT] || null;
  // One element per printed line (a PDF converted to HTML, OCR text), beside others like it: a
  // line break, which may or may not end a paragraph, as the content script reads such lines.
  const onlyInline = (el) => [...el.querySelectorAll('*')].every((c) => {
    const d = getComputedStyle(c).display;
    return d.startsWith('inline') || d === 'contents' || d === 'none';
  });
  const unwrapped = (el, style) => /^(nowrap|pre)$/.test(style.whiteSpace) && onlyInline(el);
  const printedLine = (el, style) => unwrapped(el, style) && [el.previousElementSibling, el.nextElementSibling]
    .some((s) => !!s && s.tagName === el.tagName && unwrapped(s, getComputedStyle(s)));
  // A speaker's label in the first of a row's two cells ('Q:' | the question) is read on one line
  // with the turn beside it, as the content script reads it: a space between them, no block boundary.
  const LABEL_CELL = /^([\p{L}][\p{L}.'’ -]{0,30}:|Q|A)$/u;
  const labelCell = (el, style) => (el.tagName === 'DT' ? el.nextElementSibling?.tagName === 'DD'
    : style.display === 'table-cell' && !el.previousElementSibling && !!el.nextElementSibling && !el.nextElementSibling.nextElementSibling)
    && el.childElementCount <= 1 && LABEL_CELL.test(el.textContent.trim());
  const preformatted = (el) => !!el && /^(pre|break-spaces)/.test(getComputedStyle(el).whiteSpace);
  const visitChildren = (node) => { for (let n = node.firstChild; n; n = n.nextSibling) visit(n); };
  const visit = (n) => {
    if (n.nodeType === 3) {
      // Text set in a zero font size draws nothing (anti-copying noise inside a sentence).
      // Nor does text drawn in its own box's background colour (a skeleton loader's placeholder).
      const own = n.parentElement && getComputedStyle(n.parentElement);
      if (own && (parseFloat(own.fontSize) === 0 || (own.color === own.backgroundColor && !/^(transparent|rgba\(.*,\s*0\))$/.test(own.color)))) return;
      starts.set(n, text.length);
      order.push(n);
      text += preformatted(n.parentElement) ? n.data.replace(/\n/g, '\u2028') : n.data;
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = n.tagName.toUpperCase();
    if (SKIP.has(tag) || noteRef(n, tag)) return;
    if (tag === 'BR') { text += '\u2028'; return; }
    if (tag === 'SLOT') {
      const assigned = n.assignedNodes();
      if (assigned.length) assigned.forEach(visit); else visitChildren(n);
      return;
    }
    const style = getComputedStyle(n);
    if (style.display === 'none' || style.visibility === 'hidden' || clippedAway(style) || marginMark(n, style)) return;
    const initial = style.float !== 'none' && n.textContent.trim().length <= 3;
    const label = labelCell(n, style);
    const prev = n.previousElementSibling;
    const turn = !label && (style.display === 'table-cell' || tag === 'DD') && !!prev && labelCell(prev, getComputedStyle(prev));
    // A <ruby> (display: ruby) sits in its line like any inline box.
    const block = !initial && !label && !/^(inline|ruby)/.test(style.display) && style.display !== 'contents';
    const line = block && printedLine(n, style);
    // A column of such lines: a paragraph may run on from one column into the next.
    const column = block && !!n.firstElementChild && [...n.children].every((c) => printedLine(c, getComputedStyle(c)));
    if (block && !column && !turn) text += line ? '\u2028' : '\u2029';
    const marks = tag === 'Q' ? [drawn(n, '::before'), drawn(n, '::after')] : block ? ['', ''] : drawnMarks(n);
    text += marks[0];
    const root = rootOf(n);
    if (root) visitChildren(root); else visitChildren(n);
    text += marks[1];
    if (block && !line && !column) text += '\u2029';
    if (label) text += ' ';
  };
  visit(document.documentElement);
"""

READ_PAGE_TEXT = "() => {" + _PAGE_TEXT + "  return text;\n}"

# Every claimlight highlight as its text and the page text around it.
READ_HIGHLIGHTS = "(context) => {" + _PAGE_TEXT + r"""
  const offsetOf = (container, offset) => {
    if (container.nodeType === 3) {
      const s = starts.get(container);
      return s === undefined ? null : s + offset;
    }
    const probe = container.ownerDocument.createRange();
    try { probe.setStart(container, offset); } catch { return null; }
    for (const t of order) {
      try { if (probe.comparePoint(t, 0) >= 0) return starts.get(t); } catch { /* another tree */ }
    }
    return text.length;
  };
  const out = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('claimlight-')) continue;
    const category = name.slice('claimlight-'.length).split('-')[0];  // claimlight-<category>-<random suffix>
    for (const r of h) {
      const s = offsetOf(r.startContainer, r.startOffset);
      const e = offsetOf(r.endContainer, r.endOffset);
      if (s === null || e === null || e < s) {
        const live = document.createRange(); live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset);
        out.push({ category, text: live.toString(), before: '', after: '' }); continue;
      }
      out.push({ category, text: text.slice(s, e), before: text.slice(Math.max(0, s - context), s), after: text.slice(e, e + context) });
    }
  }
  return out;
}"""

# Is some region of the page still loading, as it says (a skeleton loader's aria-busy)?
STILL_LOADING = "() => !!document.querySelector('[aria-busy=true]')"

# Scrolls to the end in steps, as a reader does, so scroll-triggered loading happens.
SCROLL_THROUGH = """async () => {
  const el = document.scrollingElement || document.documentElement;
  for (let y = 0; y < el.scrollHeight; y += Math.max(200, innerHeight / 2)) {
    scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 60));
  }
  scrollTo(0, el.scrollHeight);
}"""

FIND_TAB = """async (url) => {
  for (const t of await chrome.tabs.query({})) {
    const state = await chrome.tabs.sendMessage(t.id, { type: '%s' }, { frameId: 0 }).catch(() => null);
    if (state && state.url === url) return t.id;
  }
  return null;
}""" % GET_PAGE_STATE

ASK_TAB = """([tab, type]) => chrome.tabs.sendMessage(tab, { type }, { frameId: 0 }).catch((e) => ({ error: String(e) }))"""


@dataclass(frozen=True)
class Timing:
    """How long to watch a page. The minimum lets timers and scroll-triggered loading fire and the
    content script's change debounce (up to 2 s) run; `settle` is how long nothing may change."""

    minimum_s: float = 4.0
    settle_s: float = 1.5
    timeout_s: float = 60.0
    poll_s: float = 0.25
    context_chars: int = 120


# The property on a shadow host through which the readers above reach its closed shadow root.
_CLOSED_ROOT = "__claimlightClosedShadowRoot"


def expose_closed_shadow_roots(page) -> int:
    """Hands every closed shadow root of the page to the main world, on its host, so that the
    readers above see what a reader sees there (the content script opens such roots itself, with
    chrome.dom; the page's own world cannot). Done through the DevTools protocol, which reaches
    every tree. Returns how many roots were handed over; 0 where the protocol is not to be had."""
    try:
        cdp = page.context.new_cdp_session(page)
    except Exception:  # not Chromium
        return 0
    try:
        root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        closed, stack = [], [root]
        while stack:
            node = stack.pop()
            for shadow in node.get("shadowRoots", []):
                if shadow.get("shadowRootType") == "closed":
                    closed.append(shadow["backendNodeId"])
                stack.append(shadow)
            stack.extend(node.get("children", []))
        for backend in closed:
            remote = cdp.send("DOM.resolveNode", {"backendNodeId": backend})["object"]
            cdp.send("Runtime.callFunctionOn", {"objectId": remote["objectId"],
                                                "functionDeclaration": f"function () {{ this.host.{_CLOSED_ROOT} = this; }}"})
        return len(closed)
    finally:
        cdp.detach()


def page_texts(page) -> list[str]:
    """The visible text of the page and of each of its frames that can be read."""
    texts = []
    for frame in page.frames:
        try:
            texts.append(frame.evaluate(READ_PAGE_TEXT))
        except Exception:  # a cross-origin or vanished frame
            continue
    return texts


def _analysed(worker, tab: int) -> dict | None:
    state = worker.evaluate(ASK_TAB, [tab, GET_ANALYSED_TEXT])
    return state if isinstance(state, dict) and "blocks" in state else None


def _highlights(page, context_chars: int) -> list[Highlight]:
    found: list[Highlight] = []
    for frame in page.frames:
        try:
            raw = frame.evaluate(READ_HIGHLIGHTS, context_chars)
        except Exception:  # a frame that went away or cannot be read: nothing of ours to count there
            continue
        found.extend(Highlight(h["category"], h["text"], h["before"], h["after"]) for h in raw)
    return found


def _signature(state: dict, highlights: int) -> tuple:
    blocks = state.get("blocks", [])
    return (state.get("active"), state.get("pending"), len(blocks), sum(b["done"] for b in blocks), highlights)


class _Watch:
    """One tab being watched until its analysis settles: `step` takes one look, `result` reads what
    the extension did and closes the tab. Several can be stepped in turn (`observe_many`)."""

    def __init__(self, context, worker, url: str, timing: Timing, read_visible: bool):
        self.worker, self.timing, self.read_visible = worker, timing, read_visible
        self.page = context.new_page()
        self.tab: int | None = None
        self.state: dict | None = None
        self.last: tuple | None = None
        self.timed_out = True
        try:
            self.page.goto(url, wait_until="load")
            self.opened = time.monotonic()
            self.page.evaluate(SCROLL_THROUGH)
        except BaseException:
            self.page.close()
            raise
        self.stable_since = time.monotonic()

    def step(self) -> bool:
        """One look at the tab; True once it has settled or the time is up."""
        timing, page, worker = self.timing, self.page, self.worker
        if time.monotonic() - self.opened >= timing.timeout_s:
            return True
        if self.tab is None:
            self.tab = worker.evaluate(FIND_TAB, page.url)
            if self.tab is None:
                return False  # the content script has not started yet
        self.state = _analysed(worker, self.tab) or self.state
        if self.state is None:
            return False
        now = time.monotonic()
        # A region saying it is still loading (aria-busy, a skeleton loader's) is waited for, as
        # a reader waits, and the settling counts from when it has loaded.
        busy = now - self.opened < timing.timeout_s / 2 and bool(page.evaluate(STILL_LOADING))
        signature = (*_signature(self.state, len(_highlights(page, 0))), busy)
        if signature != self.last:
            self.last, self.stable_since = signature, now
        settled = (not self.state.get("active") or self.state.get("pending") == 0) and not busy
        if settled and now - self.stable_since >= timing.settle_s and now - self.opened >= timing.minimum_s:
            self.timed_out = False
            return True
        return False

    def result(self) -> Observation:
        try:
            state, page = self.state, self.page
            if state is None:
                return Observation(active=False, is_article=False, timed_out=True, error="the content script never answered")
            expose_closed_shadow_roots(page)
            return Observation(
                active=bool(state.get("active")) and not state.get("forced"),
                is_article=bool(state.get("isArticle")),
                blocks=[b["text"] for b in state.get("blocks", [])] if state.get("active") else [],
                highlights=_highlights(page, self.timing.context_chars),
                timed_out=self.timed_out,
                first_look=list(state.get("firstLook") or []),
                visible=page_texts(page) if self.read_visible else [],
            )
        finally:
            self.page.close()

    def close(self) -> None:
        if not self.page.is_closed():
            self.page.close()


def observe(context, worker, url: str, timing: Timing = Timing(), read_visible: bool = False) -> Observation:
    """Opens `url` in a new tab of `context` (a browser with the extension loaded, talking to a
    daemon), waits for the analysis to settle and reports what the extension did. Closes the tab.
    With `read_visible`, the page's visible text once settled (`page_texts`) comes too: a check of
    the page itself can then share this page load instead of opening the page again."""
    return observe_many(context, worker, [url], timing, read_visible, tabs=1)[url]


def observe_many(context, worker, urls: list[str], timing: Timing = Timing(), read_visible: bool = False,
                 tabs: int = 4) -> dict[str, Observation]:
    """`observe` on each of `urls`, up to `tabs` of them open at once, each tab watched as `observe`
    watches its one. Watching a page is mostly waiting (its timers, the content script's debounce,
    the quiet spell), so tabs side by side share that wait; the browser runs every tab as a
    foreground one (Playwright turns off background throttling), so each is read as it would be alone."""
    queue = list(dict.fromkeys(urls))
    watching: dict[str, _Watch] = {}
    seen: dict[str, Observation] = {}
    try:
        while queue or watching:
            while queue and len(watching) < max(1, tabs):
                url = queue.pop(0)
                watching[url] = _Watch(context, worker, url, timing, read_visible)
            time.sleep(timing.poll_s)
            for url, watch in list(watching.items()):
                if watch.step():
                    del watching[url]
                    seen[url] = watch.result()
    finally:
        for watch in watching.values():
            watch.close()
    return seen
