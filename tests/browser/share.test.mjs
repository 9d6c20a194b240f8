// Share links and QR codes: the view and choices travel in the URL fragment; damaged links
// are refused with a message; saved answers are never replaced without asking.
import { join } from "node:path";
import { readFileSync } from "node:fs";

export default function register({ test, assert, openApp, ready, dispatch, stats, state, rendered, artifacts, sleep, base }) {
  const boards = JSON.parse(readFileSync(new URL("../../data/boards.json", import.meta.url), "utf8")).boards;
  const pounds = boards.find((b) => b.id === "pounds");
  const b0 = pounds.barrier_groups[0].barriers[0].id;

  async function makeLink() {
    const { context, page } = await openApp();
    await ready(page);
    await dispatch(page, { type: "open_board", board: "pounds" });
    await dispatch(page, { type: "rate_barrier", barrier: b0, rating: 3 });
    await dispatch(page, { type: "set_pool_choice", option: pounds.options[0].id });
    await dispatch(page, { type: "share" });
    const hash = await page.evaluate(() => location.hash);
    const s = await stats(page);
    await rendered(page, s.frames - 1);
    await page.screenshot({ path: join(artifacts, "share-dialog.png") });
    await context.close();
    return hash;
  }

  test("share: a link restores the view and the choices in a fresh browser", async () => {
    const hash = await makeLink();
    assert(/^#s1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/.test(hash), "fragment: " + hash);
    assert(hash.length < 2000, "link too long for a QR code: " + hash.length);
    const { context, page, requests } = await openApp({ before: (p) => p.goto(base + hash) });
    await page.goto(base + hash);
    await ready(page);
    const st = await state(page);
    assert(st.nav.view === "boards" && st.nav.board === "pounds", "view not restored: " + JSON.stringify(st.nav));
    assert(st.answers.ratings[b0] === 3 && st.answers.pool_choice === pounds.options[0].id, "choices not restored");
    assert(requests.every((u) => !u.includes("s1.")), "the fragment was sent in a request");
    await context.close();
  });

  test("share: a tampered, truncated or oversized link is refused and changes nothing", async () => {
    const hash = await makeLink();
    const { context, page } = await openApp();
    await ready(page);
    await dispatch(page, { type: "rate_barrier", barrier: b0, rating: 1 });
    const mine = JSON.stringify((await state(page)).answers);
    const tampered = hash.slice(0, -4) + (hash.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (const [name, h] of [["tampered", tampered], ["truncated", hash.slice(0, hash.length - 9)], ["oversized", "#s1.00000000." + "A".repeat(20000)], ["foreign", "#view=map"]]) {
      await page.goto(base + h);
      await ready(page);
      const s = await stats(page);
      assert(s.notice.includes("Nothing was changed"), `${name}: notice was "${s.notice}"`);
      assert(JSON.stringify((await state(page)).answers) === mine, `${name}: answers changed`);
      if (name === "tampered") { await rendered(page, s.frames - 1); await page.screenshot({ path: join(artifacts, "share-refused.png") }); }
    }
    await context.close();
  });

  test("share: opening a link over saved answers asks first", async () => {
    const hash = await makeLink();
    const { context, page } = await openApp();
    await ready(page);
    await dispatch(page, { type: "rate_barrier", barrier: b0, rating: 0 });
    const mine = JSON.stringify((await state(page)).answers);
    await page.goto(base + hash);
    await ready(page);
    assert((await stats(page)).sharePending, "no question asked");
    assert(JSON.stringify((await state(page)).answers) === mine, "answers replaced without asking");
    await dispatch(page, { type: "decline_share" });
    assert(JSON.stringify((await state(page)).answers) === mine, "declining replaced the answers");
    await page.goto(base + hash.replace("#", "#") + "");
    await page.reload();
    await ready(page);
    await dispatch(page, { type: "accept_share" });
    assert((await state(page)).answers.ratings[b0] === 3, "accepting did not use the shared answers");
    await context.close();
  });

  test("share: a full-screen QR code of the site for the room", async () => {
    const { context, page, errors } = await openApp();
    await ready(page);
    await dispatch(page, { type: "show_qr", what: "site" });
    const s = await stats(page);
    await rendered(page, s.frames);
    const png = await page.screenshot({ path: join(artifacts, "qr-site.png") });
    assert(png.length > 5000, "nothing drawn");
    assert(errors.length === 0, errors.join(" | "));
    await context.close();
  });
}
