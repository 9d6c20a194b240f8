// Screenshots of every view at a phone's sizes and a laptop's, for a person to look at
// (the brief: 320x640, 390x844 touch at 3x, 1280x800). Not a test: it asserts nothing.
// Usage: node tests/browser/screens.mjs <site-dir> <out-dir> [view ...]
// Views: boards, board:<id>, pound:<tab>, map, sources, tally, text (the text edition's index).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { startServer } from "../../tools/serve.mjs";

const site = resolve(process.argv[2] || "build-wasm/site");
const out = resolve(process.argv[3] || "build-wasm/screens");
const views = process.argv.slice(4).length ? process.argv.slice(4) : ["boards", "board:priorities", "board:pounds", "pound:overview", "map", "sources", "tally"];
mkdirSync(out, { recursive: true });
const sizes = [
  { name: "320", viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
  { name: "390", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
  { name: "1280", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];
const server = await startServer(site, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });

function actions(view) {
  const [v, arg] = view.split(":");
  if (v === "board") return [{ type: "set_view", view: "boards" }, { type: "open_board", board: arg }];
  if (v === "pound") return [{ type: "set_view", view: "pound" }, { type: "pound_tab", tab: arg }];
  return [{ type: "set_view", view: v }];
}

for (const size of sizes) {
  const { name, ...opts } = size;
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  for (const view of views) {
    if (view === "text") await page.goto(base + "text/index.html");
    else {
      await page.goto(base);
      await page.waitForFunction(() => window.joinedup && window.joinedup.ready, null, { timeout: 60000 });
      for (const a of actions(view)) await page.evaluate((x) => window.joinedup.dispatch(x), a);
      const f = await page.evaluate(() => window.joinedup.stats().frames);
      await page.mouse.move(1, 1);
      await page.waitForFunction((n) => window.joinedup.stats().frames > n + 1, f, { timeout: 10000 }).catch(() => {});
      await new Promise((r) => setTimeout(r, 400));
    }
    const file = join(out, `${view.replace(/[:/]/g, "-")}-${name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await context.close();
}
await browser.close();
server.close();
