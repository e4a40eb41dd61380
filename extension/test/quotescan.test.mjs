// The page's own quotation-mark scanner. tests/test_quotescan.py checks that it finds what
// the daemon's finds on the seeds and on generated text; these say what it finds, by rule.

import { test } from "node:test";
import assert from "node:assert/strict";
import { earlyHead, earlyQuotes, earlyReply, findQuotations } from "../src/content/quotescan.js";

const quoted = (text) => earlyQuotes(text).map((s) => s.text);

test("quotations in every convention, read by the text around their marks", () => {
  assert.deepEqual(quoted("“We will not let it fall,” she said."), ["“We will not let it fall,”"]);
  assert.deepEqual(quoted('He said "this is the end of it" and left.'), ['"this is the end of it"']);
  assert.deepEqual(quoted("Sie sagte: „Wir bleiben hier bis morgen“."), ["„Wir bleiben hier bis morgen“"]);
  assert.deepEqual(quoted("Il a dit : « Nous restons ici demain » hier."), ["« Nous restons ici demain »"]);
  assert.deepEqual(quoted("Han sagde »vi bliver her i morgen« i går."), ["»vi bliver her i morgen«"]);
});

test("apostrophes are not quotation marks", () => {
  assert.deepEqual(quoted("It’s rock 'n' roll from the '90s, the states’ rights, O'Brien's view."), []);
  assert.deepEqual(quoted("She called it ‘the best night of the year’ in the end."), ["‘the best night of the year’"]);
});

test("what does not read as speech on its own waits for the analysis", () => {
  assert.deepEqual(quoted("The so-called “bridge tax” was dropped."), []); // two words
  assert.deepEqual(quoted("“Why?” she asked."), ["“Why?”"]); // a question
});

test("a quotation running over paragraphs is one quotation, in pieces", () => {
  const text = "“This is the start of it,\n\n“and this goes on to the end,” he said.";
  const spans = earlyQuotes(text);
  assert.equal(spans.length, 2);
  assert.equal(spans[0].quote_id, spans[1].quote_id);
  assert.equal(findQuotations(text)[0].closed, false);
});

test("offsets are UTF-16 units, characters are code points", () => {
  const text = "😀 “Emoji before the quote here,” he said.";
  const [span] = earlyQuotes(text);
  assert.equal(text.slice(span.start, span.end), "“Emoji before the quote here,”");
  assert.equal(findQuotations("“😀” and nothing else").length, 1); // one character quoted: a quotation, though no speech
});

test("the head is the blocks the daemon scans first", () => {
  const long = "a".repeat(15_000);
  assert.deepEqual(earlyHead([long, long]).blocks, 1);
  assert.equal(earlyHead(["one", "two"]).text, "one\n\ntwo");
  assert.equal(earlyHead(["😀".repeat(25_000)]).text.length, 40_000); // 20,000 code points
  const reply = earlyReply("s-1", ["“We will not let it fall,” she said.", long, long]);
  assert.deepEqual([reply.type, reply.stage, reply.blocks, reply.spans.length], ["partial", "quotes", [0, 2], 1]);
});
