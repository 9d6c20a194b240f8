// Offline: the service worker lets the app open with the network off; a new release replaces
// the cache; the single-file build opens from file://; the Content Security Policy holds.
import { join, resolve } from "node:path";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { startServer } from "../../tools/serve.mjs";

export default function register({ test, assert, openApp, ready, dispatch, stats, state, rendered, artifacts, sleep, base }) {
  const site = resolve(new URL("../../build-wasm/site", import.meta.url).pathname);

  async function controlled(page) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    }
  }

  test("offline: after one visit the app and its text version open with the network off", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    await controlled(page);
    await ready(page);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    for (const view of ["boards", "pound", "map", "sources"]) {
      const f = (await stats(page)).frames;
      await dispatch(page, { type: "set_view", view });
      await rendered(page, f);
      assert((await state(page)).nav.view === view, "view " + view);
    }
    assert((await stats(page)).contentErrors === 0, "content missing offline");
    await page.screenshot({ path: join(artifacts, "offline-map.png") });
    const text = await context.newPage();
    await text.goto(base + "text/index.html");
    assert((await text.textContent("h1")).length > 0, "text version not available offline");
    // ...and its board pages take answers offline: the answer module and the content pack are cached.
    await text.goto(base + "text/boards/pounds.html");
    await text.waitForFunction(() => window.joinedupText, null, { timeout: 15000 });
    await text.evaluate(() => window.joinedupText.ready);
    assert(await text.isVisible('[data-control="save"]'), "the text edition cannot take answers offline");
    assert(errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED")).length === 0, errors.join(" | "));
    await context.close();
  });

  test("offline: a new release replaces the cached one cleanly", async () => {
    // Serve a copy of the site; then a second release (different sw.js version) on the same origin.
    const dir = mkdtempSync(join(tmpdir(), "joinedup-release-"));
    cpSync(site, dir, { recursive: true });
    let server = await startServer(dir, 0);
    const port = server.address().port, url = `http://127.0.0.1:${port}/`;
    const { context, page } = await openApp();
    await page.goto(url);
    await ready(page);
    await controlled(page);
    const first = await page.evaluate(() => caches.keys());
    assert(first.length === 1 && first[0].startsWith("joinedup-"), "first release caches: " + first);
    const sw = readFileSync(join(dir, "sw.js"), "utf8");
    const v1 = sw.match(/const VERSION = "([0-9a-f]+)"/)[1];
    writeFileSync(join(dir, "sw.js"), sw.replace(v1, "0000000000000002"));
    await new Promise((r) => server.close(r));
    server = await startServer(dir, port);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForFunction(() => caches.keys().then((k) => k.length === 1 && k[0] === "joinedup-0000000000000002"), null, { timeout: 20000, polling: 250 })
      .catch(async () => { throw new Error("caches after update: " + (await page.evaluate(() => caches.keys()))); });
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("offline: the single-file build opens from file:// with no network at all", async () => {
    const first = 0;
    const { context, page, errors, requests } = await openApp({ url: "file://" + join(site, "joinedup-offline.html"),
      before: (p, ctx) => ctx.setOffline(true) });
    await ready(page);
    const s = await stats(page);
    assert(s.contentErrors === 0, "content errors: " + JSON.stringify(s.contentIssues));
    await dispatch(page, { type: "open_board", board: "pounds" });
    await rendered(page, s.frames);
    await page.screenshot({ path: join(artifacts, "single-file.png") });
    const outside = requests.slice(first).filter((u) => !u.startsWith("file://") && !u.startsWith("data:") && !u.startsWith("blob:") && !u.startsWith(base));
    assert(outside.length === 0, "requests: " + outside.join(", "));
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("security: a Content Security Policy is set and nothing violates it", async () => {
    const { context, page } = await openApp({ before: (p) => p.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
    }) });
    await ready(page);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert(csp && csp.includes("default-src 'self'") && !csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"), "CSP: " + csp);
    for (const view of ["boards", "pound", "map", "sources"]) await dispatch(page, { type: "set_view", view });
    await sleep(500);
    const v = await page.evaluate(() => window.__cspViolations);
    assert(v.length === 0, "CSP violations: " + v.join(", "));
    const manifest = await page.evaluate(() => fetch(document.querySelector('link[rel="manifest"]').href).then((r) => r.json()));
    assert(manifest.icons.some((i) => i.sizes === "512x512") && manifest.start_url, "web app manifest incomplete");
    await context.close();
  });
}
