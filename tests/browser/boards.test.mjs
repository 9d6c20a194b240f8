// Boards: answering, persistence, export/import, the room tally, presenter mode, keyboard.
import { join } from "node:path";
import { readFileSync } from "node:fs";

export default function register({ test, assert, openApp, ready, dispatch, stats, state, rendered, widget, artifacts, sleep }) {
  const boardsJson = () => JSON.parse(readFileSync(new URL("../../data/boards.json", import.meta.url), "utf8")).boards;
  const board = (id) => boardsJson().find((b) => b.id === id);
  const refuse = (page, action) => page.evaluate((a) => { try { window.joinedup.dispatch(a); return null; } catch (e) { return e.message; } }, action);

  test("boards: a participant rates, backs, chooses and writes; a reload keeps it all", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    const pounds = board("pounds");
    const b0 = pounds.barrier_groups[0].barriers[0].id, b1 = pounds.barrier_groups[0].barriers[1].id;
    await dispatch(page, { type: "open_board", board: "pounds" });
    await dispatch(page, { type: "rate_barrier", barrier: b0, rating: 3 });
    await dispatch(page, { type: "rate_barrier", barrier: b1, rating: 0 });
    await dispatch(page, { type: "toggle_enabler", enabler: pounds.enablers[0].id });
    await dispatch(page, { type: "toggle_commitment", commitment: pounds.commitments[0].id });
    await dispatch(page, { type: "set_pool_choice", option: pounds.options[0].id });
    await dispatch(page, { type: "add_pool_exception", text: "Specialised services commissioned nationally" });
    await dispatch(page, { type: "set_note", board: "pounds", text: "Start with mental health." });
    assert((await refuse(page, { type: "rate_barrier", barrier: b0, rating: 4 })).includes("0 (not at all) to 3"), "rating 4 accepted");
    const before = await state(page);
    await page.reload();
    await ready(page);
    const after = await state(page);
    assert(JSON.stringify(after.answers) === JSON.stringify(before.answers), "answers changed on reload");
    assert(after.answers.ratings[b0] === 3 && after.answers.ratings[b1] === 0, "ratings lost");
    assert(after.nav.board === "pounds", "open board lost");
    const f = await stats(page);
    await dispatch(page, { type: "set_view", view: "boards" });
    await rendered(page, f.frames);
    await page.screenshot({ path: join(artifacts, "board-pounds-answered.png") });
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("boards: at most three priorities, and they count only with something de-prioritised", async () => {
    const { context, page } = await openApp();
    await ready(page);
    const opts = board("priorities").options.map((o) => o.id);
    assert(opts.length >= 4, "the Priorities board needs at least four options to test the cap");
    await dispatch(page, { type: "open_board", board: "priorities" });
    for (const o of opts.slice(0, 3)) await dispatch(page, { type: "toggle_priority", option: o });
    const msg = await refuse(page, { type: "toggle_priority", option: opts[3] });
    assert(msg && msg.includes("at most three"), "fourth priority accepted: " + msg);
    let s = await stats(page);
    await rendered(page, s.frames - 1);
    await page.screenshot({ path: join(artifacts, "board-priorities-not-counted.png") });
    await dispatch(page, { type: "set_deprioritised", text: "New pilots that duplicate existing work" });
    s = await stats(page);
    await rendered(page, s.frames);
    await page.screenshot({ path: join(artifacts, "board-priorities-counted.png") });
    const t = await page.evaluate(() => { const e = window.joinedup.exportAnswers(); window.joinedup.addFiles("tally", [{ name: "me.json", text: JSON.stringify(e) }]); return window.joinedup.tally(); });
    assert(t.priorities[opts[0]] === 1 && t.deprioritised.length === 1, "tally did not count the priorities: " + JSON.stringify(t.priorities));
    await context.close();
  });

  test("boards: a 15,000-character de-prioritisation answer stays whole when the participant types into it, and after a reload", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 1280, height: 1000 } });
    await ready(page);
    const pr = boardsJson().find((b) => b.choice && b.choice.kind === "priorities");
    let text = "";
    for (let i = 0; text.length < 15000; ++i) text += `reason ${i}; `;
    text = text.slice(0, 15000);
    await dispatch(page, { type: "set_deprioritised", text });
    await dispatch(page, { type: "open_board", board: pr.id });
    const box = await widget(page, "##deprioritise");
    assert(box.visible, "the de-prioritisation box is off screen: " + JSON.stringify(box));
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Done.");
    await page.waitForFunction((n) => window.joinedup.state().answers.deprioritised.length >= n, text.length + 6, { timeout: 60000 });
    let s = await state(page);
    assert(s.answers.deprioritised === text + " Done.", `kept ${s.answers.deprioritised.length} of ${text.length + 6} characters`);
    await page.reload();
    await ready(page);
    s = await state(page);
    assert(s.answers.deprioritised === text + " Done.", `after a reload, kept ${s.answers.deprioritised.length}`);
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("boards: export to a file, import into a fresh browser profile, same answers", async () => {
    const a = await openApp();
    await ready(a.page);
    const pr = board("people");
    await dispatch(a.page, { type: "rate_barrier", barrier: pr.barrier_groups[0].barriers[0].id, rating: 2 });
    await dispatch(a.page, { type: "toggle_enabler", enabler: pr.enablers[1].id });
    await dispatch(a.page, { type: "set_note", board: "people", text: "Trust, then data — “in that order”." });
    const download = a.page.waitForEvent("download");
    await dispatch(a.page, { type: "export_answers" });
    const file = await download;
    const path = join(artifacts, file.suggestedFilename());
    await file.saveAs(path);
    const text = readFileSync(path, "utf8");
    const exported = JSON.parse(text);
    assert(exported.format === "joinedup-answers" && exported.participant === (await state(a.page)).participant, "export file malformed");
    const original = await state(a.page);
    await a.context.close();

    const b = await openApp();  // a new context: empty storage, as a fresh profile
    await ready(b.page);
    assert(Object.keys((await state(b.page)).answers.ratings).length === 0, "fresh profile not empty");
    await b.page.evaluate((t) => window.joinedup.addFiles("answers", [{ name: "answers.json", text: t }]), text);
    await sleep(300);
    const imported = await state(b.page);
    assert(JSON.stringify(imported.answers) === JSON.stringify(original.answers), "imported answers differ");
    assert(imported.participant === original.participant, "participant id not carried");
    await b.context.close();
  });

  test("boards: importing over existing answers asks first", async () => {
    const { context, page } = await openApp();
    await ready(page);
    const pr = board("purpose");
    await dispatch(page, { type: "rate_barrier", barrier: pr.barrier_groups[0].barriers[0].id, rating: 1 });
    const mine = await state(page);
    const other = JSON.stringify({ format: "joinedup-answers", version: 1, participant: "p-other", revision: 9, answers: { ratings: {} } });
    await page.evaluate((t) => window.joinedup.addFiles("answers", [{ name: "theirs.json", text: t }]), other);
    await sleep(500);
    assert(JSON.stringify((await state(page)).answers) === JSON.stringify(mine.answers), "answers replaced without asking");
    await page.screenshot({ path: join(artifacts, "import-asks-first.png") });
    await dispatch(page, { type: "confirm_import" });
    assert((await state(page)).participant === "p-other", "confirmed import did not happen");
    await context.close();
  });

  test("tally: three generated files, a duplicate and a malformed file give the right numbers", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    const pounds = board("pounds");
    const [x, y] = pounds.barrier_groups[0].barriers.map((b) => b.id);
    const e0 = pounds.enablers[0].id, c0 = pounds.commitments[0].id;
    const mk = (pid, ratings, extra = {}) => JSON.stringify({ format: "joinedup-answers", version: 1, participant: pid, revision: 1, answers: { ratings, ...extra } });
    const files = [
      { name: "ann.json", text: mk("p-ann", { [x]: 3, [y]: 1 }, { enablers: [e0], commitments: [c0] }) },
      { name: "bob.json", text: mk("p-bob", { [x]: 2 }, { enablers: [e0] }) },
      { name: "cat.json", text: mk("p-cat", { [x]: 1, [y]: 3 }, { notes: { pounds: "Pool the BCF first" } }) },
      { name: "ann-again.json", text: mk("p-ann", { [x]: 3, [y]: 1 }, { enablers: [e0], commitments: [c0] }) },
      { name: "broken.json", text: "{\"format\": \"joinedup-answers\"" },
    ];
    await page.evaluate((f) => window.joinedup.addFiles("tally", f), files);
    const t = await page.evaluate(() => window.joinedup.tally());
    assert(t.files === 5 && t.counted === 3, `files ${t.files}, counted ${t.counted}`);
    assert(Math.abs(t.ratings[x].mean - 2) < 1e-9 && t.ratings[x].n === 3, "mean of x: " + JSON.stringify(t.ratings[x]));
    assert(Math.abs(t.ratings[x].sd - Math.sqrt(2 / 3)) < 1e-9, "spread of x: " + t.ratings[x].sd);
    assert(t.ratings[y].mean === 2 && t.ratings[y].n === 2, "y: " + JSON.stringify(t.ratings[y]));
    assert(t.enablers[e0] === 2 && t.commitments[c0] === 1, "votes wrong");
    assert(t.duplicates.length === 1 && t.duplicates[0].startsWith("ann-again.json"), JSON.stringify(t.duplicates));
    assert(t.skipped.length === 1 && t.skipped[0].startsWith("broken.json: /"), JSON.stringify(t.skipped));
    assert((await state(page)).nav.view === "tally", "tally view not shown");
    const s = await stats(page);
    await rendered(page, s.frames - 1);
    await page.screenshot({ path: join(artifacts, "view-tally.png") });
    const csvDownload = page.waitForEvent("download");
    await dispatch(page, { type: "export_tally_csv" });
    const csvPath = join(artifacts, "tally.csv");
    await (await csvDownload).saveAs(csvPath);
    const csv = readFileSync(csvPath, "utf8");
    assert(csv.includes(`barrier,pounds,${x},`) && csv.includes(",3,2.00,0.82,0,1,1,1,,"), "CSV row for x missing: " + csv.split("\n").slice(0, 3).join(" / "));
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("presenter: one board at a time, arrow keys step, Esc leaves", async () => {
    const { context, page } = await openApp();
    await ready(page);
    await dispatch(page, { type: "set_presenter", on: true });
    const ids = boardsJson().sort((a, b) => a.order - b.order).map((b) => b.id);
    assert((await state(page)).nav.board === ids[0], "presenter did not start on the first board");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((id) => window.joinedup.state().nav.board === id, ids[1], { timeout: 5000 });
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((id) => window.joinedup.state().nav.board === id, ids[2], { timeout: 5000 });
    await sleep(400);
    await page.screenshot({ path: join(artifacts, "presenter.png") });
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction((id) => window.joinedup.state().nav.board === id, ids[1], { timeout: 5000 });
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => window.joinedup.state().display.presenter === false, null, { timeout: 5000 });
    await context.close();
  });

  test("keyboard only: arrows and Enter open a board, with a visible focus", async () => {
    const { context, page } = await openApp();
    await ready(page);
    await page.focus("#canvas");
    await page.keyboard.press("Tab");
    for (let i = 0; i < 12 && !(await state(page)).nav.board; i++) {
      await page.keyboard.press("ArrowDown");
      await sleep(120);
      if (i >= 2) {
        await page.screenshot({ path: join(artifacts, "keyboard-focus.png") });
        await page.keyboard.press("Enter");
        await sleep(250);
      }
    }
    const st = await state(page);
    assert(st.nav.board !== "", "no board opened with the keyboard");
    await context.close();
  });
}
