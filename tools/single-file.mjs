// Makes the single-file build: one HTML page with the styles, the loader, the text agent and the app (wasm
// and content pack embedded by emcc -sSINGLE_FILE --embed-file) inlined, so that it opens by
// double-click from a USB stick or an email attachment, with no network.
// Usage: node tools/single-file.mjs <web-dir> <joinedup_single.js> <out.html>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [web, appJs, out] = process.argv.slice(2);
const inline = (text) => text.replace(/<\/script/gi, "<\\/script");  // keep the inlined JS from ending the tag
let page = readFileSync(join(web, "index.html"), "utf8");
const css = readFileSync(join(web, "style.css"), "utf8");
const loader = readFileSync(join(web, "loader.js"), "utf8");
const agent = readFileSync(join(web, "text-agent.js"), "utf8");
const app = readFileSync(appJs, "utf8");

page = page
  // A file:// page has no 'self' to speak of: inline code only, no network at all.
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src data:; object-src 'none'; base-uri 'none'; form-action 'none'">`)
  .replace(/<link rel="manifest"[^>]*>\n?/, "")
  .replace(/<link rel="icon"[^>]*>\n?/, "")
  .replace(/<link rel="stylesheet" href="style.css">/, () => `<style>\n${css}</style>`)
  .replace(/<p class="alt">[\s\S]*?<\/p>\n?/, "")
  // The text edition is not in this one file: no link to a folder that is not there, and the
  // canvas says where the edition is instead.
  .replace(/<a id="sr-link"[^>]*>[^<]*<\/a>\n?/, "")
  .replace(/<p id="canvas-help"[^>]*>[\s\S]*?<\/p>/, '<p id="canvas-help" class="sr-only">This app is drawn as a picture, which screen readers cannot read. ' +
    "This single-file copy does not include the text edition, which asks the same questions with ordinary form controls: " +
    "it is the folder text, beside index.html, on the site this file came from. " +
    "To leave the app with the keyboard, press Escape until nothing is selected, then Shift+Tab.</p>")
  .replace(/<script src="text-agent.js"><\/script>/, () => `<script>\n${inline(agent)}</script>`)
  .replace(/<script src="loader.js"><\/script>/, () =>
    `<script>window.JOINEDUP_SINGLE_FILE = true;</script>\n<script>\n${inline(loader)}</script>\n<script>\n${inline(app)}</script>`);
writeFileSync(out, page);
console.log(`${out}: ${(page.length / 1048576).toFixed(1)} MB, one file`);
