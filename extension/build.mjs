// Builds the unpacked extension into dist/: bundles the five entry points with esbuild
// (Readability included), copies the static files and draws the icons.
// `node build.mjs --watch` rebuilds on change.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { drawIcon } from "./scripts/icons.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const watch = process.argv.includes("--watch");
const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));

function writeStatic() {
  mkdirSync(join(dist, "icons"), { recursive: true });
  cpSync(join(here, "static"), dist, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(here, "static", "manifest.json"), "utf8"));
  manifest.version = pkg.version;
  writeFileSync(join(dist, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  for (const size of [16, 32, 48, 128]) writeFileSync(join(dist, "icons", `icon-${size}.png`), drawIcon(size));
}

const options = {
  entryPoints: {
    background: join(here, "src/background/index.js"),
    content: join(here, "src/content/index.js"),
    early: join(here, "src/content/early.js"),
    popup: join(here, "src/popup/popup.js"),
    sidepanel: join(here, "src/panel/panel.js"),
  },
  outdir: dist,
  bundle: true,
  format: "iife",
  target: "chrome116",
  // Readable output: the Chrome Web Store reviews it, and users can read what runs on their pages.
  minify: false,
  legalComments: "inline",
  logLevel: "warning",
  // Readability's CommonJS export checks `typeof module`; nothing else needs Node shims.
  platform: "browser",
};

rmSync(dist, { recursive: true, force: true });
writeStatic();
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log("watching src/ (static/ is copied at start only)");
} else {
  await esbuild.build(options);
  console.log(`built ${dist}`);
}
