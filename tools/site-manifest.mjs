// Writes <site>/manifest.json (the files the loader downloads, with sizes, for the progress
// bar) and fills in <site>/sw.js (the release's version and the list of files to precache).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";

const site = process.argv[2];
const rel = (p) => relative(site, p).split("\\").join("/");
function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files = [{ path: "joinedup.wasm", bytes: statSync(join(site, "joinedup.wasm")).size }];
for (const p of walk(join(site, "data"))) files.push({ path: rel(p), bytes: statSync(p).size });
writeFileSync(join(site, "manifest.json"), JSON.stringify({ files }, null, 1));
console.log(`manifest.json: ${files.length} files, ${files.reduce((a, f) => a + f.bytes, 0)} bytes`);

// Everything the site serves, except the worker itself and the single-file build.
const all = walk(site).map(rel).filter((p) => p !== "sw.js" && !p.endsWith("joinedup-offline.html"));
const hash = createHash("sha256");
for (const p of all) hash.update(p).update(readFileSync(join(site, p)));
const version = hash.digest("hex").slice(0, 16);
const swPath = join(site, "sw.js");
if (existsSync(swPath)) {
  const sw = readFileSync(swPath, "utf8").replace("__VERSION__", version).replace("__PRECACHE__", JSON.stringify(["./", ...all], null, 1));
  writeFileSync(swPath, sw);
  console.log(`sw.js: release ${version}, ${all.length + 1} files precached`);
}
