// Prints one closing line for all suites: "N passed, N failed", from ctest's and the
// browser runner's logs, and the sanitizer and fuzz logs ("sanitize: N passed, N failed",
// "fuzz: N passed, N failed", from tools/sanitize.sh and tools/fuzz.sh).
// Usage: node tools/summary.mjs ctest.log browser.log [sanitize.log] [fuzz.log]
import { readFileSync, existsSync } from "node:fs";

let passed = 0, failed = 0;
const [ctestLog, browserLog, sanitizeLog, fuzzLog] = process.argv.slice(2);
const read = (p) => (p && existsSync(p) ? readFileSync(p, "utf8") : "");

const c = read(ctestLog).match(/(\d+)% tests passed, (\d+) tests? failed out of (\d+)/);
if (c) { failed += Number(c[2]); passed += Number(c[3]) - Number(c[2]); }
else if (ctestLog) { failed += 1; console.log("summary: no ctest result found"); }

const b = read(browserLog).match(/browser: (\d+) passed, (\d+) failed/);
if (b) { passed += Number(b[1]); failed += Number(b[2]); }
else if (browserLog) { failed += 1; console.log("summary: no browser test result found"); }

for (const [name, log] of [["sanitize", sanitizeLog], ["fuzz", fuzzLog]]) {
  if (!log) continue;
  const m = [...read(log).matchAll(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, "gm"))].pop();
  if (m) { passed += Number(m[1]); failed += Number(m[2]); }
  else { failed += 1; console.log(`summary: no ${name} result found`); }
}

console.log(`${passed} passed, ${failed} failed`);
