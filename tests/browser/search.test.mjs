// Search, as a participant uses it: Ctrl+F (or the Search button), type, Enter opens the best
// result; Escape closes without changing anything.
import { join } from "node:path";

export default function register({ test, assert, openApp, ready, stats, state, rendered, artifacts, sleep }) {
  async function until(page, pred) {
    await page.waitForFunction(pred, null, { timeout: 8000 }).catch(() => {});
    return state(page);
  }
  async function openSearch(page) {
    await page.mouse.click(640, 792);  // focus the canvas (an empty strip at the bottom)
    const f = (await stats(page)).frames;
    await page.keyboard.press("Control+f");
    await rendered(page, f);
    await sleep(300);
  }

  test("search: typing a borough and pressing Enter opens it on the map", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    await openSearch(page);
    await page.keyboard.type("Camden", { delay: 30 });
    await sleep(400);
    await page.screenshot({ path: join(artifacts, "search-camden.png") });
    await page.keyboard.press("Enter");
    const st = await until(page, () => window.joinedup.state().nav.view === "map" && window.joinedup.state().nav.place !== "");
    assert(st.nav.view === "map", "view is " + st.nav.view);
    assert(st.nav.place === "E09000007", "selected place " + st.nav.place);
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("search: the report's own question opens what it names (a board or its source line)", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    await openSearch(page);
    await page.keyboard.type("Why can't we", { delay: 20 });
    await sleep(400);
    await page.keyboard.press("Enter");
    const st = await until(page, () => window.joinedup.state().nav.view !== "boards" || window.joinedup.state().nav.board !== "");
    // The best hit for the report's own question is a board (the seven questions) or a source line.
    assert(st.nav.board !== "" || st.nav.view === "sources", "nothing opened: " + JSON.stringify(st.nav));
    await page.screenshot({ path: join(artifacts, "search-opened.png") });
    assert(errors.length === 0, "console errors: " + errors.join(" | "));
    await context.close();
  });

  test("search: Escape closes the box and changes nothing", async () => {
    const { context, page } = await openApp();
    await ready(page);
    const before = await state(page);
    await openSearch(page);
    await page.keyboard.type("pool", { delay: 20 });
    await page.keyboard.press("Escape");
    await sleep(400);
    await page.keyboard.press("Enter");  // must not open anything now the box is closed
    await sleep(400);
    const after = await state(page);
    assert(JSON.stringify(after.nav) === JSON.stringify(before.nav), JSON.stringify(after.nav));
    await context.close();
  });
}
