// Phones and touch (#15), done as a person with a phone does it: every control is found with
// locate() and tapped with real touch events; text is typed with the keyboard into whatever the
// page focused; scrolling is a finger drag. Frames at 3x in SwiftShader are slow (a quarter of a
// second each here), so every step waits for frames or for the state, never a fixed time.
import { join } from "node:path";
import { fillsBox } from "./map_pixels.mjs";
import { describeSmall, smallTargets } from "./targets.mjs";

export const PHONES = [
  { name: "320x640", viewport: { width: 320, height: 640 }, scale: 2 },
  { name: "390x844", viewport: { width: 390, height: 844 }, scale: 3 },
  { name: "768x1024", viewport: { width: 768, height: 1024 }, scale: 2 },
  { name: "844x390", viewport: { width: 844, height: 390 }, scale: 3 },
];

export default function register({ test, assert, openApp, ready, stats, state, artifacts, sleep }) {
  async function frames(page, n = 1) {
    const f = (await stats(page)).frames;
    await page.evaluate(() => Module._jup_wake());
    await page.waitForFunction(([f, n]) => { Module._jup_wake(); return window.joinedup.stats().frames >= f + n; }, [f, n], { timeout: 30000, polling: 100 });
  }
  async function until(page, pred, arg, what) {
    try {
      await page.waitForFunction(pred, arg, { timeout: 20000, polling: 200 });
    } catch (e) {
      throw new Error("timed out waiting for " + what);
    }
  }
  // The first visible control with one of these labels (or "##ids"), after the frames it needs.
  async function find(page, labels, tries = 8) {
    labels = [].concat(labels);
    await page.evaluate(() => window.joinedup.items());  // the probe records from the next frame
    for (let i = 0; i < tries; ++i) {
      await frames(page);
      const all = await page.evaluate(() => window.joinedup.items());
      const w = all.find((x) => x.visible && (labels.includes(x.label) || labels.includes(x.id)));
      if (w) return w;
    }
    return null;
  }
  async function tap(page, labels) {
    const w = await find(page, labels);
    assert(w, `nothing labelled ${JSON.stringify(labels)} to tap`);
    assert(await page.evaluate((l) => window.joinedup.locate(l), w.label || w.id), `locate() does not know "${w.label || w.id}"`);
    assert(w.h >= 44 || w.kind !== "button", `"${w.label}" is ${w.h} px tall: a finger needs 44`);
    await tapAt(page, w.x + w.w / 2, w.y + w.h / 2);
    return w;
  }
  async function touch(page) { return page.context().newCDPSession(page); }
  // A finger down and up 60 ms later, sent together (a slow frame between playwright's own
  // touchStart and touchEnd would hold the finger down long enough for a long press).
  async function tapAt(page, x, y) {
    const cdp = await touch(page);
    const t0 = Date.now() / 1000;
    await Promise.all([cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y, id: 1 }], timestamp: t0 }),
                       cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [], timestamp: t0 + 0.06 })]);
    await cdp.detach();
    await frames(page, 3);  // press, release, and the frame that shows the result
  }
  // One finger from (x0, y0) to (x1, y1) in `steps` moves, `ms` apart. The events carry those
  // times (as a phone's touch screen stamps them), however slowly SwiftShader draws the frames.
  async function drag(cdp, x0, y0, x1, y1, steps = 8, ms = 30) {
    const t0 = Date.now() / 1000;
    const send = (type, i, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points, timestamp: t0 + (i * ms) / 1000 });
    // Sent together, in order, as a finger's events come: not each after the last slow frame.
    const sent = [send("touchStart", 0, [{ x: x0, y: y0, id: 1 }])];
    for (let i = 1; i <= steps; ++i) sent.push(send("touchMove", i, [{ x: x0 + ((x1 - x0) * i) / steps, y: y0 + ((y1 - y0) * i) / steps, id: 1 }]));
    sent.push(send("touchEnd", steps, []));
    await Promise.all(sent);
  }
  // Scrolls the page with finger drags until a control with this label is in view.
  async function scrollTo(page, labels, viewport) {
    const cdp = await touch(page);
    for (let i = 0; i < 20; ++i) {
      const w = await find(page, labels, 2);
      if (w && w.y + w.h < viewport.height - 70 && w.y > 60) return w;
      const x = viewport.width / 2, y = viewport.height * 0.7;
      await drag(cdp, x, y, x, y - viewport.height * 0.35, 6, 40);
      await frames(page, 4);
    }
    throw new Error(`scrolled and found no ${JSON.stringify(labels)}`);
  }
  async function fingerSized(page, where) {
    const small = smallTargets(await page.evaluate(() => window.joinedup.items()));
    assert(small.length === 0, `${where}: ${describeSmall(small)}`);
  }
  const activeTag = (page) => page.evaluate(() => { const a = document.activeElement; return a ? a.tagName + (a.id ? "#" + a.id : "") : ""; });

  const VIEWS = [
    { view: "boards", labels: ["Boards", "Why can't we...? boards"] },
    { view: "pound", labels: ["Pound", "Local pound"] },
    { view: "map", labels: ["Map"] },
    { view: "sources", labels: ["Sources", "Sources & About"] },
  ];

  for (const size of PHONES) {
    test(`phone ${size.name}: every view is reached by tapping, and nothing is drawn past the right edge`, async () => {
      const { context, page, errors } = await openApp({ viewport: size.viewport, scale: size.scale, touch: true });
      await ready(page);
      for (const v of [...VIEWS.slice(1), VIEWS[0]]) {
        await tap(page, v.labels);
        await until(page, (view) => window.joinedup.state().nav.view === view, v.view, `the ${v.view} view after a tap`);
        await frames(page, 2);
        const s = await stats(page);
        assert(s.overflowPx === 0, `${size.name} ${v.view}: drawn ${s.overflowPx} px past the right edge`);
        await fingerSized(page, `${size.name} ${v.view}`);
        await page.screenshot({ path: join(artifacts, `phone-${size.name}-${v.view}.png`) });
      }
      // The room tally: in the menu on a phone, on the boards page on a wider screen.
      if (await find(page, "Menu", 2)) {
        await tap(page, "Menu");
        await tap(page, "Room tally");
      } else {
        await tap(page, "Room tally (facilitators)");
      }
      await until(page, () => window.joinedup.state().nav.view === "tally", null, "the room tally after taps");
      await frames(page, 2);
      assert((await stats(page)).overflowPx === 0, `${size.name} tally: drawn past the right edge`);
      await page.screenshot({ path: join(artifacts, `phone-${size.name}-tally.png`) });
      assert(errors.length === 0, errors.join(" | "));
      await context.close();
    });
  }

  test("phone 390x844: rate a barrier and back an enabler by taps; write a note with the phone's keyboard", async () => {
    const size = PHONES[1];
    const { context, page, errors } = await openApp({ viewport: size.viewport, scale: size.scale, touch: true });
    await ready(page);
    const cards = (await find(page, "##card")) && (await page.evaluate(() => window.joinedup.items().filter((i) => i.id === "##card")));
    assert(cards.length >= 2, "no board cards");
    await tapAt(page, cards[1].x + cards[1].w / 2, cards[1].y + Math.min(cards[1].h / 2, 60));
    await until(page, () => window.joinedup.state().nav.board !== "", null, "a board to open after tapping its card");
    const boardId = (await state(page)).nav.board;

    const choice = await scrollTo(page, "Quite a lot", size.viewport);
    assert(choice.kind === "radio", `the rating "Quite a lot" reports as ${choice.kind}, not radio`);
    await fingerSized(page, "390x844 a board");
    await tap(page, choice.id);
    await until(page, () => Object.values(window.joinedup.state().answers.ratings || {}).includes(2), null, "a rating of 2 after the tap");

    const before = JSON.stringify((await state(page)).answers);
    await tap(page, (await scrollTo(page, "I back this", size.viewport)).id);
    await until(page, (b) => JSON.stringify(window.joinedup.state().answers) !== b, before, "backing an enabler by a tap");
    const backed = (await state(page)).answers;

    const note = await scrollTo(page, "##note", size.viewport);
    await tapAt(page, note.x + note.w / 2, note.y + note.h / 2);
    const tag = await activeTag(page);
    assert(tag === "TEXTAREA#text-agent", "after tapping the note, the focused element is " + tag + ": a phone would show no keyboard");
    const text = "Über café — 5 mins";
    await page.keyboard.type(text);
    const noteIs = (t) => until(page, ([b, t]) => (window.joinedup.state().answers.notes || {})[b] === t, [boardId, t], `the note to read ${JSON.stringify(t)}`);
    await noteIs(text);
    await page.keyboard.press("Backspace");
    await noteIs(text.slice(0, -1));
    await page.keyboard.press("Enter");  // a note is several lines: Enter starts a new one
    await page.keyboard.type("ok");
    await noteIs(text.slice(0, -1) + "\nok");
    const answers = (await state(page)).answers;
    assert(JSON.stringify(answers.ratings) === JSON.stringify(backed.ratings), "typing changed a rating");
    await page.screenshot({ path: join(artifacts, "phone-390-note.png") });
    // The keyboard opens (the visible page gets shorter): the field being typed in stays in view.
    await page.setViewportSize({ width: 390, height: 420 });
    await frames(page, 4);
    const caret = await find(page, "##note");
    assert(caret && caret.y < 420 - 40 && caret.y + 30 > 0, "with the keyboard open the note is off screen: " + JSON.stringify(caret));
    await page.screenshot({ path: join(artifacts, "phone-390-keyboard-open.png") });
    await page.setViewportSize(size.viewport);
    await frames(page, 2);
    // Leaving the field lets the keyboard go.
    await tap(page, ["Boards"]);
    await until(page, () => document.activeElement && document.activeElement.id !== "text-agent", null, "the text agent to let go of the focus");
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("phone 320x640: search by tapping and typing", async () => {
    const size = PHONES[0];
    const { context, page, errors } = await openApp({ viewport: size.viewport, scale: size.scale, touch: true });
    await ready(page);
    await tap(page, "Search");
    await until(page, () => document.activeElement && document.activeElement.id === "text-agent", null, "the search box to take the keyboard");
    await page.keyboard.type("Camden");
    await frames(page, 4);
    const hit = await find(page, "[place]  Camden");
    assert(hit, "no Camden result: " + JSON.stringify((await page.evaluate(() => window.joinedup.items())).map((i) => i.label).slice(0, 20)));
    await frames(page, 2);
    await page.screenshot({ path: join(artifacts, "phone-320-search.png") });
    const past = (await page.evaluate(() => window.joinedup.items())).filter((i) => i.visible && i.x + i.w > 320.5);
    assert((await stats(page)).overflowPx === 0, "the search panel runs past the edge: " + JSON.stringify(past.slice(0, 3)));
    await tapAt(page, hit.x + Math.min(hit.w / 2, 100), hit.y + hit.h / 2);
    await until(page, () => window.joinedup.state().nav.place !== "", null, "Camden to open from its result");
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("phone 390x844: the phone's keyboard: IME composition, emoji, autocorrect and paste reach the note", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 390, height: 844 }, scale: 1, touch: true,
                                                      permissions: ["clipboard-read", "clipboard-write"] });
    await ready(page);
    await page.evaluate(() => window.joinedup.dispatch({ type: "open_board", board: "people" }));
    const note = await scrollTo(page, "##note", { width: 390, height: 844 });
    assert(note.kind === "input" && note.label === "Your note on this board", `the note box reports as ${note.kind} "${note.label}"`);
    await tapAt(page, note.x + note.w / 2, note.y + note.h / 2);
    assert((await activeTag(page)) === "TEXTAREA#text-agent", "tapping the note did not focus the text agent");
    const noteIs = (t, what) => until(page, (t) => (window.joinedup.state().answers.notes || {}).people === t, t, what + ": the note to read " + JSON.stringify(t));
    const cdp = await touch(page);
    await page.keyboard.type("Staff");
    await noteIs("Staff", "typed");
    // An IME (here Japanese) composes in steps; only the committed text is typed into the field.
    for (const t of [" n", " に", " にほ", " 日本"]) await cdp.send("Input.imeSetComposition", { text: t, selectionStart: t.length, selectionEnd: t.length });
    await frames(page, 2);
    assert((await state(page)).answers.notes.people === "Staff", "text still being composed reached the note: " + (await state(page)).answers.notes.people);
    await cdp.send("Input.insertText", { text: " 日本" });
    await noteIs("Staff 日本", "after the IME commits");
    // An emoji with a skin tone (two code points past the 16-bit range) is kept whole.
    await cdp.send("Input.insertText", { text: " 👍🏽" });
    await noteIs("Staff 日本 👍🏽", "after an emoji");
    // Autocorrect replaces the word just typed: the field gets the corrected word.
    await page.keyboard.type(" teh");
    await noteIs("Staff 日本 👍🏽 teh", "before autocorrect");
    await page.evaluate(() => { const t = document.getElementById("text-agent"); t.setSelectionRange(t.value.length - 3, t.value.length); });
    await cdp.send("Input.insertText", { text: "the" });
    await noteIs("Staff 日本 👍🏽 the", "after autocorrect");
    // Paste from the system clipboard with the keyboard's paste (the browser's own, Ctrl+V here).
    await page.evaluate(() => navigator.clipboard.writeText(" team"));
    await page.keyboard.press("Control+V");
    await noteIs("Staff 日本 👍🏽 the team", "after paste");
    await page.keyboard.press("Backspace");
    await noteIs("Staff 日本 👍🏽 the tea", "after Backspace");
    await cdp.detach();
    await page.screenshot({ path: join(artifacts, "phone-390-ime.png") });
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("phone 390x844: a drag scrolls without pressing anything, a flick glides on, a long press shows what hover shows", async () => {
    const size = PHONES[1];
    const { context, page, errors } = await openApp({ viewport: size.viewport, scale: size.scale, touch: true });
    await ready(page);
    const cdp = await touch(page);
    // A long press on a glossary chip shows its definition, as a hover does.
    await page.evaluate(() => window.joinedup.dispatch({ type: "open_board", board: "purpose" }));
    const nav0 = JSON.stringify((await state(page)).nav);
    const chip = await find(page, "ICS?");
    assert(chip, "no ICS? chip on the Purpose board");
    const cx = chip.x + chip.w / 2, cy = chip.y + chip.h / 2;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: cx, y: cy, id: 1 }] });
    await sleep(700);
    await frames(page, 4);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await frames(page, 3);
    assert((await stats(page)).tooltipShown, "a long press on ICS? showed nothing");
    await page.screenshot({ path: join(artifacts, "phone-390-long-press.png") });
    assert(JSON.stringify((await state(page)).nav) === nav0, "the long press acted like a tap");
    await page.evaluate(() => window.joinedup.dispatch({ type: "open_board", board: "" }));
    const first = await find(page, "##card");
    // A slow drag that starts on a card: the list moves with the finger, the card does not open.
    await drag(cdp, 200, first.y + 40, 200, first.y - 160, 10, 60);
    await frames(page, 4);
    let moved = await find(page, "##card");
    const nav = (await state(page)).nav;
    assert(nav.board === "", "a drag opened a board: " + nav.board);
    const all = await page.evaluate(() => window.joinedup.items().filter((i) => i.id === "##card"));
    assert(all.some((c) => c.y < first.y - 100), `the cards did not follow the finger (first card at ${first.y}, now ${all.map((c) => c.y)})`);
    // A flick on a long board: the page keeps moving after the finger has lifted.
    await page.evaluate(() => window.joinedup.dispatch({ type: "open_board", board: "overarching" }));
    await frames(page, 2);
    // Opened from a list scrolled down, the board still opens at its top.
    const top = await find(page, "< All boards");
    assert(top && top.y < 200, "the board opened scrolled down, where the list was: " + JSON.stringify(top));
    const ys = async () => (await page.evaluate(() => window.joinedup.items().filter((i) => i.visible).map((i) => Math.round(i.y)))).slice(0, 5).join();
    await drag(cdp, 200, 600, 200, 520, 4, 20);
    await frames(page, 1);
    const atLift = await ys();
    await frames(page, 3);
    assert((await ys()) !== atLift, "the page stopped dead when the finger lifted: " + atLift);
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("phone 320x640: a sideways drag scrolls a wide table inside its frame, not the page", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 320, height: 640 }, scale: 1, touch: true });
    await ready(page);
    await page.evaluate(() => { window.joinedup.dispatch({ type: "set_view", view: "pound" }); window.joinedup.dispatch({ type: "pound_tab", tab: "funds" }); });
    // A row of the costs table (its money cells, "£1,234##<column>"), scrolled into view.
    const cells = async (y) => (await page.evaluate(() => window.joinedup.items()))
      .filter((i) => i.id.startsWith("£") && i.id.includes("##") && (y === undefined || Math.abs(i.y - y) < 4));
    let head = null;
    for (let i = 0; i < 25 && !head; ++i) {
      await frames(page, 2);
      head = (await cells()).find((c) => c.visible && c.y > 120 && c.y < 640 - 160) || null;
      if (!head) { const cdp = await touch(page); await drag(cdp, 160, 450, 160, 250, 6, 40); await cdp.detach(); }
    }
    assert(head, "scrolled the funds tab and found no row of the costs table");
    // Let the page's glide come to rest, then take the row where it stopped. Another row may
    // show the same amount in the same column (the same label): follow the nearest one.
    const same = (list, h) => list.filter((c) => c.id === h.id).sort((a, b) => Math.abs(a.y - h.y) - Math.abs(b.y - h.y))[0];
    for (let y = null, i = 0; i < 20 && y !== head.y; ++i) {
      y = head.y;
      await frames(page, 3);
      head = same(await cells(), head) || head;
    }
    assert(head.visible && head.y > 60 && head.y + head.h < 600, "the costs row left the screen while the page came to rest: " + JSON.stringify(head));
    const before = await cells(head.y);
    const last = before.reduce((a, b) => (b.x > a.x ? b : a));
    assert(before.length >= 2 && last.x + last.w > 320, "the costs table fits a 320 px screen: nothing to scroll sideways " + JSON.stringify(before.map((c) => [c.label, c.x])));
    const cols = () => cells(head.y);
    const outside = (await page.evaluate(() => window.joinedup.items())).filter((i) => i.visible && i.y < head.y - 60)[0];
    const cdp = await touch(page);
    await drag(cdp, 260, head.y + head.h / 2, 60, head.y + head.h / 2, 10, 40);
    await frames(page, 6);
    await cdp.detach();
    const after = await cols();
    const moved = after.find((c) => c.id === last.id);
    assert(moved && moved.x < last.x - 100, `a 200 px sideways drag moved the table's last column from ${last.x} to ${moved && moved.x}`);
    assert((await stats(page)).overflowPx === 0, "after the sideways drag something is drawn past the right edge");
    if (outside) {
      const o = (await page.evaluate(() => window.joinedup.items())).find((i) => i.id === outside.id && Math.abs(i.y - outside.y) < 30);
      assert(o && Math.abs(o.x - outside.x) < 1, `the page around the table moved sideways: "${outside.label}" from ${outside.x} to ${o && o.x}`);
    }
    await page.screenshot({ path: join(artifacts, "phone-320-table-sideways.png") });
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("phone with a notch and a home bar: the app keeps inside the safe area, in portrait and on its side", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 390, height: 844 }, scale: 1, touch: true });
    await ready(page);
    const cdp = await touch(page);
    for (const [w, h, insets] of [[390, 844, { top: 47, bottom: 34, left: 0, right: 0 }], [844, 390, { top: 0, bottom: 21, left: 47, right: 47 }]]) {
      await page.setViewportSize({ width: w, height: h });
      await cdp.send("Emulation.setSafeAreaInsetsOverride", { insets });
      await frames(page, 4);
      const r = await page.evaluate(() => { const b = document.getElementById("canvas").getBoundingClientRect(); return { x: b.x, y: b.y, r: b.right, b: b.bottom }; });
      const where = `${w}x${h} with insets ${JSON.stringify(insets)}`;
      assert(Math.abs(r.x - insets.left) < 1 && Math.abs(r.y - insets.top) < 1 && Math.abs(r.r - (w - insets.right)) < 1 && Math.abs(r.b - (h - insets.bottom)) < 1,
             `${where}: the app is drawn at ${JSON.stringify(r)}`);
      // The app lays out for the room it has: the view tabs sit above the home bar, nothing past the edge.
      const tab = await find(page, ["Boards", "Why can't we...? boards"]);
      assert(tab && r.y + tab.y + tab.h <= h - insets.bottom + 0.5, `${where}: the Boards tab is under the home bar: ${JSON.stringify(tab)}`);
      assert((await stats(page)).overflowPx === 0, `${where}: drawn past the right edge`);
      await page.screenshot({ path: join(artifacts, `phone-safe-area-${w}x${h}.png`) });
    }
    await cdp.detach();
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("phone 390x844: on the map a one-finger drag pans without choosing anything, and a pinch zooms", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 390, height: 844 }, scale: 1, touch: true });
    await ready(page);
    await tap(page, "Map");
    await until(page, () => window.joinedup.state().nav.view === "map", null, "the map view");
    const map = await find(page, "London map: arrow keys move, + and - zoom, 0 fits");
    assert(map && map.w >= 390 * 0.9, "the map does not fill the phone's width: " + JSON.stringify(map));
    await frames(page, 3);
    const a = await fillsBox(page);
    const cx = map.x + map.w / 2, cy = map.y + map.h / 2;
    const cdp = await touch(page);
    await drag(cdp, cx, cy, cx + 60, cy + 30, 8, 30);
    await frames(page, 4);
    const b = await fillsBox(page);
    assert(Math.abs(b.x0 - a.x0 - 60) < 15 && Math.abs(b.y0 - a.y0 - 30) < 15, `a 60 x 30 px drag moved the map by ${b.x0 - a.x0} x ${b.y0 - a.y0}`);
    assert((await state(page)).nav.place === "", "the drag chose a place");
    // Two fingers moving apart, a frame for each step (the map reads the fingers every frame).
    const pinch = async (type, d) => {
      await cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }] });
      await frames(page, 1);
    };
    await pinch("touchStart", 30);
    for (let d = 40; d <= 100; d += 10) await pinch("touchMove", d);
    await pinch("touchEnd", 0);
    await frames(page, 3);
    const c = await fillsBox(page);
    assert(c.n > b.n * 1.5, `the pinch did not zoom in: ${b.n} -> ${c.n} map pixels`);
    assert((await state(page)).nav.place === "", "the pinch chose a place");
    await page.screenshot({ path: join(artifacts, "phone-390-map-pinched.png") });
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("desktop: a text field takes typing through the text agent, and Copy reaches the system clipboard", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    await ready(page);
    await page.evaluate(() => window.joinedup.dispatch({ type: "open_board", board: "people" }));
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, 4000);
    const note = await find(page, "##note");
    assert(note, "no note box on the People board");
    await page.mouse.click(note.x + 20, note.y + 10);
    await frames(page, 3);
    assert((await activeTag(page)) === "TEXTAREA#text-agent", "the text agent did not take the focus: " + (await activeTag(page)));
    await page.keyboard.type("Trust first");
    await until(page, () => (window.joinedup.state().answers.notes || {}).people === "Trust first", null, "the typed note");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    await frames(page, 4);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied === "Trust first", "the system clipboard holds " + JSON.stringify(copied));
    // What the browser does on paste (the textarea gains the text) reaches the field.
    await page.keyboard.press("End");
    await page.evaluate(() => { const t = document.getElementById("text-agent"); t.setRangeText(", then data", t.value.length, t.value.length, "end");
                                t.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", data: ", then data" })); });
    await until(page, () => (window.joinedup.state().answers.notes || {}).people === "Trust first, then data", null, "the pasted text");
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });
}
