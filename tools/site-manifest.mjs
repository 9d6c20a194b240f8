// Writes <site>/manifest.json: the files the loader downloads (the wasm and the content
// pack) with their sizes, so the page can show a real progress bar.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const site = process.argv[2];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push({ path: relative(site, p).split("\\").join("/"), bytes: statSync(p).size });
  }
}
files.push({ path: "joinedup.wasm", bytes: statSync(join(site, "joinedup.wasm")).size });
walk(join(site, "data"));
writeFileSync(join(site, "manifest.json"), JSON.stringify({ files }, null, 1));
console.log(`manifest.json: ${files.length} files, ${files.reduce((a, f) => a + f.bytes, 0)} bytes`);
