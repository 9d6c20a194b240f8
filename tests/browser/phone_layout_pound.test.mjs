// Phone layout (#15) of the Local pound, Sources & About and the Room tally: in touch contexts
// at phone, tablet and landscape sizes, every pound tab, the document list, the document reader
// and the tally draw nothing past the right edge (stats().overflowPx 0), from the top of the
// page to its end, with every control on screen a finger's size (44 x 44 px); and the pound's four headline figures sit side by side or stack, never over
// each other. Views are opened by dispatching actions (tap navigation is tested elsewhere).
import { join } from "node:path";
import { describeSmall, smallTargets } from "./targets.mjs";

export default function register({ test, assert, openApp, artifacts, base }) {
  // 768 x 1024 (a tablet, laid out as a laptop) is checked screen by screen in phone.test.mjs; the
  // walks to the end of every page run where the phone layouts are, to keep CI within its time.
  const sizes = [[320, 640], [390, 844], [844, 390]];
  const tabs = ["overview", "compare", "time", "whatif", "funds", "tables"];

  // Waits for two frames drawn with the widget probe on (the first after a change may still
  // use the last frame's sizes), then reads what they drew.
  async function settled(page) {
    await page.evaluate(() => window.joinedup.widgets());
    for (let k = 0; k < 2; ++k) {
      const f = await page.evaluate(() => window.joinedup.stats().frames);
      await page.mouse.move(2 + k, 2);
      await page.waitForFunction((n) => window.joinedup.stats().frames > n, f, { timeout: 10000 });
    }
    return { stats: await page.evaluate(() => window.joinedup.stats()), items: await page.evaluate(() => window.joinedup.items()) };
  }

  // Walks the view from its top to its end, a screen at a time, and calls check(items) on each:
  // overflowPx must be 0 on every screen (only what is on screen is measured). The end is where a
  // scroll changes nothing on screen.
  async function walk(page, w, h, where, check = () => {}, most = 25) {
    let last = null;
    const events = Math.max(1, Math.round((h * 0.5) / 90));  // a wheel notch (100) scrolls 5 lines, 90 px
    for (let step = 0; step < most; ++step) {
      const { stats, items } = await settled(page);
      assert(stats.overflowPx === 0, `${where}: drawn ${stats.overflowPx} px past the right edge, ${step} screens down; past it: ` +
        JSON.stringify(items.filter((i) => i.x + i.w > w).slice(0, 3)));
      const small = smallTargets(items);
      assert(small.length === 0, `${where}, ${step} screens down: ${describeSmall(small)}`);
      await check(items, step);
      const shot = await page.screenshot({ type: "jpeg", quality: 20, scale: "css" });  // small: only compared
      if (last && shot.equals(last)) return step;
      last = shot;
      await page.mouse.move(w / 2, h * 0.5);
      for (let k = 0; k < events; ++k) await page.mouse.wheel(0, 100);
    }
    return most;
  }

  const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

  for (const [w, h] of sizes) {
    test(`phone layout ${w}x${h} (touch): every pound tab, sources and the tally fit the width; the headline figures do not overlap`, async () => {
      const first = await openApp();
      const browser = first.context.browser();
      await first.context.close();
      // Layout is in CSS px whatever the density, so the long walks run at 1x (SwiftShader draws a
      // 3x frame in a quarter of a second); the 3x phone's headline figures are checked below.
      const dense = w === 390;
      const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dense ? 3 : 1, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      const errors = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(base);
      await page.waitForFunction(() => window.joinedup && window.joinedup.ready, null, { timeout: 60000 });
      const go = (actions) => page.evaluate((list) => { for (const a of list) window.joinedup.dispatch(a); }, actions);
      // Each view from the top of a fresh page.
      const open = async (actions) => {
        await page.goto(base);
        await page.waitForFunction(() => window.joinedup && window.joinedup.ready, null, { timeout: 60000 });
        await go(actions);
      };

      for (const tab of tabs) {
        if (dense && tab !== "overview") continue;  // 3x: the headline figures (font density) only
        await open([{ type: "set_view", view: "pound" }, { type: "pound_tab", tab }]);
        let together = false;
        const seen = new Set();
        await walk(page, w, h, `pound/${tab} at ${w}x${h}`, (items, step) => {
          const boxes = items.filter((i) => i.id.endsWith("##stat") && i.visible);
          boxes.forEach((b) => seen.add(b.id));
          for (const b of boxes) assert(b.x >= 0 && b.x + b.w <= w, `${tab}: headline "${b.label}" is not inside the screen: ${JSON.stringify(b)}`);
          for (let i = 0; i < boxes.length; ++i)
            for (let j = i + 1; j < boxes.length; ++j)
              assert(!overlap(boxes[i], boxes[j]), `${tab}: "${boxes[i].label}" and "${boxes[j].label}" overlap: ${JSON.stringify([boxes[i], boxes[j]])}`);
          if (boxes.length === 4) {
            together = true;
            // a phone: two to a row at most
            if (w < 400) assert(new Set(boxes.map((b) => Math.round(b.y))).size >= 2, `${tab}: the four headline figures are in one row at ${w} px`);
          }
          if (step === 0) return page.screenshot({ path: join(artifacts, `phone-pound-${tab}-${w}x${h}.png`) });
        });
        // On a small phone they stack one to a row and may need more than a screen.
        assert(together || (w < 400 && seen.size === 4), `${tab}: the four headline figures were not all shown at ${w}x${h}: ${[...seen]}`);
      }

      if (dense) {
        assert(errors.length === 0, "console errors: " + errors.join(" | "));
        await context.close();
        return;
      }
      await open([{ type: "set_view", view: "sources" }, { type: "show_source", doc: "" }]);
      await page.screenshot({ path: join(artifacts, `phone-sources-${w}x${h}.png`) });
      await walk(page, w, h, `sources at ${w}x${h}`);
      await go([{ type: "show_source", doc: "000", line: 616 }]);
      await settled(page);
      await page.screenshot({ path: join(artifacts, `phone-reader-${w}x${h}.png`) });
      await walk(page, w, h, `the reader (document 000) at ${w}x${h}`, () => {}, 6);  // 1,942 lines: a few screens

      // The tally of this browser's own answers: one rating and one vote.
      const boards = await page.evaluate(() => fetch("data/boards.json").then((r) => r.json()));
      const pounds = boards.boards.find((b) => b.id === "pounds");
      await go([{ type: "rate_barrier", barrier: pounds.barrier_groups[0].barriers[0].id, rating: 2 }]);
      await page.evaluate(() => window.joinedup.addFiles("tally", [{ name: "me.json", text: JSON.stringify(window.joinedup.exportAnswers()) }]));
      await go([{ type: "set_view", view: "tally" }]);
      const t = await page.evaluate(() => window.joinedup.tally());
      assert(t && JSON.stringify(t).length > 20, "the tally is empty: " + JSON.stringify(t));
      await page.screenshot({ path: join(artifacts, `phone-tally-${w}x${h}.png`) });
      await walk(page, w, h, `tally at ${w}x${h}`);
      assert(errors.length === 0, "console errors: " + errors.join(" | "));
      await context.close();
    });
  }
}
