// The text edition (build-native/joinedup-text data <site>/text): plain HTML pages for screen
// readers, keyboards and print. Every page loads cleanly (axe-core: text_answer.test.mjs); the
// skip link comes first and works; every link (source links above all)
// lands on an anchor that exists; the print stylesheet hides the navigation.
import { join } from "node:path";

export default function register({ test, assert, openApp, artifacts, base }) {
  const text = base + "text/";

  // A context whose app page (base) is a blank stub: these tests never need the wasm app.
  async function open(opts = {}) {
    const app = await openApp({
      ...opts,
      before: (p) => p.route((u) => u.href === base, (r) => r.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>stub</title>" })),
    });
    app.errors.length = 0;
    return app;
  }

  async function go(page, url) {
    const res = await page.goto(url);
    assert(res && res.ok(), `${url}: HTTP ${res && res.status()}`);
    return res;
  }

  // Every page of the edition, found by following links from index.html (once; later calls reuse it).
  let crawled = null;
  async function crawl(page) {
    if (crawled) return crawled;
    const seen = new Set([text + "index.html"]);
    const queue = [text + "index.html"];
    while (queue.length) {
      const url = queue.shift();
      await go(page, url);
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
      for (const h of hrefs) {
        const u = h.split("#")[0];
        if (u.startsWith(text) && u.endsWith(".html") && !seen.has(u)) { seen.add(u); queue.push(u); }
      }
    }
    crawled = [...seen].sort();
    return crawled;
  }

  test("text edition: every page is reached from index.html and has the expected pages", async () => {
    const { context, page } = await open();
    const pages = (await crawl(page)).map((u) => u.slice(text.length));
    for (const p of ["index.html", "boards.html", "boards/pounds.html", "boards/overarching.html", "case-studies.html", "money.html",
      "places.html", "glossary.html", "timeline.html", "sources.html", "about.html"])
      assert(pages.includes(p), `${p} not linked from the edition: ${pages.join(", ")}`);
    await go(page, text + "index.html");
    const interactive = await page.$$eval("a", (as) => as.filter((a) => a.textContent.trim() === "Interactive version").map((a) => a.getAttribute("href")));
    assert(interactive.includes("../index.html"), "no 'Interactive version' link to ../index.html: " + interactive.join(", "));
    await page.screenshot({ path: join(artifacts, "text-index.png") });
    await context.close();
  });

  // axe-core on every page, empty and with answers filled in: text_answer.test.mjs.
  test("text edition: every page loads without console errors, in one language, with one h1 and headings in order", async () => {
    const { context, page, errors, requests } = await open();
    const pages = await crawl(page);
    for (const url of pages) {
      errors.length = 0;
      await go(page, url);
      const name = url.slice(text.length);
      const shape = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll("h1").length,
        main: document.querySelectorAll("main#content").length,
        scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") || "an inline script"),
        title: document.title,
        levels: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1])),
      }));
      assert(shape.lang === "en-GB", `${name}: lang="${shape.lang}"`);
      assert(shape.h1 === 1, `${name}: ${shape.h1} h1 elements`);
      assert(shape.main === 1, `${name}: no main#content`);
      // Board pages take answers (answer.js, tested in text_answer.test.mjs); no other page has a script.
      const ours = (s) => name.startsWith("boards/") && (s === "../answer.js" || s.endsWith("/text/answer-core.js"));
      assert(shape.scripts.every(ours), `${name}: has a script: ${shape.scripts.join(", ")}`);
      assert(shape.title.length > 0, `${name}: no title`);
      for (let i = 1; i < shape.levels.length; i++)
        assert(shape.levels[i] <= shape.levels[i - 1] + 1, `${name}: heading h${shape.levels[i - 1]} is followed by h${shape.levels[i]}`);
      assert(errors.length === 0, `${name}: console errors: ${errors.join(" | ")}`);
    }
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:"));
    assert(outside.length === 0, "requests outside 127.0.0.1: " + outside.join(", "));
    await context.close();
  });

  test("text edition: the skip link is the first Tab stop and moves focus to main", async () => {
    const { context, page } = await open();
    for (const p of ["index.html", "boards/pounds.html", "money.html"]) {
      await go(page, text + p);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const a = document.activeElement, r = a.getBoundingClientRect();
        return { text: a.textContent.trim(), href: a.getAttribute("href"), visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight,
          outline: getComputedStyle(a).outlineStyle, bg: getComputedStyle(a).backgroundColor };
      });
      assert(first.text === "Skip to content" && first.href === "#content", `${p}: first Tab stop is ${JSON.stringify(first)}`);
      assert(first.visible, `${p}: the focused skip link is not visible on screen`);
      assert(first.outline !== "none" || first.bg !== "rgba(0, 0, 0, 0)", `${p}: no visible focus style on the skip link`);
      if (p === "index.html") await page.screenshot({ path: join(artifacts, "text-skip-link-focused.png"), clip: { x: 0, y: 0, width: 640, height: 160 } });
      await page.keyboard.press("Enter");
      const active = await page.evaluate(() => ({ id: document.activeElement.id, tag: document.activeElement.tagName }));
      assert(active.tag === "MAIN" && active.id === "content", `${p}: after the skip link focus is on ${JSON.stringify(active)}`);
      // The next Tab goes into the content, past the navigation.
      await page.keyboard.press("Tab");
      const inMain = await page.evaluate(() => !!document.activeElement.closest("main"));
      assert(inMain, `${p}: Tab after skipping did not land inside main`);
    }
    await context.close();
  });

  test("text edition: every source link and in-page link resolves to an existing anchor", async () => {
    const { context, page } = await open();
    const pages = await crawl(page);
    const ids = new Map(), links = [];
    for (const u of pages) {
      await go(page, u);
      ids.set(u, new Set(await page.$$eval("[id]", (es) => es.map((e) => e.id))));
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => ({ href: a.href, text: a.textContent.trim() })));
      for (const h of hrefs) links.push({ from: u.slice(text.length), ...h });
    }
    let sourceLinks = 0;
    const broken = [];
    for (const l of links) {
      if (!l.href.startsWith(text)) continue;
      const [u, hash] = l.href.split("#");
      if (!pages.includes(u)) { broken.push(`${l.from}: ${l.href} (no such page)`); continue; }
      if (/sources\.html#d\d+-L\d+$/.test(l.href)) sourceLinks++;
      if (hash && !ids.get(u).has(decodeURIComponent(hash))) broken.push(`${l.from}: ${l.href} ("${l.text}")`);
      assert(l.text.length > 0, `${l.from}: a link with no text to ${l.href}`);
    }
    assert(broken.length === 0, `${broken.length} broken links, e.g.\n    ` + broken.slice(0, 10).join("\n    "));
    assert(sourceLinks > 1000, `only ${sourceLinks} source links`);
    // The Pounds question points at its exact line, which holds the quoted words.
    await go(page, text + "boards/pounds.html");
    const href = await page.$eval("main blockquote + .cite a", (a) => a.getAttribute("href"));
    assert(href === "../sources.html#d000-L616", "Pounds question source link: " + href);
    await go(page, text + "sources.html#d000-L616");
    const line = await page.textContent("#d000-L616");
    assert(line.includes("commit to pooling all local health and care budgets by default"), "line 616 is: " + line);
    await context.close();
  });

  test("text edition: money tables are real tables, negative variances are read as overspends, flags are marked in words", async () => {
    const { context, page } = await open();
    await go(page, text + "money.html");
    const t = await page.evaluate(() => {
      const tables = [...document.querySelectorAll("main table")];
      const ccg = document.querySelector("#row-ccg-grand-total") || [...document.querySelectorAll("tr.total")][0];
      return {
        n: tables.length,
        captions: tables.filter((x) => x.querySelector("caption")).length,
        colHeads: tables.filter((x) => x.querySelector("thead th[scope=col]")).length,
        rowHeads: tables.filter((x) => x.querySelector("tbody th[scope=row]")).length,
        total: ccg ? ccg.textContent : "",
        overspends: [...document.querySelectorAll("td .sr-only")].filter((s) => s.textContent.trim() === "overspend").length,
        flags: [...document.querySelectorAll(".flag-kind, .flag-tag")].map((f) => f.textContent),
        sign: document.body.textContent.includes("a negative one (in brackets in the source) an overspend"),
        abbrs: [...document.querySelectorAll("main a.term")].map((a) => a.getAttribute("href")),
        ccgAbbr: (() => { const a = document.querySelector('main a.term[href="glossary.html#ccg"] abbr'); return a ? a.title : null; })(),
      };
    });
    assert(t.n >= 6 && t.captions === t.n && t.colHeads === t.n && t.rowHeads === t.n, "tables: " + JSON.stringify(t));
    assert(t.total.includes("overspend"), "the CCG grand total row does not say overspend: " + t.total);
    assert(t.overspends > 10, "few overspend labels: " + t.overspends);
    assert(t.sign, "sign convention not stated");
    assert(t.flags.some((f) => f.startsWith("Derived")) && t.flags.some((f) => f.startsWith("Contradicted")), "flags: " + t.flags.slice(0, 10).join(", "));
    assert(new Set(t.abbrs).size === t.abbrs.length, "a glossary term is marked more than once on the page");
    assert(t.ccgAbbr === "Clinical Commissioning Group", "CCG abbr: " + t.ccgAbbr);
    await page.locator("#ccg-icf").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById("ccg-icf").scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(artifacts, "text-money.png") });
    await context.close();
  });

  test("text edition: the print stylesheet hides navigation and prints black on white", async () => {
    const { context, page } = await open();
    await go(page, text + "boards/pounds.html");
    await page.screenshot({ path: join(artifacts, "text-board-pounds.png") });
    const screen = await page.evaluate(() => getComputedStyle(document.querySelector("nav")).display);
    assert(screen !== "none", "nav hidden on screen");
    await page.emulateMedia({ media: "print" });
    const pr = await page.evaluate(() => ({
      nav: [...document.querySelectorAll("nav")].map((n) => getComputedStyle(n).display),
      skip: getComputedStyle(document.querySelector(".skip-link")).display,
      color: getComputedStyle(document.body).color,
      bg: getComputedStyle(document.body).backgroundColor,
      h2: getComputedStyle(document.querySelector("main h2")).breakBefore,
    }));
    assert(pr.nav.every((d) => d === "none"), "nav shown in print: " + pr.nav.join(","));
    assert(pr.skip === "none", "skip link shown in print");
    assert(pr.color === "rgb(0, 0, 0)" && pr.bg === "rgb(255, 255, 255)", `print colours ${pr.color} on ${pr.bg}`);
    assert(pr.h2 === "page", "h2 break-before in print: " + pr.h2);
    const pdf = await page.pdf({ format: "A4" });
    assert(pdf.length > 10000, "print to PDF produced " + pdf.length + " bytes");
    await context.close();
  });

  // Running text is what the generator marks: headings, contents, table column heads, glossary
  // headwords, meta lines and other links' labels name things and are left plain.
  test("text edition: on every page the first use of each acronym in running text is an <abbr> with its expansion, later uses are plain", async () => {
    const { context, page } = await open();
    const glossary = await (await fetch(base + "data/glossary.json")).json();
    const forms = [];
    for (const t of glossary.terms)
      for (const f of [t.term, ...(t.aliases || [])])
        if (f.length >= 2 && /[A-Z]/.test(f)) forms.push({ text: f, exp: t.expansion && t.expansion.toLowerCase() !== f.toLowerCase() ? t.expansion : null });
    forms.sort((a, b) => b.text.length - a.text.length);
    let checked = 0, repeats = 0;
    for (const url of await crawl(page)) {
      await go(page, url);
      const uses = await page.evaluate((forms) => {
        const word = (ch) => ch !== undefined && /[\p{L}\p{N}&]/u.test(ch);
        const skip = "nav, h1, h2, h3, h4, h5, h6, caption, thead, dt, .meta, a:not(.term)";
        const walk = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
        const out = [];
        for (let n; (n = walk.nextNode());) {
          if (n.parentElement.closest(skip)) continue;
          const t = n.data;
          for (let i = 0; i < t.length;) {
            const f = word(t[i - 1]) ? null : forms.find((f) => {
              if (!t.startsWith(f.text, i)) return false;
              const e = i + f.text.length;
              return !word(t[e]) || (t[e] === "s" && !word(t[e + 1]));
            });
            if (!f) { i++; continue; }
            const abbr = n.parentElement.closest("abbr");
            if (f.exp) out.push({ form: f.text, exp: f.exp, abbr: abbr ? abbr.title : null, at: t.slice(Math.max(0, i - 30), i + 30) });
            i += f.text.length;
          }
        }
        return out;
      }, forms);
      const seen = new Set();
      for (const u of uses) {
        const where = `${url.slice(text.length)}: ${u.form} in "${u.at}"`;
        if (!seen.has(u.form)) {
          seen.add(u.form);
          checked++;
          assert(u.abbr === u.exp, `${where}: first use on the page is not <abbr title="${u.exp}"> (got ${u.abbr})`);
        } else {
          repeats++;
          assert(u.abbr === null, `${where}: a later use on the page is an <abbr> again`);
        }
      }
    }
    assert(checked > 300 && repeats > 1000, `too few acronyms checked: ${checked} first uses, ${repeats} later ones`);
    await context.close();
  });
}
