// The extension's side of the contract with the daemon. fixtures/daemon-contract.json is
// what the daemon defines (its own tests compare it with claimlight's constants); these
// tests compare it with the extension's, so the two sides cannot drift apart unnoticed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { CATEGORIES, CATEGORY_IDS, PRIORITY } from "../src/shared/categories.js";
import { PALETTES } from "../src/shared/colour.js";
import {
  BLOCK_SEPARATOR,
  DEFAULT_PORT,
  ERROR,
  ERROR_CODES,
  PARTIAL_STAGE,
  PROTOCOL_VERSION,
  REPLY,
  REQUEST,
  SUBPROTOCOL,
  TOKEN_SUBPROTOCOL_PREFIX,
  analyzeMessage,
  cancelMessage,
  isRetryable,
  pingMessage,
  subprotocols,
} from "../src/shared/protocol.js";
import { normalizeSettings } from "../src/shared/settings.js";
import { layout } from "../src/content/results.js";
import { QUOTE_RULES, earlyQuotes } from "../src/content/quotescan.js";

const contractText = readFileSync(new URL("fixtures/daemon-contract.json", import.meta.url), "utf8");
const contract = JSON.parse(contractText);
const manifest = JSON.parse(readFileSync(new URL("../static/manifest.json", import.meta.url), "utf8"));

const sorted = (xs) => [...xs].sort();

test("the contract has no field this side does not check", () => {
  // A field the daemon adds to the contract must get a check here too.
  const checked = [
    "protocol_version",
    "categories",
    "block_separator",
    "subprotocol",
    "token_subprotocol_prefix",
    "default_port",
    "extension_id",
    "client_message_types",
    "server_message_types",
    "partial_stages",
    "error_codes",
    "early_quotes",
  ];
  assert.deepEqual(sorted(Object.keys(contract)), sorted(checked));
});

test("the contract file is in the form both sides write it: 2-space JSON, final newline", () => {
  // Python's json.dumps(indent=2) and JSON.stringify(…, null, 2) agree on this form, so
  // either side can regenerate the file and the other sees no spurious difference.
  assert.equal(contractText, JSON.stringify(contract, null, 2) + "\n");
});

test("protocol version: the one every message carries", () => {
  assert.equal(PROTOCOL_VERSION, contract.protocol_version);
  for (const msg of [analyzeMessage({ id: "a", url: "", title: "", blocks: [], stream: false }), cancelMessage("a"), pingMessage("a")]) {
    assert.equal(msg.v, contract.protocol_version);
  }
});

test("categories: the same set, each with a label, a priority and both palettes' colours", () => {
  // The order differs on purpose: the popup lists them in reading order.
  assert.deepEqual(sorted(CATEGORY_IDS), sorted(contract.categories));
  for (const id of contract.categories) {
    assert.ok(CATEGORIES.find((c) => c.id === id)?.label, id);
    assert.equal(typeof PRIORITY[id], "number", id);
    assert.ok(PALETTES.light[id] && PALETTES.dark[id], id);
  }
});

test("block separator: the one results are laid out with", () => {
  assert.equal(BLOCK_SEPARATOR, contract.block_separator);
  const lay = layout([{ hash: "a", text: "One." }, { hash: "b", text: "Two." }]);
  assert.equal(lay[1].start, "One.".length + contract.block_separator.length);
});

test("subprotocols: the one the daemon selects, and the token's prefix", () => {
  assert.equal(SUBPROTOCOL, contract.subprotocol);
  assert.equal(TOKEN_SUBPROTOCOL_PREFIX, contract.token_subprotocol_prefix);
  assert.deepEqual(subprotocols("secret"), [contract.subprotocol, `${contract.token_subprotocol_prefix}secret`]);
});

test("default port: the one settings fall back to", () => {
  assert.equal(DEFAULT_PORT, contract.default_port);
  assert.equal(normalizeSettings().daemonPort, contract.default_port);
});

test("extension id: the one the manifest key pins", () => {
  // Chrome derives an extension's id from its public key: the first 128 bits of the
  // SHA-256 of the DER key, each hex digit 0-f written as a letter a-p.
  const digest = createHash("sha256").update(Buffer.from(manifest.key, "base64")).digest("hex").slice(0, 32);
  const id = [...digest].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
  assert.equal(id, contract.extension_id);
});

test("message types: those the extension sends and those it reads", () => {
  assert.deepEqual(sorted(Object.values(REQUEST)), sorted(contract.client_message_types));
  assert.deepEqual(sorted(Object.values(REPLY)), sorted(contract.server_message_types));
  assert.deepEqual(sorted(Object.values(PARTIAL_STAGE)), sorted(contract.partial_stages));
  const built = [analyzeMessage({ id: "a", url: "", title: "", blocks: [], stream: false }), cancelMessage("a"), pingMessage("a")];
  assert.deepEqual(sorted(built.map((m) => m.type)), sorted(contract.client_message_types));
});

test("error codes: the same set; the retryable ones are among them", () => {
  assert.deepEqual(sorted(ERROR_CODES), sorted(contract.error_codes));
  assert.deepEqual(sorted(Object.keys(ERROR)), sorted(contract.error_codes));
  const retryable = contract.error_codes.filter(isRetryable);
  assert.deepEqual(retryable, ["busy"]);
  assert.equal(isRetryable("no_such_code"), false);
});

test("early quotes: the page's scanner reads the daemon's rules", () => {
  // tests/test_quotescan.py runs both scanners on the same texts; this says the rules are the same.
  assert.deepEqual(JSON.parse(JSON.stringify(QUOTE_RULES)), contract.early_quotes);
  const text = "“We will not let the bridge fall,” the mayor said.";
  assert.deepEqual(earlyQuotes(text).map((s) => [s.start, s.end, s.quote_id]), [[0, 34, 1]]);
});
