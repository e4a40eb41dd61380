import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { cutBlocks } from "../src/content/blocks.js";
import { Rendering } from "../src/content/rendering.js";
import { buildText, locate } from "../src/content/offsets.js";

/** Every visible text of `html`'s body, cut into blocks as the extension cuts an article. */
function cut(html) {
  const { document } = new JSDOM(`<!doctype html><html><head><style>x-para, story-paragraph { display: block }</style></head><body>${html}</body></html>`).window;
  const r = new Rendering();
  const blocks = cutBlocks(document.body, { keep: (t) => r.isVisibleText(t), lookOf: (el) => r.lookOf(el), skip: () => false });
  return blocks.map((b) => ({ ...b, ...buildText(b.pieces) }));
}
const texts = (html) => cut(html).map((b) => b.text);

test("block-level elements cut, inline ones do not; <br> is a space", () => {
  assert.deepEqual(texts(`<div>First <b>bold</b> and <a href=#>a link</a><div>second</div>third<br>fourth</div><p>Next</p>`), [
    "First bold and a link",
    "second",
    "third fourth",
    "Next",
  ]);
});

test("runs of <br> split text in a table cell into paragraphs", () => {
  const html = `<table><tr><td><font><b>By A. Writer</b><br><i>Staff</i><br><br>
    RIDGEFORD - First paragraph, which goes on.<BR><BR>
    "A quote," he said.<br><br><br>Last one.</font></td><td>Other cell</td></tr></table>`;
  // A line all in bold ended by a <br> is a line of its own (a heading line), not a paragraph's start.
  assert.deepEqual(texts(html), ["By A. Writer", "Staff", "RIDGEFORD - First paragraph, which goes on.", '"A quote," he said.', "Last one.", "Other cell"]);
});

test("blank lines split preformatted text, and a wire credit line stands alone", () => {
  const html = `<pre>\nHAMBURG, Nov 12 (Wire) - The port will fine\nshipping lines, the city said.\n\n"Ships," said Ulrike Brandes. "Are\nparked here."\n(Reporting by Katrin Vogel; editing by Martin O)\n</pre>`;
  const blocks = cut(html);
  assert.deepEqual(blocks.map((b) => b.text), [
    "HAMBURG, Nov 12 (Wire) - The port will fine shipping lines, the city said.",
    '"Ships," said Ulrike Brandes. "Are parked here."',
    "(Reporting by Katrin Vogel; editing by Martin O)",
  ]);
  // The three blocks share one text node; each maps back to exactly its own characters.
  const node = blocks[0].entries[0].node;
  for (const b of blocks) {
    assert.equal(b.entries.length, 1);
    assert.equal(b.entries[0].node, node);
    const a = locate(b.entries, 0, "start");
    const z = locate(b.entries, b.text.length, "end");
    assert.equal(node.data.slice(a.offset, z.offset).replace(/\s+/g, " "), b.text);
  }
});

test("sections of spans, custom elements and <div>s are paragraphs; words in split spans stay apart", () => {
  const html = `<section><span>‘We are not going anywhere,’ said </span><span>Beatrice Okonkwo</span><span>, 71.</span></section>
    <section><span>Two</span> <span>words</span></section>
    <story-paragraph>A custom element styled as a block.</story-paragraph><story-paragraph>Another.</story-paragraph>
    <div><span style="font-family: serif"><font size=3>Blog editor text.</font></span></div><div><span><font><br></font></span></div>
    <ul><li>Item one</li><li>Item two</li></ul>`;
  assert.deepEqual(texts(html), [
    "‘We are not going anywhere,’ said Beatrice Okonkwo, 71.",
    "Two words",
    "A custom element styled as a block.",
    "Another.",
    "Blog editor text.",
    "Item one",
    "Item two",
  ]);
});

test("hidden text is not cut: display:none, visibility:hidden, screen-reader-only; visible aria-hidden text is", () => {
  const html = `<p>Shown <span style="display:none">gone</span>text<span style="visibility:hidden"> invisible</span>.</p>
    <div style="display:none"><p>Paywalled continuation.</p></div>
    <p><span aria-hidden="true">T</span>he drop cap<span style="position:absolute; width:1px; height:1px; overflow:hidden; clip: rect(0 0 0 0)">The</span>.</p>
    <p hidden>Hidden paragraph.</p><script>var x = "code";</script>`;
  assert.deepEqual(texts(html), ["Shown text.", "The drop cap."]);
});

test("a furniture heading takes its section with it, up to the next heading of its level", () => {
  const html = `<div><p>Story paragraph one.</p><p>Story paragraph two.</p>
    <h2>Readers’ comments (2)</h2><p><b>anna</b> wrote: “Quoted again.”</p><p><b>bo</b> wrote: nice.</p>
    <h2>Reactions from the region</h2><p>A real subsection of the story.</p>
    <div class="x"><h3>More on this story</h3></div><p><a href="#">A related link</a></p>
    <h3>Rebuilding</h3><p>Another part of the story.</p></div>`;
  assert.deepEqual(texts(html), [
    "Story paragraph one.",
    "Story paragraph two.",
    "Reactions from the region",
    "A real subsection of the story.",
    "Rebuilding",
    "Another part of the story.",
  ]);
});

test("a line all in bold heads a section on pages without heading elements; bold words in a line do not", () => {
  const html = `<table><tr><td><font>Story paragraph one, long enough.</font></td></tr><tr><td><font>Story paragraph two.</font></td></tr>
    <tr><td><font><b>Reader Comments</b></font></td></tr><tr><td><font><b>mum82</b> wrote: “Quoted again.”</font></td></tr></table>
    <p>The council said <b>Comments</b> would be read.</p><p><span><b>Related</b></span> costs rose.</p>`;
  assert.deepEqual(texts(html), ["Story paragraph one, long enough.", "Story paragraph two.", "The council said Comments would be read.", "Related costs rose."]);
});

test("a closed <details> shows only its summary; an open one shows all; content-visibility: hidden skips contents", () => {
  const html = `<p>Before.</p><details><summary>What is it?</summary><div><p>A hidden answer, “quoted,” she said.</p></div>Loose hidden text.</details>
    <details open><summary>Open question?</summary><p>A shown answer.</p></details>
    <div style="content-visibility: hidden"><p>Until found.</p></div><p>After.</p>`;
  assert.deepEqual(texts(html), ["Before.", "What is it?", "Open question?", "A shown answer.", "After."]);
});

test("footnote references are pointers, not words: left out of the paragraph around them", () => {
  const html = `<p>The law passed in 2026.<sup class="fn"><a href="#fn1">1</a></sup> It sets no fine.<a href="#note-2"><sup>[2]</sup></a></p>
    <p>Water is H<sub>2</sub>O and area is m<sup>2</sup>; see <sup><a href="https://example.org/">source</a></sup> and <a role="doc-noteref" href="#n3">3</a>.</p>`;
  assert.deepEqual(texts(html), ["The law passed in 2026. It sets no fine.", "Water is H2O and area is m2; see source and ."]);
});

test("a note mark raised by its style, not a <sup> (a newsletter's footnote anchor), is a pointer; a plain linked number is a word", () => {
  const html = `<p>Donations pay for fuel.<a class="footnote-anchor" href="#footnote-2" style="vertical-align: super">2</a> Most riders walk on.</p>
    <p>See chapter <a href="#ch-3">3</a> of the report.</p>`;
  assert.deepEqual(texts(html), ["Donations pay for fuel. Most riders walk on.", "See chapter 3 of the report."]);
});

test("a ruby's reading (<rt>) and its fallback parentheses (<rp>) are not words of the sentence", () => {
  const html = `<p>The last of 300 <ruby>提灯<rp>(</rp><rt>chōchin</rt><rp>)</rp></ruby> lanterns, and <ruby>和紙<rt>washi</rt></ruby> paper.</p>`;
  assert.deepEqual(texts(html), ["The last of 300 提灯 lanterns, and 和紙 paper."]);
});

test("a line all in bold naming furniture ('Reader Comments') opens its section: what follows it in its element is left out", () => {
  const html = `<td><font><p>The council voted to keep the elevator.</p><hr><font><b>Reader Comments</b><br>"About time." - posted by reader58<br><br>"Good news." - posted by jm</font></font></td>
    <div><b>Mill fire</b><br>Posted Friday<br><br>The mill burned down overnight.</div>`;
  assert.deepEqual(texts(html), ["The council voted to keep the elevator.", "Mill fire", "Posted Friday", "The mill burned down overnight."]);
});

test("a print view's bracketed note numbers ('[1]' after a link) are pointers even without a link; a power is not", () => {
  const html = `<p>It goes to the <a href="https://example.org/report">council's report</a><sup class="ref">[1]</sup>, the mayor said.</p><p>An area of 20 m<sup>2</sup>.</p>`;
  assert.deepEqual(texts(html), ["It goes to the council's report, the mayor said.", "An area of 20 m2."]);
});

test("a box collapsed to no height that clips its contents (a closed language tab) shows nothing; a padded or unclipped one does", () => {
  const html = `<p>English text.</p><div style="height: 0px; overflow-y: hidden"><p>Texto en español.</p></div>
    <div style="height: 0px; overflow-y: visible"><p>Spills out.</p></div><div style="height: 0px; overflow-y: hidden; padding-top: 10px"><p>Padded.</p></div>`;
  assert.deepEqual(texts(html), ["English text.", "Spills out.", "Padded."]);
});

test("an <hr> parts the text around it, though the browser draws it as a box collapsed to no height", () => {
  const html = `<font>Home | News | Sport</font><hr style="height: 0px; overflow: hidden"><font>The story begins here.</font>`;
  assert.deepEqual(texts(html), ["Home | News | Sport", "The story begins here."]);
});

test("a line all in bold ended by a <br> is a line of its own; bold words inside a line are not", () => {
  const html = `<font><b>Mill fire: owners will rebuild</b></font><br><font>Posted Friday by the staff</font><br><br>
    The <b>owners</b> said<br>on Thursday they would rebuild.`;
  assert.deepEqual(texts(html), ["Mill fire: owners will rebuild", "Posted Friday by the staff", "The owners said on Thursday they would rebuild."]);
});

test("a hidden box out of the flow (a term's definition shown on hover) neither adds text nor parts the sentence around it", () => {
  // (A browser computes display: block for a positioned box; jsdom does not, so it is set here.)
  const tip = (style) => `<span style="display:block;position:absolute;${style}">A railway on a steep slope, “balanced” by two cars.</span>`;
  assert.deepEqual(texts(`<p>“It is a <span>funicular${tip("visibility:hidden")}</span>, so one car moves the other,” she said.</p>`), [
    "“It is a funicular, so one car moves the other,” she said.",
  ]);
  // Shown, it is a box of its own; hidden in the flow, it still takes its place (a blank line).
  assert.deepEqual(texts(`<p>It is a <span>funicular${tip("")}</span>, so.</p>`), ["It is a funicular", "A railway on a steep slope, “balanced” by two cars.", ", so."]);
  assert.deepEqual(texts(`<p>It is a <span style="display:block;visibility:hidden">gap</span> so.</p>`), ["It is a", "so."]);
});

test("a paragraph's number set in the margin and its permalink mark are no words of it", () => {
  const p = (n, text) => `<p id="p${n}" style="position: relative"><span style="position: absolute; left: -30px">${n}</span>${text}<a href="#p${n}">¶</a></p>`;
  assert.deepEqual(texts(p(1, "The ferries will switch to electric motors.") + p(2, "“You will hear the gulls,” said a skipper.")), [
    "The ferries will switch to electric motors.",
    "“You will hear the gulls,” said a skipper.",
  ]);
  // A mark linking elsewhere, or a number in the flow, stays text.
  assert.deepEqual(texts(`<p id="a">See section <a href="#b">§</a> and <span>3</span> more.</p>`), ["See section § and 3 more."]);
});

test("a box blurred past reading inside the story is not its text; a light blur is", () => {
  const html = `<div><p>The board put off the vote.</p><div style="filter: blur(6px)"><p>Parents who spoke were divided.</p></div>` +
    `<div style="filter: blur(1px)"><p>A soft-focus line.</p></div></div>`;
  assert.deepEqual(texts(html), ["The board put off the vote.", "A soft-focus line."]);
});

test("an editor's struck-out words (<del>) are not read; the <ins> correcting them is", () => {
  assert.deepEqual(texts(`<p>“The lane stays in place <del>every day</del> <ins>on weekdays</ins>, when the buses need it.”</p>`), [
    "“The lane stays in place on weekdays, when the buses need it.”",
  ]);
});

test("a <dt> speaker's label ('Q:', 'Name:') is read with the <dd> turn after it; a term that is no label stays apart", () => {
  const blocks = cut(`<dl><dt>Q:</dt><dd>Why these two pools?</dd><dt>Okafor:</dt><dd>Because their roofs are failing.</dd></dl>
    <dl><dt>What did you feel on the first morning?</dt><dd>Mostly nervous.</dd></dl>`);
  assert.deepEqual(blocks.map((b) => b.text), ["Q: Why these two pools?", "Okafor: Because their roofs are failing.", "What did you feel on the first morning?", "Mostly nervous."]);
  assert.deepEqual(blocks.slice(0, 2).map((b) => b.el.localName), ["dt", "dt"], "a turn is its label's block");
});
