// Browser benchmarks: size, load, frame cost, idle frames, and a peer (d3-geo drawing the same
// London boundaries to SVG) side by side, in Debian's headless Chromium on 127.0.0.1.
// Usage: node tools/bench/bench.mjs <site> <site-100x> <core.json> <out results.json>
// Prints a table; writes every figure to <out>. Figures only: nothing here passes or fails.
import { createRequire } from "node:module";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpus, totalmem } from "node:os";
import { execSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const require = createRequire(join(root, "tests/browser/package.json"));
const { chromium } = require("playwright-core");
const { startServer } = await import(join(root, "tools/serve.mjs"));

const [site, site100, coreJson, outPath] = process.argv.slice(2).map((p) => p && resolve(p));
const RUNS = Number(process.env.BENCH_RUNS || 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : null; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null; };
const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-extensions"];

// ---- the peer page: d3-geo (npm, pinned in tools/bench/package-lock.json) to SVG ----------
const peerDir = resolve(site, "../bench-peer");
function buildPeer() {
  rmSync(peerDir, { recursive: true, force: true });
  mkdirSync(peerDir, { recursive: true });
  const nm = join(here, "node_modules");
  copyFileSync(join(nm, "d3-array/dist/d3-array.min.js"), join(peerDir, "d3-array.min.js"));
  copyFileSync(join(nm, "d3-geo/dist/d3-geo.min.js"), join(peerDir, "d3-geo.min.js"));
  // The same boundaries the app draws (data/geo/london.json, projected metres) as GeoJSON.
  const g = JSON.parse(readFileSync(join(site, "data/geo/london.json"), "utf8"));
  const pairs = (r) => { const out = []; for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]); if (out.length) out.push(out[0]); return out; };
  const fc = { type: "FeatureCollection", features: g.areas.map((a) => ({ type: "Feature", properties: { code: a.code, name: a.name },
    geometry: { type: "MultiPolygon", coordinates: a.polygons.map((p) => p.rings.map(pairs)) } })) };
  writeFileSync(join(peerDir, "london.geojson"), JSON.stringify(fc));
  writeFileSync(join(peerDir, "index.html"), `<!doctype html><meta charset="utf-8"><title>peer: d3-geo SVG</title>
<style>html,body{margin:0;height:100%;overflow:hidden;font:14px sans-serif}svg{display:block;width:100vw;height:100vh;background:#fff}
path{fill:#dfe8f1;stroke:#33475b;stroke-width:1}path:hover{fill:#f6c85f}</style>
<svg id="map"></svg>
<script src="d3-array.min.js"></script><script src="d3-geo.min.js"></script>
<script>
(function () {
  var svg = document.getElementById("map"), frameMs = [], frames = 0, paths = [], fc, proj, path;
  var k = 1, tx = 0, ty = 0, dirty = false, base;
  var ready = new Promise(function (res) { window.__peerReady = res; });
  window.peer = { ready: ready, stats: function () { return { frames: frames, frameMs: frameMs.slice() }; }, reset: function () { frameMs = []; } };
  function draw() {
    var t0 = performance.now();
    proj.scale(base.s * k).translate([base.t[0] * k + tx, base.t[1] * k + ty]);
    for (var i = 0; i < paths.length; i++) paths[i].setAttribute("d", path(fc.features[i]));
    frameMs.push(performance.now() - t0);
    frames++;
  }
  function tick() { if (dirty) { dirty = false; draw(); } requestAnimationFrame(tick); }
  fetch("london.geojson").then(function (r) { return r.json(); }).then(function (j) {
    fc = j;
    var w = svg.clientWidth, h = svg.clientHeight;
    proj = d3.geoIdentity().reflectY(true).fitExtent([[10, 10], [w - 10, h - 10]], fc);
    base = { s: proj.scale(), t: proj.translate() };
    path = d3.geoPath(proj);
    fc.features.forEach(function (f) {
      var p = document.createElementNS("http://www.w3.org/2000/svg", "path");
      p.setAttribute("data-code", f.properties.code);
      svg.appendChild(p); paths.push(p);
    });
    draw();
    requestAnimationFrame(function () { window.peerFirstFrame = performance.now(); window.__peerReady(); requestAnimationFrame(tick); });
    var drag = null;
    svg.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY]; });
    window.addEventListener("mouseup", function () { drag = null; });
    window.addEventListener("mousemove", function (e) { if (!drag) return; tx += e.clientX - drag[0]; ty += e.clientY - drag[1]; drag = [e.clientX, e.clientY]; dirty = true; });
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var f = Math.exp(-e.deltaY / 500), nk = Math.max(0.5, Math.min(40, k * f)); f = nk / k;
      tx = e.clientX - (e.clientX - tx) * f; ty = e.clientY - (e.clientY - ty) * f;
      // keep the base translation scaled with k
      tx += base.t[0] * k * f - base.t[0] * nk; ty += base.t[1] * k * f - base.t[1] * nk;
      k = nk; dirty = true;
    }, { passive: false });
  });
})();
</script>`);
}

// ---- size ----------------------------------------------------------------------------------
function walk(dir, out = []) {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}
function sizes(dir, loaded) {
  const files = walk(dir).map((p) => {
    const buf = readFileSync(p);
    const rel = relative(dir, p).split("\\").join("/");
    return { path: rel, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, firstLoad: loaded.has(rel) };
  });
  const first = files.filter((f) => f.firstLoad);
  return { files, firstLoad: { files: first.length, raw: first.reduce((a, f) => a + f.raw, 0), gzip: first.reduce((a, f) => a + f.gzip, 0) },
    all: { files: files.length, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) } };
}

// ---- browser runs ----------------------------------------------------------------------------
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
const VIEWPORT = { width: 1280, height: 800 };
// The phone profile (#15): a 390 x 844 touch screen at 3x density, driven by finger drags.
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

// Records, in the page, each app frame's build time (stats().lastFrameMs when stats().frames moves).
const SAMPLER = () => {
  window.__samples = null;
  // When the loader defines window.joinedup, note the moment its ready promise resolves.
  let jup;
  Object.defineProperty(window, "joinedup", { configurable: true, get: () => jup, set: (v) => {
    jup = v; if (v && v.ready) v.ready.then(() => { window.__readyAt = performance.now(); }, () => {}); } });
  window.__startSampling = () => {
    window.__samples = [];
    let last = window.joinedup.stats().frames;
    const loop = () => {
      if (!window.__samples) return;
      const s = window.joinedup.stats();
      if (s.frames !== last) { window.__samples.push({ n: s.frames - last, ms: s.lastFrameMs }); last = s.frames; }
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  window.__stopSampling = () => { const s = window.__samples || []; window.__samples = null; return s; };
};

async function openApp(base, contextOptions = { viewport: VIEWPORT }) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [], loaded = new Set();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("response", (r) => { if (r.url().startsWith(base)) loaded.add(new URL(r.url()).pathname.replace(/^\//, "") || "index.html"); });
  await page.addInitScript(SAMPLER);
  const t0 = Date.now();
  await page.goto(base);
  await page.waitForFunction(() => window.joinedup && window.joinedup.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.joinedup.ready);
  const wall = Date.now() - t0;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    const paint = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
    return { firstFrame: window.joinedup.loadMs, domContentLoaded: n ? n.domContentLoadedEventEnd : null, fcp: paint ? paint.startTime : null };
  });
  await page.waitForFunction(() => window.__readyAt, null, { timeout: 10000 });
  const readyAt = await page.evaluate(() => window.__readyAt);
  return { context, page, errors, loaded, firstFrame: nav.firstFrame, ready: readyAt, wall, fcp: nav.fcp };
}

async function load(base, runs) {
  const firstFrame = [], ready = [], wall = [];
  let loaded = new Set(), errors = [];
  for (let i = 0; i < runs; i++) {
    const a = await openApp(base);
    firstFrame.push(a.firstFrame); ready.push(a.ready); wall.push(a.wall);
    loaded = a.loaded; errors = errors.concat(a.errors);
    await a.context.close();
  }
  return { runs, firstFrameMs: round(median(firstFrame)), readyMs: round(median(ready)), wallToReadyMs: median(wall),
    firstFrameAll: firstFrame.map((x) => round(x)), loaded, errors };
}

const dispatch = (page, a) => page.evaluate((x) => window.joinedup.dispatch(x), a);

// A scripted interaction: hover sweeps, wheel scrolls, and (map) drags and zooms, about 3 s.
async function interact(page, view, phone) {
  if (phone) return swipes(page);
  const m = page.mouse;
  const sweep = async (y0, y1, steps = 40) => { for (let i = 0; i <= steps; i++) { await m.move(100 + i * 25, y0 + ((y1 - y0) * i) / steps); await sleep(16); } };
  const wheel = async (dy, n = 10, x = 640, y = 400) => { await m.move(x, y); for (let i = 0; i < n; i++) { await m.wheel(0, dy); await sleep(30); } };
  if (view === "map") {
    await sweep(150, 650);
    for (let r = 0; r < 2; r++) {
      await m.move(640, 400); await m.down();
      for (let i = 0; i < 30; i++) { await m.move(640 + i * 8, 400 + i * 4); await sleep(16); }
      await m.up();
      await wheel(-120, 8); await wheel(120, 8);
    }
  } else {
    await sweep(120, 700);
    await wheel(120, 15); await wheel(-120, 15);
    await sweep(700, 120);
  }
}

// On the phone: four one-finger swipes up the page and four back down (the map pans).
async function swipes(page) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: 195, y, id: 1 }] });
  for (const dir of [-1, -1, -1, -1, 1, 1, 1, 1]) {
    const y0 = dir < 0 ? 600 : 250;
    await touch("touchStart", y0);
    for (let i = 1; i <= 10; i++) { await touch("touchMove", y0 + dir * i * 35); await sleep(16); }
    await touch("touchEnd", 0);
    await sleep(300);
  }
  await cdp.detach();
}

const VIEWS = [
  ["boards", [{ type: "set_view", view: "boards" }]],
  ["boards/pounds", [{ type: "set_view", view: "boards" }, { type: "open_board", board: "pounds" }]],
  ["pound", [{ type: "set_view", view: "pound" }]],
  ["pound/compare", [{ type: "set_view", view: "pound" }, { type: "pound_tab", tab: "compare" }, { type: "pound_compare_by", by: "line" }]],
  ["pound/whatif", [{ type: "set_view", view: "pound" }, { type: "pound_tab", tab: "whatif" }]],
  ["map", [{ type: "set_view", view: "map" }]],
  ["sources", [{ type: "set_view", view: "sources" }, { type: "show_source", doc: "000", line: 616 }]],
  ["tally", [{ type: "set_view", view: "tally" }]],
];

async function frameCost(base, scaleLabel, mapPolygons, phone = false) {
  const a = await openApp(base, phone ? PHONE : undefined);
  const out = {};
  for (const [name, actions] of VIEWS) {
    const t0 = Date.now();
    try {
      for (const act of actions) await dispatch(a.page, act);
      if (name === "map" && mapPolygons) await dispatch(a.page, { type: "map_benchmark", polygons: mapPolygons });
      await sleep(400);
      await a.page.evaluate(() => window.__startSampling());
      await interact(a.page, name === "map" ? "map" : "other", phone);
      await sleep(200);
      const s = await a.page.evaluate(() => window.__stopSampling());
      const ms = s.map((x) => x.ms);
      out[name] = { frames: ms.length, p50: round(pct(ms, 0.5), 3), p95: round(pct(ms, 0.95), 3), max: round(Math.max(...ms), 3) };
      if (name === "map" && mapPolygons) await dispatch(a.page, { type: "map_benchmark", polygons: 0 });
    } catch (e) {
      out[name] = { error: String(e.message || e).split("\n")[0] };
    }
    console.error(`   ${scaleLabel} ${name}: ${JSON.stringify(out[name])} (${Date.now() - t0} ms)`);
  }
  // Idle: 5 s with no input after the last change has settled.
  await dispatch(a.page, { type: "set_view", view: "boards" });
  await sleep(2500);
  const f0 = (await a.page.evaluate(() => window.joinedup.stats())).frames;
  await sleep(5000);
  const f1 = (await a.page.evaluate(() => window.joinedup.stats())).frames;
  await a.context.close();
  return { views: out, idleFrames5s: f1 - f0, errors: a.errors, scale: scaleLabel };
}

async function peer(base, runs) {
  const firstFrame = [], ready = [];
  let cost = null;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => window.peer && window.peerFirstFrame, null, { timeout: 30000 });
    firstFrame.push(await page.evaluate(() => window.peerFirstFrame));
    ready.push(await page.evaluate(() => window.peer.ready.then(() => performance.now())));
    if (i === 0) {
      await page.evaluate(() => window.peer.reset());
      await interact(page, "map");
      await sleep(200);
      const ms = (await page.evaluate(() => window.peer.stats())).frameMs;
      cost = { frames: ms.length, p50: round(pct(ms, 0.5), 3), p95: round(pct(ms, 0.95), 3), max: round(Math.max(...ms), 3) };
    }
    await context.close();
  }
  return { library: "d3-geo " + JSON.parse(readFileSync(join(here, "node_modules/d3-geo/package.json"), "utf8")).version + " (geoIdentity + geoPath to SVG)",
    firstFrameMs: round(median(firstFrame)), readyMs: round(median(ready)), map: cost };
}

buildPeer();
const servers = await Promise.all([startServer(site, 0), startServer(site100, 0), startServer(peerDir, 0)]);
const url = (s) => `http://127.0.0.1:${s.address().port}/`;
const [base1, base100, basePeer] = servers.map(url);

console.error("== bench: load (" + RUNS + " runs)");
const load1 = await load(base1, RUNS);
const size = sizes(site, load1.loaded);
const peerSize = sizes(peerDir, new Set(readdirSync(peerDir)));
console.error("== bench: frame cost, bundled content");
const frames1 = await frameCost(base1, "1x", 0);
console.error("== bench: frame cost, 100x content (synth-pack money, 3,300 map polygons)");
const frames100 = await frameCost(base100, "100x", 3300);
console.error("== bench: frame cost, phone profile (390 x 844, 3x, touch), bundled content");
const framesPhone = await frameCost(base1, "phone", 0, true);
const load100 = await load(base100, Math.max(1, Math.min(3, RUNS)));
console.error("== bench: peer (d3-geo SVG)");
const peerRes = await peer(basePeer, RUNS);
await browser.close();
servers.forEach((s) => s.close());

const core = coreJson && existsSync(coreJson) ? JSON.parse(readFileSync(coreJson, "utf8")) : [];
let chromiumVersion = "";
try { chromiumVersion = execSync("/usr/bin/chromium --version", { encoding: "utf8" }).trim(); } catch {}

// ---- targets ---------------------------------------------------------------------------------
const KB = 1024;
const coreLoad = core.find((c) => c.name === "content load + validation" && c.scale === "1x");
const viewP95 = (fr) => Object.values(fr.views).map((v) => v.p95 ?? Infinity);
const targets = [
  { target: "first load <= 600 KB gzip", value: `${(size.firstLoad.gzip / KB).toFixed(0)} KB`, met: size.firstLoad.gzip <= 600 * KB },
  { target: "first frame <= 1 s after navigation", value: `${load1.firstFrameMs} ms`, met: load1.firstFrameMs <= 1000 },
  { target: "frame build p95 <= 2 ms, every view, bundled", value: `max ${Math.max(...viewP95(frames1)).toFixed(2)} ms`, met: Math.max(...viewP95(frames1)) <= 2 },
  { target: "frame build p95 <= 8 ms, every view, 100x", value: `max ${Math.max(...viewP95(frames100)).toFixed(2)} ms`, met: Math.max(...viewP95(frames100)) <= 8 },
  { target: "zero frames while idle (5 s)", value: `${frames1.idleFrames5s} frames`, met: frames1.idleFrames5s === 0 },
  { target: "content load + validation <= 10 ms (native)", value: coreLoad ? `${coreLoad.ms_median.toFixed(2)} ms` : "n/a", met: coreLoad ? coreLoad.ms_median <= 10 : false },
];

const results = {
  date: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memBytes: totalmem(), chromium: chromiumVersion },
  size: { firstLoad: size.firstLoad, all: size.all, files: size.files },
  load: { bundled: { ...load1, loaded: [...load1.loaded].sort() }, x100: { ...load100, loaded: undefined } },
  frames: { bundled: frames1, x100: frames100, phone: framesPhone },
  peer: { ...peerRes, size: peerSize.all },
  core, targets,
};
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(results, null, 1) + "\n");

// ---- table -----------------------------------------------------------------------------------
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const lines = [];
lines.push(`Joined-Up benchmarks (${results.machine.cpus} cores, ${chromiumVersion || "chromium"}, headless, SwiftShader WebGL2)`);
lines.push("");
lines.push("SIZE (bytes; gzip -9)                       raw        gzip  first load");
for (const f of size.files.filter((f) => !f.path.startsWith("text/"))) lines.push(`  ${pad(f.path, 38)}${lpad(f.raw, 10)}  ${lpad(f.gzip, 10)}  ${f.firstLoad ? "yes" : ""}`);
const text = size.files.filter((f) => f.path.startsWith("text/"));
lines.push(`  ${pad(`text/ (${text.length} files, text edition)`, 38)}${lpad(text.reduce((a, f) => a + f.raw, 0), 10)}  ${lpad(text.reduce((a, f) => a + f.gzip, 0), 10)}`);
lines.push(`  ${pad(`first-load transfer (${size.firstLoad.files} files)`, 38)}${lpad(size.firstLoad.raw, 10)}  ${lpad(size.firstLoad.gzip, 10)}`);
lines.push("");
lines.push(`LOAD (median of ${RUNS} runs, ms from navigation)     first frame     ready   (wall, goto->ready)`);
lines.push(`  Joined-Up, bundled content                  ${lpad(load1.firstFrameMs, 10)}  ${lpad(load1.readyMs, 8)}   ${load1.wallToReadyMs}`);
lines.push(`  Joined-Up, 100x content                     ${lpad(load100.firstFrameMs, 10)}  ${lpad(load100.readyMs, 8)}   ${load100.wallToReadyMs}`);
lines.push(`  peer: ${pad(peerRes.library, 37)}${lpad(peerRes.firstFrameMs, 10)}  ${lpad(peerRes.readyMs, 8)}`);
lines.push("");
lines.push("FRAME BUILD (ms of CPU per frame during a scripted interaction)");
lines.push("  view               bundled p50   p95  frames     100x p50    p95  frames");
for (const [name] of VIEWS) {
  const a = frames1.views[name] || {}, b = frames100.views[name] || {};
  const cell = (v) => (v.error ? pad("error", 26) : `${lpad(v.p50, 9)} ${lpad(v.p95, 6)} ${lpad(v.frames, 6)}`);
  lines.push(`  ${pad(name, 15)}${cell(a)}     ${cell(b)}`);
}
if (peerRes.map) lines.push(`  ${pad("peer map (d3 SVG)", 15)}${lpad(peerRes.map.p50, 9)} ${lpad(peerRes.map.p95, 6)} ${lpad(peerRes.map.frames, 6)}      (JS path regeneration per frame, pan + zoom)`);
lines.push(`  frames rendered in 5 s idle: bundled ${frames1.idleFrames5s}, 100x ${frames100.idleFrames5s}`);
lines.push("");
lines.push("FRAME BUILD, phone profile (390 x 844 CSS px, 3x density, touch swipes; bundled content)");
lines.push("  view                   p50    p95  frames");
for (const [name] of VIEWS) {
  const v = framesPhone.views[name] || {};
  lines.push(`  ${pad(name, 15)}${v.error ? "error" : `${lpad(v.p50, 9)} ${lpad(v.p95, 6)} ${lpad(v.frames, 6)}`}`);
}
lines.push(`  frames rendered in 5 s idle: ${framesPhone.idleFrames5s}`);
lines.push("");
lines.push("CORE (native, Release -O3; median ms per operation)");
for (const c of core) lines.push(`  ${pad(c.name, 34)}${pad(c.scale, 5)} n=${pad(c.n, 7)} ${lpad(c.ms_median.toFixed(3), 10)} ms   ${c.note}`);
lines.push("");
lines.push("TARGETS (reported, not asserted)");
for (const t of targets) lines.push(`  ${t.met ? "met   " : "MISSED"}  ${pad(t.target, 48)} ${t.value}`);
const errs = [...load1.errors, ...frames1.errors, ...frames100.errors];
if (errs.length) lines.push("", "page errors during the run: " + [...new Set(errs)].slice(0, 5).join(" | "));
lines.push("", "written: " + relative(root, outPath));
console.log(lines.join("\n"));
