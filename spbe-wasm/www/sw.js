// The calculator's service worker (served version only; the single file needs
// none): the page's files are cached when it is first opened, so that a reload
// works offline. Network first, so that a new build is used as soon as it is
// served; the cache answers when the network does not. The cache name carries
// a hash of the files (stamped by tools/single-file.mjs at build time), and
// older caches are deleted when a new worker takes over.
const CACHE = "spbe-kalkulator-__BUILD__";
const FILES = ["./", "./index.html", "./app.js", "./xlsx.js", "./style.css", "./spbe_wasm.js", "./spbe_wasm_bg.wasm"];

self.addEventListener("install", (ev) => {
  ev.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (ev) => {
  ev.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("spbe-kalkulator-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (ev) => {
  const req = ev.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  ev.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })
      // offline: the cached file; the address with a query or hash is the page itself
      .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || (req.mode === "navigate" ? caches.match("./index.html") : Response.error()))),
  );
});
