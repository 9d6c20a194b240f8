// Answering in the text edition (web/text/answer.js with text/answer-core.wasm): native form
// controls on every board page, kept by the same core and the same browser storage as the canvas
// app. axe-core finds nothing on any text page, empty or filled in; a keyboard alone rates, ticks,
// types and saves; answers cross between the editions both ways and count in the room tally; the
// priority cap is refused aloud; without scripts no dead control shows.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core");

export default function register({ test, assert, openApp, ready, dispatch, state, artifacts, base }) {
  const text = base + "text/";
  const site = resolve(new URL("../../build-wasm/site", import.meta.url).pathname);
  const boards = JSON.parse(readFileSync(join(site, "data/boards.json"), "utf8")).boards;
  const pounds = boards.find((b) => b.id === "pounds");
  const firstBarrier = pounds.barrier_groups[0].barriers[0];

  // A text page, its answer module ready. bypassCSP only so that axe can be injected; the
  // keyboard test runs under the page's own policy and records any violation.
  async function openText(path, opts = {}) {
    const app = await openApp({ url: text + path, ...opts });
    await textReady(app.page);
    return app;
  }
  async function textReady(page) {
    if (!(await page.evaluate(() => !!document.querySelector("[data-board]")))) return;
    await page.waitForFunction(() => window.joinedupText, null, { timeout: 20000 });
    await page.evaluate(() => window.joinedupText.ready);
  }
  const live = (page) => page.textContent("#answer-live");
  async function liveSays(page, words) {
    await page.waitForFunction((w) => document.getElementById("answer-live").textContent.includes(w), words, { timeout: 5000 })
      .catch(async () => { throw new Error(`aria-live says "${await live(page)}", not "${words}"`); });
  }

  const report = {};
  async function axe(page, name, problems) {
    await page.addScriptTag({ path: AXE });
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    report[name] = res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, first: v.nodes[0] && v.nodes[0].target }));
    for (const v of res.violations)
      problems.push(`${name}: ${v.id} (${v.impact}, ${v.nodes.length}x) ${v.help} e.g. ${JSON.stringify(v.nodes[0] && v.nodes[0].target)}`);
  }

  test("text answer: axe-core finds no violation of any impact on any text page, empty and filled in", async () => {
    const pages = readdirSync(join(site, "text")).filter((n) => n.endsWith(".html"))
      .concat(readdirSync(join(site, "text/boards")).map((n) => "boards/" + n));
    const { context, page, errors } = await openApp({ url: text + "index.html", bypassCSP: true });
    const problems = [];
    for (const p of pages) {
      await page.goto(text + p);
      await textReady(page);
      await axe(page, p + " (empty)", problems);
    }
    // Filled in: every kind of control on the two boards with choices, then each board again.
    await page.goto(text + "boards/pounds.html");
    await textReady(page);
    await page.check(`[data-control="rating"][data-item="${firstBarrier.id}"] input[value="2"]`);
    await page.check(`[data-control="signup"] input`);
    await page.check(`[data-control="back"] input`);
    await page.check(`[data-control="pool"] input`);
    await page.fill("#exception", "Budgets already committed under a national contract");
    await page.click('[data-control="exception-add"]');
    await page.fill("#note", "A note from the text edition");
    await page.click('[data-control="share"]');
    await page.goto(text + "boards/priorities.html");
    await textReady(page);
    for (const box of (await page.$$('[data-control="priority"] input')).slice(0, 3)) await box.check();
    await page.fill("#deprioritised", "New buildings");
    await page.locator("#deprioritised").blur();
    for (const p of pages.filter((p) => p.startsWith("boards/"))) {
      await page.goto(text + p);
      await textReady(page);
      await axe(page, p + " (filled in)", problems);
    }
    const st = await page.evaluate(() => window.joinedupText.state());
    assert(st.answers.ratings[firstBarrier.id] === 2 && st.answers.priorities.length === 3 && st.answers.pool_exceptions.length === 1,
      "not filled in: " + JSON.stringify(st.answers));
    writeFileSync(join(artifacts, "text-axe.json"), JSON.stringify(report, null, 1));
    assert(problems.length === 0, `${problems.length} axe violations:\n    ` + problems.join("\n    "));
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("text answer: keyboard only, a board page rates, ticks, types a note and saves them in the answers file", async () => {
    const { context, page, errors } = await openText("boards/pounds.html", { before: (p) => p.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
    }) });
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      const box = a.closest("[data-control]");
      return { tag: a.tagName, type: a.type || "", id: a.id, control: box ? box.getAttribute("data-control") : "", text: a.textContent.trim() };
    });
    async function tabTo(match, what) {
      for (let i = 0; i < 400; ++i) {
        await page.keyboard.press("Tab");
        if (match(await focused())) return;
      }
      throw new Error("Tab never reached " + what);
    }
    await tabTo((f) => f.control === "rating" && f.type === "radio", "a barrier's rating");
    const item = await page.evaluate(() => document.activeElement.closest("[data-item]").getAttribute("data-item"));
    await page.keyboard.press("ArrowRight");  // the first rating, then the next: "A little", "Quite a lot"
    await page.keyboard.press("ArrowRight");
    const chosen = await page.evaluate(() => document.activeElement.value);
    await liveSays(page, "Rated:");
    await tabTo((f) => f.control === "signup", "a commitment");
    const commitment = await page.evaluate(() => document.activeElement.closest("[data-item]").getAttribute("data-item"));
    await page.keyboard.press("Space");
    await liveSays(page, "Ticked: I would sign up to " + commitment);
    await tabTo((f) => f.id === "note", "the note");
    await page.keyboard.type("Typed with the keyboard only");
    await tabTo((f) => f.text === "Save my answers to a file", "Save");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const file = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert(/^joinedup-answers-[0-9a-f]{6}-r\d+\.json$/.test(download.suggestedFilename()), "file name " + download.suggestedFilename());
    assert(file.answers.ratings[item] === Number(chosen) && Number(chosen) >= 1, `rating in the file: ${JSON.stringify(file.answers.ratings)} (chose ${chosen})`);
    assert(file.answers.commitments.includes(commitment), "commitment not in the file: " + JSON.stringify(file.answers.commitments));
    assert(file.answers.notes.pounds === "Typed with the keyboard only", "note in the file: " + JSON.stringify(file.answers.notes));
    await liveSays(page, "Give this file to your facilitator");
    await page.screenshot({ path: join(artifacts, "text-answer-keyboard.png") });
    assert((await page.evaluate(() => window.__csp)).length === 0, "CSP violations: " + (await page.evaluate(() => window.__csp)).join(", "));
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("text answer: answers made in the text edition are in the canvas app's state(), and the reverse; the room tally counts its file", async () => {
    const { context, page } = await openText("boards/pounds.html");
    await page.check(`[data-control="rating"][data-item="${firstBarrier.id}"] input[value="3"]`);
    await page.fill("#note", "From the text edition");
    await page.locator("#note").blur();
    await liveSays(page, "Your note is kept.");
    const app = await context.newPage();
    await app.goto(base);
    await ready(app);
    let st = await state(app);
    assert(st.answers.ratings[firstBarrier.id] === 3, "the canvas app does not see the text edition's rating: " + JSON.stringify(st.answers));
    assert(st.answers.notes.pounds === "From the text edition", "the canvas app does not see the note");
    // The reverse: the canvas's answer reaches the open text page (storage event) and a reloaded one.
    const enabler = pounds.enablers[0].id;
    await dispatch(app, { type: "toggle_enabler", enabler });
    await page.waitForFunction((id) => document.querySelector(`[data-control="back"][data-item="${id}"] input`).checked, enabler, { timeout: 5000 })
      .catch(() => { throw new Error("the open text page did not take the canvas app's answer"); });
    await liveSays(page, "changed in another tab");
    await page.reload();
    await textReady(page);
    assert(await page.isChecked(`[data-control="back"][data-item="${enabler}"] input`), "after a reload the text page lacks the canvas app's answer");
    assert(await page.isChecked(`[data-control="rating"][data-item="${firstBarrier.id}"] input[value="3"]`), "the text page lost its own rating");
    // The text edition's answers file, in the room tally like any other.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-control="save"]')]);
    const fileText = readFileSync(await download.path(), "utf8");
    await app.evaluate((f) => window.joinedup.addFiles("tally", [f]), { name: download.suggestedFilename(), text: fileText });
    const t = await app.evaluate(() => window.joinedup.tally());
    assert(t.counted === 1 && t.skipped.length === 0, "tally: " + JSON.stringify({ counted: t.counted, skipped: t.skipped }));
    assert(t.ratings[firstBarrier.id].n === 1 && t.enablers[enabler] === 1 && t.notes.pounds[0] === "From the text edition", "tally: " + JSON.stringify(t.ratings));
    await context.close();
  });

  test("text answer: the priority cap is refused and said through aria-live; a file and a share link open from the text edition", async () => {
    const { context, page } = await openText("boards/priorities.html");
    const boxes = await page.$$('[data-control="priority"] input');
    for (const b of boxes.slice(0, 3)) await b.check();
    await boxes[3].click();
    await liveSays(page, "at most three priorities");
    assert(!(await boxes[3].isChecked()), "the fourth priority stayed ticked");
    assert((await page.evaluate(() => window.joinedupText.state())).answers.priorities.length === 3, "more than three priorities kept");
    const live = await page.getAttribute("#answer-live", "aria-live");
    assert(live === "polite", "the message region is not aria-live: " + live);
    assert((await page.textContent('[data-status="priorities"]')).includes("de-prioritise"), "the de-prioritisation rule is not said");
    // Share: the app's link format, to the app, opening this board.
    await page.click('[data-control="share"]');
    const url = await page.inputValue("#share-url");
    assert(url.startsWith(base + "#s1."), "share link: " + url);
    // Open a file: a damaged one is named and changes nothing; a good one replaces after asking.
    page.once("dialog", (d) => d.accept());  // "Replace the answers in this browser ...?": yes, and the file is refused
    await page.setInputFiles("#open-file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{\"format\": 1") });
    await liveSays(page, "broken.json");
    assert((await page.evaluate(() => window.joinedupText.state())).answers.priorities.length === 3, "a broken file changed the answers");
    const other = { format: "joinedup-answers", version: 1, participant: "p-00000000000000aa", revision: 3, exported_at: "2026-01-01T00:00:00Z",
      answers: { ratings: { [firstBarrier.id]: 1 }, enablers: [], commitments: [], notes: {}, priorities: [], deprioritised: "", pool_choice: "", pool_exceptions: [] } };
    page.once("dialog", (d) => d.accept());
    await page.setInputFiles("#open-file", { name: "theirs.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(other)) });
    await liveSays(page, "Answers from \"theirs.json\" are now in this browser.");
    const st = await page.evaluate(() => window.joinedupText.state());
    assert(st.answers.priorities.length === 0 && st.answers.ratings[firstBarrier.id] === 1, "import: " + JSON.stringify(st.answers));
    // The share link made earlier, opened on a text board page, asks before replacing and brings the three back.
    page.once("dialog", (d) => d.accept());
    await page.goto(text + "boards/priorities.html" + url.slice(url.indexOf("#")));
    await textReady(page);
    await page.waitForFunction(() => window.joinedupText.state().answers.priorities.length === 3, null, { timeout: 5000 })
      .catch(() => { throw new Error("the share link's answers were not opened"); });
    // Clear my answers: asks first; "no" keeps them, "yes" clears every board, as the app's button does.
    page.once("dialog", (d) => d.dismiss());
    await page.click('[data-control="clear"]');
    await liveSays(page, "Your answers are unchanged.");
    assert((await page.evaluate(() => window.joinedupText.state())).answers.priorities.length === 3, "a dismissed Clear cleared the answers");
    page.once("dialog", (d) => d.accept());
    await page.click('[data-control="clear"]');
    await liveSays(page, "Your answers are cleared");
    const cleared = (await page.evaluate(() => window.joinedupText.state())).answers;
    assert(cleared.priorities.length === 0 && Object.keys(cleared.ratings).length === 0, "after Clear: " + JSON.stringify(cleared));
    assert((await page.$$('[data-control="priority"] input:checked')).length === 0, "ticks stay on screen after Clear");
    await context.close();
  });

  test("text answer: the ARIA snapshot lists the radio groups and checkboxes by name; without scripts no control shows", async () => {
    const { context, page } = await openText("boards/pounds.html");
    // The snapshot is YAML: a name with ' in it is written with '' and a " as \".
    const snap = (await page.locator("main").ariaSnapshot()).replace(/''/g, "'").replace(/\\"/g, '"');
    const group = `group "${firstBarrier.label}: How much does this hold us back here?"`;
    assert(snap.includes(group), "no " + group + " in:\n" + snap.slice(0, 1500));
    for (const w of ["Not at all", "A little", "Quite a lot", "A lot"]) assert(snap.includes(`radio "${w}"`), "no radio " + w);
    const c = pounds.commitments[0], e = pounds.enablers[0];
    assert(snap.includes(`checkbox "I would sign up to ${c.id}: ${c.label}"`), "no checkbox for " + c.id);
    assert(snap.includes(`checkbox "I back this: ${e.label}"`), "no checkbox for " + e.id);
    assert(snap.includes('textbox "Your note on this board"'), "no note box");
    await context.close();
    // Scripts off: the page reads as a plain page, with no dead control and a word on why.
    const off = await openApp({ url: text + "boards/pounds.html", javaScriptEnabled: false });
    const shown = await off.page.evaluate(() => [...document.querySelectorAll("main input, main textarea, main button, main fieldset")]
      .filter((x) => x.getClientRects().length > 0).map((x) => x.outerHTML.slice(0, 80)));
    assert(shown.length === 0, "controls shown without scripts: " + shown.join(" | "));
    assert(await off.page.isVisible("[data-answer-off]"), "no word on answering without scripts");
    assert((await off.page.$$("main .items > li")).length > 20, "the board's items are not there without scripts");
    await off.context.close();
  });

  test("canvas: the first Tab stop is the link to the text edition, and the canvas says where it is", async () => {
    const { context, page } = await openApp();
    await page.keyboard.press("Tab");  // while the app loads: the first Tab stop, which the app then leaves alone
    await ready(page);
    const first = await page.evaluate(() => {
      const a = document.activeElement, r = a.getBoundingClientRect();
      const focusable = [...document.querySelectorAll("a[href], button, input, textarea, select, [tabindex]")].filter((e) => e.tabIndex >= 0);
      return { text: a.textContent, href: a.getAttribute("href"), visible: r.top >= 0 && r.height > 0, isFirst: focusable[0] === a };
    });
    assert(first.text === "Using a screen reader? Answer in the text edition" && first.href === "text/boards.html" && first.isFirst, JSON.stringify(first));
    assert(first.visible, "the link is not shown when focused");
    const desc = await page.evaluate(() => document.getElementById(document.getElementById("canvas").getAttribute("aria-describedby")).textContent);
    assert(desc.includes("text edition") && desc.includes("text/boards.html"), "canvas description: " + desc);
    // Into the app and out again: Tab reaches the canvas and its first control; Escape lets go of
    // it; Shift+Tab then leaves the app for the link (the keyboard is not trapped).
    await page.keyboard.press("Tab");
    assert(await page.evaluate(() => document.activeElement.id === "canvas"), "the second Tab stop is not the app");
    await page.keyboard.press("Tab");
    for (let i = 0; i < 4; ++i) await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "sr-link", null, { timeout: 5000 })
      .catch(async () => { throw new Error("Shift+Tab did not leave the app: focus is on " + (await page.evaluate(() => document.activeElement.id || document.activeElement.tagName))); });
    await page.keyboard.press("Enter");
    await page.waitForURL(/text\/boards\.html$/);
    // With a board open in the app, the link goes to that board's page.
    await page.goto(base);
    await ready(page);
    await dispatch(page, { type: "open_board", board: "pounds" });
    await page.focus("#sr-link");
    assert((await page.getAttribute("#sr-link", "href")) === "text/boards/pounds.html", "the link does not follow the open board");
    await context.close();
  });

  test("text answer: a browser that keeps nothing is said so, and answers still save to a file", async () => {
    const { context, page } = await openText("boards/people.html", { before: (p) => p.addInitScript(() => {
      for (const m of ["getItem", "setItem", "removeItem"]) Storage.prototype[m] = () => { throw new Error("storage is off"); };
    }) });
    await liveSays(page, "This browser is not keeping your answers");
    await page.check('[data-control="back"] input');
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-control="save"]')]);
    const file = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert(file.answers.enablers.length === 1, "the file lacks the answer: " + JSON.stringify(file.answers));
    await context.close();
  });
}
