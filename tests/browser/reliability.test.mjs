// Reliability: a damaged file, an exception at any entry point, a reload, a second tab and
// storage that refuses every call must never stop the app or lose what people entered.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export default function register({ test, assert, openApp, ready, dispatch, stats, state, rendered, artifacts, sleep }) {
  const barriers = async (page) => {
    const boards = await page.evaluate(() => fetch("data/boards.json").then((r) => r.json()));
    const all = boards.boards.flatMap((b) => b.barrier_groups.flatMap((g) => g.barriers.map((x) => x.id)));
    const enablers = boards.boards.flatMap((b) => (b.enablers || []).map((x) => x.id));
    return { barriers: all, enablers };
  };
  const answersFile = (participant, revision, ratings) =>
    JSON.stringify({ format: "joinedup-answers", version: 1, participant, revision, answers: { ratings } });

  // The app still draws, changes view and answers after whatever just happened.
  async function stillRuns(page) {
    const before = (await stats(page)).frames;
    await dispatch(page, { type: "set_view", view: "sources" });
    await dispatch(page, { type: "set_view", view: "boards" });
    await rendered(page, before);
  }

  // Picks files with the real file chooser, as a facilitator does with "Open answer files...".
  async function pickFiles(page, action, files) {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dispatch(page, action)]);
    await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: "application/json", buffer: Buffer.from(f.text) })));
  }

  test("reliability: a damaged tally file from the file picker is refused by name and the tally carries on", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    const { barriers: b } = await barriers(page);
    await dispatch(page, { type: "set_view", view: "tally" });
    const crash = readFileSync(join(root, "tests/fuzz/regressions/tally", readdirSync(join(root, "tests/fuzz/regressions/tally")).sort()[0]), "utf8");
    await pickFiles(page, { type: "pick_tally_files" }, [
      { name: "anna.json", text: answersFile("p-anna", 1, { [b[0]]: 3 }) },
      { name: "damaged.json", text: '{"format":5,"revision":"x"}' },
      { name: "fuzz-crash.json", text: crash },
      { name: "ben.json", text: answersFile("p-ben", 2, { [b[0]]: 1 }) },
    ]);
    await page.waitForFunction(() => window.joinedup.tally().files === 4, null, { timeout: 10000 });
    let t = await page.evaluate(() => window.joinedup.tally());
    assert(t.counted === 2, "counted " + t.counted);
    assert(t.skipped.some((m) => m.startsWith("damaged.json: /format: expected text")), "skipped: " + JSON.stringify(t.skipped));
    assert(t.skipped.some((m) => m.startsWith("fuzz-crash.json: ")), "skipped: " + JSON.stringify(t.skipped));
    assert(t.ratings[b[0]].n === 2 && t.ratings[b[0]].mean === 2, "ratings: " + JSON.stringify(t.ratings[b[0]]));
    await stillRuns(page);
    // the thirtieth file after a damaged one still counts, with all the earlier ones
    await dispatch(page, { type: "set_view", view: "tally" });
    await pickFiles(page, { type: "pick_tally_files" }, [{ name: "cleo.json", text: answersFile("p-cleo", 1, { [b[0]]: 2 }) }]);
    await page.waitForFunction(() => window.joinedup.tally().counted === 3, null, { timeout: 10000 });
    await page.screenshot({ path: join(artifacts, "tally-damaged-file.png") });
    assert(!errors.some((e) => /abort|RuntimeError|exception/i.test(e)), "page errors: " + errors.join(" | "));
    await context.close();
  });

  test("reliability: the room tally survives a reload, until the facilitator starts again", async () => {
    const { context, page } = await openApp();
    await ready(page);
    const { barriers: b } = await barriers(page);
    await page.evaluate((f) => window.joinedup.addFiles("tally", f), [
      { name: "a.json", text: answersFile("p-a", 1, { [b[0]]: 2 }) },
      { name: "b.json", text: answersFile("p-b", 1, { [b[1]]: 1 }) },
      { name: "broken.json", text: "{" },
    ]);
    const before = await page.evaluate(() => window.joinedup.tally());
    assert(before.files === 3 && before.counted === 2, JSON.stringify(before));
    await page.reload();
    await ready(page);
    const after = await page.evaluate(() => window.joinedup.tally());
    assert(after.files === 3 && after.counted === 2, "after reload: " + JSON.stringify(after));
    assert(JSON.stringify(after.ratings) === JSON.stringify(before.ratings), "ratings differ after reload");
    assert(after.skipped[0].startsWith("broken.json: "), "the damaged file is still reported by name");
    await dispatch(page, { type: "tally_clear" });
    await page.reload();
    await ready(page);
    const cleared = await page.evaluate(() => window.joinedup.tally());
    assert(cleared.files === 0, "tally came back after Start again: " + cleared.files);
    await context.close();
  });

  test("reliability: an exception at every entry point leaves the app running with its answers", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    const { barriers: b } = await barriers(page);
    await dispatch(page, { type: "rate_barrier", barrier: b[0], rating: 3 });
    await dispatch(page, { type: "set_note", board: "pounds", text: "kept whatever happens" });
    const answers = JSON.stringify((await state(page)).answers);
    for (const at of ["dispatch", "state", "stats", "tally", "export", "files", "hash", "storage", "frame"]) {
      const thrown = await page.evaluate(async (at) => {
        // armed through the raw export: joinedup.dispatch() itself reads state() afterwards
        Module.ccall("jup_dispatch", "string", ["string"], [JSON.stringify({ type: "test_fault", at })]);
        const t = {
          dispatch: () => window.joinedup.dispatch({ type: "set_view", view: "map" }),
          state: () => window.joinedup.state(),
          stats: () => window.joinedup.stats(),
          tally: () => window.joinedup.tally(),
          export: () => window.joinedup.exportAnswers(),
          files: () => window.joinedup.addFiles("tally", [{ name: "x.json", text: "{}" }]),
          hash: () => { location.hash = "#s1.00000000.e30"; },
          storage: () => window.dispatchEvent(new StorageEvent("storage", { key: "joinedup.session", storageArea: localStorage })),
          frame: () => window.dispatchEvent(new Event("resize")),
        };
        try { t[at](); } catch (e) { return e.message; }
        return "";
      }, at);
      if (["dispatch", "state", "stats", "tally", "export"].includes(at))
        assert(thrown.includes("test fault at " + at), `${at}: the caller got "${thrown}" instead of the app's message`);
      await page.mouse.move(200 + Math.random() * 50, 300);  // input wakes the main loop for "frame"
      await page.waitForFunction((at) => window.joinedup.stats().lastError.includes("test fault at " + at), at, { timeout: 10000 });
      const s = await stats(page);
      assert(s.notice.includes("Nothing you entered was lost"), `${at}: notice was "${s.notice}"`);
      await stillRuns(page);
      assert(JSON.stringify((await state(page)).answers) === answers, `${at}: answers changed`);
    }
    await page.screenshot({ path: join(artifacts, "exception-notice.png") });
    assert(!errors.some((e) => /abort|RuntimeError/i.test(e)), "page errors: " + errors.join(" | "));
    await context.close();
  });

  test("reliability: two tabs of the app keep every answer given in either", async () => {
    const { context, page: a } = await openApp();
    await ready(a);
    const { barriers: bs, enablers } = await barriers(a);
    const b = await context.newPage();
    await b.goto(a.url());
    await ready(b);
    assert((await state(a)).participant === (await state(b)).participant, "two tabs, two participants");
    await dispatch(a, { type: "rate_barrier", barrier: bs[0], rating: 2 });
    await b.waitForFunction((id) => window.joinedup.state().answers.ratings[id] === 2, bs[0], { timeout: 10000 });
    // the second tab now changes something else; the first tab's rating must survive it
    await dispatch(b, { type: "toggle_enabler", enabler: enablers[0] });
    await dispatch(b, { type: "set_note", board: "pounds", text: "from tab two" });
    await a.waitForFunction((id) => window.joinedup.state().answers.enablers.includes(id), enablers[0], { timeout: 10000 });
    await dispatch(a, { type: "rate_barrier", barrier: bs[1], rating: 1 });
    await b.waitForFunction((id) => window.joinedup.state().answers.ratings[id] === 1, bs[1], { timeout: 10000 });
    for (const p of [a, b]) {
      await p.reload();
      await ready(p);
      const s = await state(p);
      assert(s.answers.ratings[bs[0]] === 2 && s.answers.ratings[bs[1]] === 1, "ratings lost: " + JSON.stringify(s.answers.ratings));
      assert(s.answers.enablers.includes(enablers[0]), "enabler lost");
      assert(s.answers.notes.pounds === "from tab two", "note lost");
    }
    // each tab keeps its own view
    await dispatch(a, { type: "set_view", view: "map" });
    await sleep(300);
    assert((await state(b)).nav.view === "boards", "the other tab's view was moved");
    await context.close();
  });

  test("reliability: storage that refuses every call: the app starts, says answers are not kept, and saves to a file", async () => {
    const { context, page, errors } = await openApp({
      before: (p) => p.addInitScript(() => {
        for (const m of ["getItem", "setItem", "removeItem", "key", "clear"])
          Storage.prototype[m] = function () { throw new DOMException("The operation is insecure.", "SecurityError"); };
      }),
    });
    await ready(page);
    const { barriers: b } = await barriers(page);
    let s = await stats(page);
    assert(s.storageOk === false, "storage failure not noticed");
    await dispatch(page, { type: "rate_barrier", barrier: b[0], rating: 2 });
    await dispatch(page, { type: "set_view", view: "boards" });
    await rendered(page, s.frames);
    await page.screenshot({ path: join(artifacts, "storage-blocked.png") });
    const [download] = await Promise.all([page.waitForEvent("download"), dispatch(page, { type: "export_answers" })]);
    const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert(saved.answers.ratings[b[0]] === 2, "the saved file lacks the rating: " + JSON.stringify(saved.answers));
    await stillRuns(page);
    assert(!errors.some((e) => /abort|RuntimeError/i.test(e)), "page errors: " + errors.join(" | "));
    await context.close();
  });
}
