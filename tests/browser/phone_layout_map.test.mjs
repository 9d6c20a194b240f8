// Phones and tablets (#15): the boards and the map fit the screen. In touch contexts at a small
// phone, a large phone, a tablet and a phone on its side, nothing is drawn past the right edge of
// the board list, any board or the map (its sheet of filters and list closed, open, and showing a
// chosen place), and every control on screen is a finger's size (44 x 44 px); on a phone the map takes the width and its sheet opens and closes by taps.
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { describeSmall, smallTargets } from "./targets.mjs";

export default function register({ test, assert, openApp, ready, dispatch, stats, widget, artifacts, sleep }) {
  const boards = () => JSON.parse(readFileSync(new URL("../../data/boards.json", import.meta.url), "utf8")).boards.map((b) => b.id);
  const MAP = "London map: arrow keys move, + and - zoom, 0 fits";
  const sizes = [
    { name: "320x640", viewport: { width: 320, height: 640 }, scale: 2, phone: true },
    { name: "390x844", viewport: { width: 390, height: 844 }, scale: 3, phone: true },
    { name: "768x1024", viewport: { width: 768, height: 1024 }, scale: 2, phone: false },
    { name: "844x390", viewport: { width: 844, height: 390 }, scale: 3, phone: false },
  ];

  // The probe's stats and items of a frame drawn after what came before.
  async function frame(page) {
    await widget(page, "Map");  // the view bar's button: on every page; turns the probe on
    await settle(page);
    return { s: await stats(page), items: await page.evaluate(() => window.joinedup.items()) };
  }
  // Two more frames, each woken by a small mouse move (an idle app draws nothing).
  async function settle(page) {
    for (const x of [1, 2]) {
      const f = (await stats(page)).frames;
      await page.mouse.move(x, 1);
      await page.waitForFunction((n) => window.joinedup.stats().frames > n, f, { timeout: 10000 });
    }
  }
  const locate = (page, label) => page.evaluate((l) => window.joinedup.locate(l), label);
  async function tap(page, label) {
    const w = await locate(page, label);
    assert(w, `no "${label}" to tap`);
    await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
    await frame(page);
  }
  // What drew past the edge, to say in a failure.
  const wide = (items, width) => items.filter((i) => i.x + i.w > width + 0.5).slice(0, 4).map((i) => `${i.kind} "${i.label}" to ${Math.round(i.x + i.w)}`).join(", ");

  for (const size of sizes)
    test(`phone layout ${size.name}: the board list, every board and the map (sheet closed, open, with a place) fit the width`, async () => {
      const { context, page, errors } = await openApp({ viewport: size.viewport, scale: size.scale, touch: true });
      await ready(page);
      const W = size.viewport.width;
      const fits = async (what) => {
        const { s, items } = await frame(page);
        assert(s.overflowPx === 0, `${size.name} ${what}: drawn ${s.overflowPx} px past the right edge (${wide(items, W)})`);
        const small = smallTargets(items);
        assert(small.length === 0, `${size.name} ${what}: ${describeSmall(small)}`);
        return items;
      };
      await dispatch(page, { type: "set_view", view: "boards" });
      await fits("the board list");
      for (const id of boards()) {
        await dispatch(page, { type: "open_board", board: id });
        await fits(`board ${id}`);
      }
      await dispatch(page, { type: "open_board", board: "" });
      await dispatch(page, { type: "set_view", view: "map" });
      let items = await fits("the map");
      const map = items.find((i) => i.label === MAP);
      assert(map, "the map's drawing area was not drawn");
      if (size.phone) {
        assert(map.w >= 0.9 * W, `${size.name}: the map is ${Math.round(map.w)} px wide of ${W}`);
        assert(!(await locate(page, "Close filters and list")), "the sheet is open before it was asked for");
        await tap(page, "Filters and list");
        await fits("the map with its sheet open");
        assert(await locate(page, "Close filters and list"), "tapping Filters and list did not open the sheet");
        await page.screenshot({ path: join(artifacts, `phone-map-sheet-${size.name}.png`) });
        await tap(page, "Close filters and list");
        assert(!(await locate(page, "Close filters and list")), "Close filters and list did not close the sheet");
      }
      await dispatch(page, { type: "select_place", place: "E09000007" });  // Camden
      items = await fits("the map with a place chosen");
      if (size.phone) assert(items.some((i) => i.label === "Close filters and list"), "choosing a place did not show it in the sheet");
      await dispatch(page, { type: "select_case_study", case_study: "cs6" });
      await fits("the map with a case study's card");
      await page.screenshot({ path: join(artifacts, `phone-map-card-${size.name}.png`) });
      assert(errors.length === 0, errors.join(" | "));
      await context.close();
    });

  test("phone layout: presenter mode fits a 320 px phone", async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 320, height: 640 }, scale: 2, touch: true });
    await ready(page);
    await dispatch(page, { type: "open_board", board: "pounds" });
    await dispatch(page, { type: "set_presenter", on: true });
    await widget(page, "Leave presenter mode");
    await settle(page);
    const s = await stats(page);
    assert(s.overflowPx === 0, `presenter mode: drawn ${s.overflowPx} px past the right edge`);
    await page.screenshot({ path: join(artifacts, "phone-presenter-320.png") });
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });
}
