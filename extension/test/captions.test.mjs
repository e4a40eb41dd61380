import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { captionProse, captionsCarryStory, isCaptionElement, isProseCaption } from "../src/content/captions.js";
import { buildText, slicePieces } from "../src/content/offsets.js";

const prose = (text) => {
  const [s, e] = captionProse(text);
  return text.slice(s, e);
};

test("a caption's prose is its text without its counter and its credit", () => {
  assert.equal(prose("1/5 At dawn the herd leaves the hut. Photograph: Ann Lee for the Courier"), "At dawn the herd leaves the hut.");
  assert.equal(prose("Photo 3 of 12: Ferries wait at the quay. (Photo: EAW/Hajara Nsubuga)"), "Ferries wait at the quay.");
  assert.equal(prose("The quay at night. Picture: Tom Fry © Courier"), "The quay at night.");
  assert.equal(prose("The quay at night. © 2025 Harbour Pictures"), "The quay at night.");
  // Numbers and colons of the story itself stay.
  assert.equal(prose("In 2024, 3 of 5 boats stayed in port: “We lost the season,” she said."), "In 2024, 3 of 5 boats stayed in port: “We lost the season,” she said.");
  assert.equal(prose("Photograph: Ann Lee"), "");
});

test("running prose, not a label: several sentences or someone's words", () => {
  assert.equal(isProseCaption("Johann Pointner, 71, checks the bells before dawn at the summer hut above the village."), false);
  assert.equal(isProseCaption("Johann Pointner checks the bells before dawn. He has made the descent every year since he was nine."), true);
  assert.equal(isProseCaption("Johann Pointner at the hut: “The cows know the way better than I do now,” he said."), true);
  assert.equal(isProseCaption("Crowds. Cows. Bells."), false); // too few words to be more than a label
});

test("captions carry the story when most are prose and they outweigh the paragraphs", () => {
  const long = "Anna Pointner walks at the back of the herd with her stick. She came home from Vienna for the weekend.";
  const label = "Anna Pointner at the festival in Hallstatt on Sunday.";
  assert.equal(captionsCarryStory([long, long, long], 200), true);
  assert.equal(captionsCarryStory([long, long, long], 2000), false); // an illustrated story
  assert.equal(captionsCarryStory([long, long], 10), false); // two pictures are no essay
  assert.equal(captionsCarryStory([label, label, label, label, label, label], 10), false); // a gallery's labels
  assert.equal(captionsCarryStory([long, long, long, label, label, label], 10), false);
  assert.equal(captionsCarryStory([long, long, long, "", ""], 200), true); // pictures without captions do not count
});

test("caption elements by tag, role, microdata and name; not when named for something else too", () => {
  const { document } = new JSDOM(`<figure id=a></figure><figcaption id=b></figcaption><div id=c role=figure></div>
    <div id=d itemprop=caption></div><div id=e class="gallery-item"></div><div id=f class="caption-credit"></div>
    <aside id=g class="gallery"></aside><div id=h class="photo-byline"></div><div id=i class="paragraph"></div>`).window;
  const is = (id) => isCaptionElement(document.getElementById(id));
  assert.deepEqual(["a", "b", "c", "d", "e"].map(is), [true, true, true, true, true]);
  assert.deepEqual(["f", "g", "h", "i"].map(is), [false, false, false, false]);
});

test("a block's pieces sliced to part of its text build exactly that part", () => {
  const n = (data) => ({ data });
  const pieces = [{ node: n("  1/5 ") }, { node: n("At dawn the herd\n leaves. ") }, { br: true }, { node: n("“Go,” he said. ") }, { node: n("Photograph: Ann Lee") }];
  const { text, entries } = buildText(pieces);
  const [s, e] = captionProse(text);
  const sliced = slicePieces(pieces, entries, s, e);
  assert.equal(buildText(sliced).text, "At dawn the herd leaves. “Go,” he said.");
  assert.equal(sliced[0].node, pieces[1].node);
  assert.deepEqual(slicePieces(pieces, entries, 3, 3), []);
});

test("a credit is a word of its own: a telephoto lens is not a photo credit", () => {
  assert.equal(prose("Shot on a telephoto: a lens the size of a loaf"), "Shot on a telephoto: a lens the size of a loaf");
});
