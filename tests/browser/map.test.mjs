// The case-study map: WebGL boundaries, tiles, clicking areas and markers, filters, the inset,
// persistence, and the frame cost with London's 33 areas and a 5,000-polygon synthetic layer.
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { fillsBox } from "./map_pixels.mjs";

export default function register({ test, assert, openApp, ready, dispatch, stats, state, rendered, widget, artifacts, sleep }) {
  const geo = () => JSON.parse(readFileSync(new URL("../../data/geo/london.json", import.meta.url), "utf8"));
  const refuse = (page, action) => page.evaluate((a) => { try { window.joinedup.dispatch(a); return null; } catch (e) { return e.message; } }, action);

  // Waits (up to 8 s: SwiftShader on a busy machine renders slowly) until state() satisfies `pred`.
  async function until(page, pred, arg = null) {
    await page.waitForFunction(pred, arg, { timeout: 8000 }).catch(() => {});
    return state(page);
  }

  async function openMap(opts) {
    const app = await openApp(opts);
    await ready(app.page);
    const f = (await stats(app.page)).frames;
    await dispatch(app.page, { type: "set_view", view: "map" });
    await rendered(app.page, f);
    await app.page.mouse.move(2, 2);
    await sleep(200);
    return app;
  }

  test("map: boundaries drawn with WebGL look like London; clicking a borough selects it; a marker opens its card", async () => {
    const { context, page, errors } = await openMap();
    await page.screenshot({ path: join(artifacts, "map-boundaries.png") });
    const box = await fillsBox(page);
    assert(box.n > 50000, `too few map pixels: ${box.n}`);
    const g = geo();
    const aspect = (g.bbox[2] - g.bbox[0]) / (g.bbox[3] - g.bbox[1]);
    const seen = (box.x1 - box.x0) / (box.y1 - box.y0);
    assert(Math.abs(seen - aspect) / aspect < 0.04, `map aspect ${seen.toFixed(3)} is not London's ${aspect.toFixed(3)}`);
    // The same camera logic: world -> screen is linear over the fitted box, y flipped.
    const toScreen = ([x, y]) => [box.x0 + (x - g.bbox[0]) / (g.bbox[2] - g.bbox[0]) * (box.x1 - box.x0),
                                  box.y0 + (g.bbox[3] - y) / (g.bbox[3] - g.bbox[1]) * (box.y1 - box.y0)];
    const barnet = g.areas.find((a) => a.code === "E09000003");
    const [bx, by] = toScreen(barnet.anchor);
    await page.mouse.click(bx, by);
    let st = await until(page, () => window.joinedup.state().nav.place === "E09000003");
    assert(st.nav.place === "E09000003", `clicked Barnet at ${bx},${by}; selected "${st.nav.place}"`);
    // Camden has one case study (CS5): its marker sits at Camden's anchor.
    const camden = g.areas.find((a) => a.code === "E09000007");
    const [cx, cy] = toScreen(camden.anchor);
    await page.mouse.click(cx, cy);
    st = await until(page, () => window.joinedup.state().nav.case_study === "cs5");
    assert(st.nav.case_study === "cs5", `Camden's marker did not open CS5: ${st.nav.case_study}`);
    await page.mouse.move(2, 2);
    await sleep(300);
    await page.screenshot({ path: join(artifacts, "map-card.png") });
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("map: wheel zooms and drag pans (the fills' box changes), and Fit map restores", async () => {
    const { context, page, errors } = await openMap();
    const a = await fillsBox(page);
    const mx = (a.x0 + a.x1) / 2, my = (a.y0 + a.y1) / 2;
    await page.mouse.move(mx, my);
    await page.mouse.wheel(0, -300);
    await sleep(1000);
    await page.mouse.move(2, 2);
    await sleep(800);
    const b = await fillsBox(page);
    assert(b.n > a.n * 1.2, `wheel did not zoom in: ${a.n} -> ${b.n} pixels`);
    await page.mouse.move(mx, my);
    await page.mouse.down();
    await page.mouse.move(mx + 60, my + 40, { steps: 6 });
    await page.mouse.up();
    await page.mouse.move(2, 2);
    await sleep(300);
    const st = await state(page);
    assert(st.nav.place === "", "a drag must not select: " + st.nav.place);
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("map: tiles give the City of London a tile you can click; the layout survives a reload", async () => {
    const { context, page, errors } = await openMap();
    await dispatch(page, { type: "map_layout", layout: "tiles" });
    await sleep(1200);  // the 400 ms transition, then settled frames
    await page.mouse.move(3, 3);
    await sleep(300);
    await page.screenshot({ path: join(artifacts, "map-tiles.png") });
    const box = await fillsBox(page);
    const g = geo();
    const cols = 8, rows = 7;
    const city = g.areas.find((a) => a.code === "E09000001");
    const w = (box.x1 - box.x0) / cols, h = (box.y1 - box.y0) / rows;
    assert(Math.abs(w - h) < 3, `tiles are not square: ${w} x ${h}`);
    const [col, row] = city.tile;
    // Click the top of the tile, away from its markers (labels do not take clicks).
    await page.mouse.click(box.x0 + (col + 0.5) * w, box.y0 + (row + 0.12) * h);
    let st = await until(page, () => window.joinedup.state().nav.place === "E09000001");
    assert(st.nav.place === "E09000001", "City tile click selected: " + st.nav.place);
    assert(st.map.layout === "tiles", "layout not in state");
    await page.reload();
    await ready(page);
    st = await state(page);
    assert(st.map.layout === "tiles", "layout not kept across reload: " + st.map.layout);
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("map: filters change the counts; bad filters are refused; choices persist", async () => {
    const { context, page, errors } = await openMap();
    const cases = JSON.parse(readFileSync(new URL("../../data/case-studies.json", import.meta.url), "utf8")).case_studies;
    await dispatch(page, { type: "map_filter", facet: "kind", value: "example-2018" });
    await dispatch(page, { type: "map_filter", facet: "theme", value: "place" });
    await dispatch(page, { type: "map_filter", facet: "ics", value: "SEL" });
    let st = await state(page);
    assert(JSON.stringify(st.map.kinds) === '["example-2018"]' && JSON.stringify(st.map.themes) === '["place"]' && JSON.stringify(st.map.icss) === '["SEL"]', JSON.stringify(st.map));
    assert((await refuse(page, { type: "map_filter", facet: "ics", value: "MARS" })).includes("MARS"), "unknown ICS accepted");
    assert((await refuse(page, { type: "map_era", era: "1066" })) !== null, "bad era accepted");
    await dispatch(page, { type: "map_era", era: "then" });
    await dispatch(page, { type: "map_inset", open: true });
    const f = (await stats(page)).frames;
    await rendered(page, f);
    await page.mouse.move(2, 2);
    await sleep(300);
    await page.screenshot({ path: join(artifacts, "map-inset.png") });
    // 2018 examples about Place in SEL: ex-sel only.
    const expected = cases.filter((c) => c.kind === "example-2018" && c.themes.some((t) => t.board === "place") && c.year <= 2018);
    assert(expected.length >= 1, "fixture assumption");
    await page.reload();
    await ready(page);
    st = await state(page);
    assert(st.map.era === "then" && st.map.inset === true && st.map.icss[0] === "SEL", "filters not kept: " + JSON.stringify(st.map));
    await dispatch(page, { type: "map_clear_filters" });
    st = await state(page);
    assert(st.map.icss.length === 0 && st.map.era === "all", "clear did not clear");
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  // The close-up is drawn from places.json "close_ups": its buttons are named by the data and
  // open their case studies, as a person would click them (scrolling the close-up if need be).
  test("map: the close-up's buttons, named in places.json, open their case studies", async () => {
    const { context, page, errors } = await openMap();
    const cu = JSON.parse(readFileSync(new URL("../../data/places.json", import.meta.url), "utf8")).close_ups[0];
    await dispatch(page, { type: "map_inset", open: true });
    const close = await widget(page, "Close close-up");
    for (const k of cu.case_studies) {
      let w = null;
      for (let i = 0; i < 12 && !(w && w.visible); ++i) {
        w = await widget(page, "Open " + k.label).catch(() => null);
        if (w && w.visible) break;
        await page.mouse.move(close.x + 20, close.y + 200);
        await page.mouse.wheel(0, 120);
        await sleep(200);
      }
      assert(w && w.visible, `no button "Open ${k.label}" in the close-up`);
      await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
      const st = await until(page, (id) => window.joinedup.state().nav.case_study === id, k.case_study);
      assert(st.nav.case_study === k.case_study, `"Open ${k.label}" opened "${st.nav.case_study}"`);
    }
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  // Frame cost is measured by ./build-wasm.sh bench; here the 5,000-polygon layer must draw,
  // keep answering the mouse (frames still come), and go away again.
  test("map: a 5,000-polygon synthetic layer draws over London and can be removed", async () => {
    const { context, page, errors } = await openMap();
    await dispatch(page, { type: "map_benchmark", polygons: 5000 });
    await sleep(500);
    for (let i = 0; i < 5; i++) {
      const before = (await stats(page)).frames;
      await page.mouse.move(300 + i * 10, 400 + i * 5);
      await page.waitForFunction((n) => window.joinedup.stats().frames > n, before, { timeout: 5000 });
    }
    await page.screenshot({ path: join(artifacts, "map-bench-5000.png") });
    await dispatch(page, { type: "map_benchmark", polygons: 0 });
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });
}
