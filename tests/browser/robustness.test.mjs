// Robustness: malformed content packs give a clear error (file and JSON pointer) and no crash,
// in the validator (build-native/joinedup-check) and in the app, which keeps running.
// Covers every tests/fixtures/bad-* pack in the browser, and a generated pack file holding a
// 50 MB string (not stored in the repository).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = join(root, "tests/fixtures");
const checker = join(root, "build-native/joinedup-check");

// A glossary.json whose one term carries a 50 MB definition.
function hugeGlossary() {
  const base = JSON.parse(readFileSync(join(fixtures, "good-minimal/glossary.json"), "utf8"));
  const big = "x".repeat(50 * 1024 * 1024);
  base.terms[0].definition = "";
  const text = JSON.stringify(base).replace('"definition":""', () => `"definition":"${big}"`);
  if (text.length < 50 * 1024 * 1024) throw new Error("could not place the 50 MB string in glossary.json");
  return text;
}

function filesOf(dir, prefix = "") {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...filesOf(p, prefix + n + "/"));
    else if (n !== "expected.txt") out.push(prefix + n);
  }
  return out;
}

export default function register({ test, assert, openApp, ready, dispatch, stats, state, rendered, artifacts, sleep, base }) {
  // Serves the pack in `dir` (a fixture folder) in place of the bundled one: the manifest lists
  // its files, and each data/ request is answered from it; `override` replaces some files.
  async function routePack(page, dir, override = {}) {
    const files = filesOf(dir);
    for (const k of Object.keys(override)) if (!files.includes(k)) files.push(k);
    const body = (f) => (f in override ? override[f] : readFileSync(join(dir, f)));
    await page.route("**/manifest.json", async (r) => {
      const real = await (await r.fetch()).json();
      const wasm = real.files.filter((f) => !f.path.startsWith("data/") || f.path.startsWith("data/geo/"));
      const pack = files.map((f) => ({ path: "data/" + f, bytes: Buffer.byteLength(body(f)) }));
      await r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ files: [...wasm, ...pack] }) });
    });
    await page.route("**/data/**", async (r) => {
      const rel = new URL(r.request().url()).pathname.replace(/^.*?\/data\//, "");
      if (rel.startsWith("geo/")) return r.continue();
      if (!files.includes(rel)) return r.fulfill({ status: 404, body: "" });
      await r.fulfill({ status: 200, contentType: rel.endsWith(".json") ? "application/json" : "text/plain", body: body(rel) });
    });
  }

  // After a broken pack: the app still renders frames, changes views and answers to dispatch.
  async function stillRuns(page) {
    const before = (await stats(page)).frames;
    await dispatch(page, { type: "set_view", view: "sources" });
    await rendered(page, before);
    const st = await state(page);
    assert(st.nav.view === "sources", "view did not change after a broken pack");
  }

  test("robustness: the validator reports a 50 MB string by file and pointer, without crashing", async () => {
    if (!existsSync(checker)) throw new Error("build-native/joinedup-check is missing; run the native build first");
    const dir = mkdtempSync(join(tmpdir(), "jup-huge-"));
    try {
      cpSync(join(fixtures, "good-minimal"), dir, { recursive: true });
      writeFileSync(join(dir, "glossary.json"), hugeGlossary());
      const r = spawnSync(checker, [dir], { encoding: "utf8", maxBuffer: 1 << 26, timeout: 60000 });
      assert(r.signal === null, `joinedup-check was killed by ${r.signal}`);
      assert(r.status === 1, `joinedup-check exited ${r.status}: ${r.stderr}`);
      assert(r.stdout.includes("glossary.json: /: file is 50 MB; the limit is 16 MB"), "output was: " + r.stdout.slice(0, 500));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("robustness: the app reports a pack file with a 50 MB string by file and pointer and keeps running", async () => {
    const huge = hugeGlossary();
    const { context, page, errors } = await openApp({ before: (p) => routePack(p, join(fixtures, "good-minimal"), { "glossary.json": huge }) });
    // Serving 50 MB through the test's request interception alone takes 20-50 s on a loaded 2-core machine.
    await ready(page, 150000);
    const s = await stats(page);
    assert(s.contentErrors > 0, "no content error reported");
    assert(s.contentIssues.includes("glossary.json: /: file is 50 MB; the limit is 16 MB"), JSON.stringify(s.contentIssues).slice(0, 500));
    await stillRuns(page);
    await page.screenshot({ path: join(artifacts, "robustness-50mb-string.png") });
    assert(!errors.some((e) => /abort|RuntimeError|Aborted/i.test(e)), "the runtime failed: " + errors.join(" | "));
    await context.close();
  });

  test("robustness: every malformed fixture pack is reported in the app with the validator's message", async () => {
    const bad = readdirSync(fixtures).filter((n) => n.startsWith("bad-")).sort();
    const failures = [];
    for (const name of bad) {
      const dir = join(fixtures, name);
      const expected = readFileSync(join(dir, "expected.txt"), "utf8").trim();
      const { context, page, errors } = await openApp({ before: (p) => routePack(p, dir) });
      try {
        await ready(page);
        const s = await stats(page);
        if (!s.contentIssues.some((i) => i.includes(expected))) failures.push(`${name}: expected "${expected}", got ${JSON.stringify(s.contentIssues.slice(0, 3))}`);
        else if (s.contentErrors < 1) failures.push(`${name}: reported, but not as an error`);
        else await stillRuns(page);
        if (errors.some((e) => /abort|RuntimeError|Aborted/i.test(e))) failures.push(`${name}: runtime failure: ${errors.join(" | ")}`);
      } catch (e) {
        failures.push(`${name}: ${String(e.message || e).split("\n")[0]}`);
      }
      await context.close();
    }
    assert(failures.length === 0, `${failures.length} of ${bad.length} packs:\n      ` + failures.join("\n      "));
  });
}
