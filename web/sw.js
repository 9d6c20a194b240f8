// Service worker: precaches everything the app needs so that, after one visit, Joined-Up
// opens with the network off. VERSION and PRECACHE are filled in at build time
// (tools/site-manifest.mjs); a new release has a new VERSION, installs a new cache and
// deletes the old one.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = "joinedup-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("joinedup-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  // Cache first (the files of one release never change), then the network.
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request))));
});
