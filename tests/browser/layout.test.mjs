// Layout, measured as a person sees it: the widget probe (items(), locate(), stats().overflowPx)
// tells where each control was drawn and whether anything ran past the right edge. The laptop
// layout must keep fitting while the phone layout (#15) is reworked.
export default function register({ test, assert, openApp, ready, dispatch, stats, widget, sleep }) {
  async function measured(page, label = "Map") {
    await widget(page, label);  // turns the probe on and waits for frames drawn with it
    const f = (await stats(page)).frames;
    await page.mouse.move(5, 5);
    await page.waitForFunction((n) => window.joinedup.stats().frames > n, f, { timeout: 10000 });
    return stats(page);
  }

  test("layout: at 1280 px every view fits the width, and the probe names what each control is", async () => {
    // 1000 px tall, so the Priorities board's answer box is on screen with its options.
    const { context, page, errors } = await openApp({ viewport: { width: 1280, height: 1000 } });
    await ready(page);
    const views = [["boards", {}], ["boards", { board: "priorities" }], ["pound", {}], ["map", {}], ["sources", {}], ["tally", {}]];
    for (const [view, extra] of views) {
      await dispatch(page, { type: "set_view", view });
      if (extra.board) await dispatch(page, { type: "open_board", board: extra.board });
      const s = await measured(page);
      assert(s.overflowPx === 0, `${view}${extra.board ? "/" + extra.board : ""}: drawn ${s.overflowPx} px past the right edge`);
    }
    const map = await page.evaluate(() => window.joinedup.locate("Map"));
    assert(map && map.kind === "button" && map.w > 0 && map.h > 0, "the Map button: " + JSON.stringify(map));
    assert(await page.evaluate(() => window.joinedup.locate("no such control")) === null, "locate() of nothing is not null");
    await dispatch(page, { type: "set_view", view: "boards" });
    await dispatch(page, { type: "open_board", board: "priorities" });
    await measured(page);
    const items = await page.evaluate(() => window.joinedup.items());
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ["button", "input", "checkbox", "header"]) assert(kinds.has(k), `no ${k} on the Priorities board: ${[...kinds]}`);
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });

  test("layout: overflowPx agrees with the widest control drawn (320 px, text at 200%)", async () => {
    const { context, page } = await openApp({ viewport: { width: 320, height: 640 } });
    await ready(page);
    await dispatch(page, { type: "set_text_scale", scale: 2 });
    const s = await measured(page, "Menu");
    const items = await page.evaluate(() => window.joinedup.items().filter((i) => i.visible));
    const right = Math.max(...items.map((i) => i.x + i.w));
    // The probe's figure is the drawn part past 320 px; it must agree with the widest control.
    assert(right > 320.5 ? s.overflowPx >= right - 320 - 1 : s.overflowPx === 0, `widest control reaches ${right} px, overflowPx ${s.overflowPx}`);
    await context.close();
  });
}
