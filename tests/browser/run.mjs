// Browser tests: Debian's Chromium, headless, driven by playwright-core, against the built
// site served on 127.0.0.1. Usage: node tests/browser/run.mjs <site-dir>
// Prints "ok"/"not ok" per test, then "N passed, N failed". Screenshots go to
// build-wasm/test-artifacts/.
import { chromium } from "playwright-core";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../tools/serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const site = resolve(process.argv[2] || join(here, "../../build-wasm/site"));
const artifacts = resolve(join(here, "../../build-wasm/test-artifacts"));
mkdirSync(artifacts, { recursive: true });

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-extensions"];

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(cond, msg) { if (!cond) throw new Error(msg); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await startServer(site, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const profiles = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });

// A fresh context (fresh storage) with console errors and every request recorded.
// touch: a phone or tablet (touch events, a coarse pointer, mobile viewport).
// bypassCSP: for injecting axe-core into pages whose policy allows only their own files.
async function openApp({ viewport = { width: 1280, height: 800 }, scale = 1, touch = false, before, storage, url = base, permissions,
  bypassCSP = false, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch, permissions, bypassCSP, javaScriptEnabled });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  if (storage) await context.addInitScript((s) => { if (!sessionStorage.getItem("seeded")) { sessionStorage.setItem("seeded", "1"); for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); } }, storage);
  if (before) await before(page, context);
  await page.goto(url);
  return { context, page, errors, requests };
}

async function ready(page, timeout = 30000) {
  await page.waitForFunction(() => window.joinedup && window.joinedup.ready, null, { timeout });
  await page.evaluate(() => window.joinedup.ready);
}

const dispatch = (page, action) => page.evaluate((a) => window.joinedup.dispatch(a), action);
const stats = (page) => page.evaluate(() => window.joinedup.stats());
const state = (page) => page.evaluate(() => window.joinedup.state());

// Waits until the app has rendered at least one frame after `since` frames.
async function rendered(page, since) {
  await page.waitForFunction((n) => window.joinedup.stats().frames > n, since, { timeout: 10000 });
  await sleep(300);
}

// The widget drawn with this label (or "##id"), from the app's widget probe:
// {label, id, x, y, w, h, visible} in CSS pixels. Tests click, tap and type where a person would.
async function widget(page, name) {
  await page.evaluate(() => window.joinedup.widgets());  // the probe records from the next frame
  for (let i = 0; i < 5; ++i) {
    const f = (await stats(page)).frames;
    await page.mouse.move(2 + (i % 2), 2);  // wakes a frame
    await page.waitForFunction((n) => window.joinedup.stats().frames > n, f, { timeout: 10000 });
    const w = (await page.evaluate(() => window.joinedup.widgets())).find((x) => x.id === name || x.label === name);
    if (w) return w;
  }
  throw new Error(`no widget "${name}" was drawn`);
}

test("the page loads from the local server and joinedup.ready resolves", async () => {
  const { context, page, errors } = await openApp();
  await ready(page);
  const s = await stats(page);
  assert(s.frames >= 1, "no frame rendered");
  assert(s.contentErrors === 0, "content pack errors: " + JSON.stringify(s.contentIssues));
  for (const k of ["frames", "idleSkips", "lastFrameMs", "frameMsP50", "frameMsP95", "loadMs", "heapBytes"])
    assert(typeof s[k] === "number", `stats().${k} is ${typeof s[k]}`);
  assert(await page.isVisible("#canvas"), "canvas not visible");
  assert(errors.length === 0, "console errors: " + errors.join(" | "));
  await context.close();
});

for (const [view, extra] of [["boards", null], ["boards", { type: "open_board", board: "pounds" }], ["pound", null], ["map", { type: "select_case_study", case_study: "cs6" }], ["sources", null], ["sources", { type: "show_source", doc: "000", line: 616 }]]) {
  const name = extra ? `${view}-${extra.board || extra.case_study || extra.doc}` : view;
  test(`view "${name}" is reached through dispatch and renders without console errors`, async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    const before = (await stats(page)).frames;
    await dispatch(page, { type: "set_view", view });
    if (extra) await dispatch(page, extra);
    await rendered(page, before);
    const st = await state(page);
    assert(st.nav.view === view, `state().nav.view is ${st.nav.view}`);
    const png = await page.screenshot({ path: join(artifacts, `view-${name}.png`) });
    // A blank or single-colour canvas compresses to a few kB; a view full of text does not.
    assert(png.length > 20000, `screenshot of ${name} is only ${png.length} bytes: nothing drawn?`);
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });
}

test("an unknown action is refused with a clear error and changes nothing", async () => {
  const { context, page } = await openApp();
  await ready(page);
  const st = await state(page);
  const msg = await page.evaluate(() => { try { window.joinedup.dispatch({ type: "fly_away" }); return "no error"; } catch (e) { return e.message; } });
  assert(msg === 'unknown action "fly_away"', "got: " + msg);
  const msg2 = await page.evaluate(() => { try { window.joinedup.dispatch({ type: "open_board", board: "nowhere" }); return "no error"; } catch (e) { return e.message; } });
  assert(msg2.includes("nowhere"), "got: " + msg2);
  assert(JSON.stringify(await state(page)) === JSON.stringify(st), "state changed");
  await context.close();
});

test("no request leaves 127.0.0.1", async () => {
  const { context, page, requests } = await openApp();
  await ready(page);
  for (const v of ["boards", "pound", "map", "sources"]) await dispatch(page, { type: "set_view", view: v });
  await sleep(500);
  const outside = requests.filter((u) => !u.startsWith(base));
  assert(requests.length > 3, "too few requests recorded");
  assert(outside.length === 0, "requests outside 127.0.0.1: " + outside.join(", "));
  await context.close();
});

test("after 2 s idle the frame counter stops increasing", async () => {
  const { context, page } = await openApp();
  await ready(page);
  await dispatch(page, { type: "set_view", view: "boards" });
  await sleep(2500);
  const a = await stats(page);
  await sleep(1500);
  const b = await stats(page);
  assert(b.frames === a.frames, `frames went from ${a.frames} to ${b.frames} while idle`);
  assert(b.paused === true, "main loop not paused");
  // and input wakes it again
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await rendered(page, b.frames);
  await context.close();
});

test("answers and text size survive a reload", async () => {
  const { context, page } = await openApp();
  await ready(page);
  await dispatch(page, { type: "set_text_scale", scale: 1.5 });
  await dispatch(page, { type: "rate_barrier", barrier: (await firstBarrier(page)), rating: 2 });
  const before = await state(page);
  await page.reload();
  await ready(page);
  const after = await state(page);
  assert(after.display.text_scale === 1.5, "text scale not kept: " + after.display.text_scale);
  assert(JSON.stringify(after.answers) === JSON.stringify(before.answers), "answers not kept");
  assert(after.participant === before.participant && /^p-[0-9a-f]{16}$/.test(after.participant), "participant id changed or malformed");
  await page.screenshot({ path: join(artifacts, "text-scale-150.png") });
  await context.close();
});

async function firstBarrier(page) {
  await dispatch(page, { type: "open_board", board: "pounds" });
  // The barrier ids are in the bundled content; read them the way the app does.
  const boards = await page.evaluate(() => fetch("data/boards.json").then((r) => r.json()));
  return boards.boards.find((b) => b.id === "pounds").barrier_groups[0].barriers[0].id;
}

test("a corrupt saved session is kept aside, reported, and the app still runs", async () => {
  const { context, page } = await openApp({ storage: { "joinedup.session": "{not json" } });
  await ready(page);
  const st = await state(page);
  assert(st.participant.startsWith("p-"), "no fresh session");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith("joinedup.session.unreadable."));
  assert(backup, "unreadable session was not kept: " + keys.join(","));
  assert((await page.evaluate((k) => localStorage.getItem(k), backup)) === "{not json", "backup differs");
  await page.screenshot({ path: join(artifacts, "corrupt-session-notice.png") });
  await context.close();
});

test("a failed download says so in words", async () => {
  const { context, page } = await openApp({ before: (p) => p.route("**/data/boards.json", (r) => r.fulfill({ status: 404, body: "" })) });
  await page.waitForFunction(() => document.getElementById("status").classList.contains("error"), null, { timeout: 20000 });
  const text = await page.textContent("#status");
  assert(text.includes("data/boards.json") && text.includes("404"), "message was: " + text);
  await page.screenshot({ path: join(artifacts, "download-failed.png") });
  await context.close();
});

test("a broken content pack is reported in the app, which keeps running", async () => {
  const { context, page } = await openApp({ before: (p) => p.route("**/data/case-studies.json", (r) => r.fulfill({ status: 200, body: '{"case_studies": [{"id": 5}]}' })) });
  await ready(page);
  const s = await stats(page);
  assert(s.contentErrors > 0, "no content errors reported");
  assert(s.contentIssues.some((m) => m.startsWith("case-studies.json: /case_studies/0/id: expected text")), JSON.stringify(s.contentIssues));
  await dispatch(page, { type: "set_view", view: "boards" });
  await page.screenshot({ path: join(artifacts, "content-errors.png") });
  await context.close();
});

test("the canvas follows the window size and is sharp on high-DPI screens", async () => {
  const { context, page } = await openApp({ viewport: { width: 900, height: 700 }, scale: 2 });
  await ready(page);
  await page.setViewportSize({ width: 1000, height: 640 });
  await page.waitForFunction(() => document.getElementById("canvas").width === 2000, null, { timeout: 5000 }).catch(() => {});
  const size = await page.evaluate(() => { const c = document.getElementById("canvas"); return [c.width, c.height, c.clientWidth, c.clientHeight]; });
  assert(size[0] === 2000 && size[1] === 1280, "canvas backing size " + size.join("x"));
  await page.screenshot({ path: join(artifacts, "hidpi-2x.png") });
  await context.close();
});

test("without WebGL2 the page explains what is missing", async () => {
  const { context, page } = await openApp({ before: (p) => p.addInitScript(() => {
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (t, ...a) { return t === "webgl2" ? null : orig.call(this, t, ...a); };
  }) });
  await page.waitForFunction(() => document.getElementById("status").classList.contains("error"), null, { timeout: 10000 });
  const text = await page.textContent("#status");
  assert(text.includes("WebGL2"), "message was: " + text);
  await context.close();
});

// Per-view test files: tests/browser/<name>.test.mjs export a register(helpers) function.
// ONLY=<prefix> runs just the files whose name starts with it (for working on one area).
if (process.env.ONLY) tests.length = 0;
for (const f of readdirSync(here).filter((n) => n.endsWith(".test.mjs") && (!process.env.ONLY || n.startsWith(process.env.ONLY))).sort()) {
  const mod = await import(join(here, f));
  mod.default({ test, assert, openApp, ready, dispatch, stats, state, rendered, widget, artifacts, sleep, base });
}

// NAME=<text> runs just the tests whose name holds it.
let passed = 0, failed = 0;
for (const t of tests.filter((t) => !process.env.NAME || t.name.includes(process.env.NAME))) {
  const t0 = Date.now();
  try {
    await t.fn();
    passed++;
    console.log(`ok - ${t.name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${t.name}\n    ${String(e.stack || e).split("\n").slice(0, 3).join("\n    ")}`);
  }
}
await browser.close();
server.close();
for (const p of profiles) rmSync(p, { recursive: true, force: true });
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
