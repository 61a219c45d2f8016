// Limber's service worker: the app shell works offline (network first, the cached copy when there is none).
// The services' reads and the ingress (/api/..., /dev/...) are never cached: the client kit's IndexedDB outbox keeps
// what is done offline, and sends it when the network returns.
const CACHE = 'limber-shell-v1';
async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('/', { cache: 'no-cache' });
  const html = await page.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]); // Vite's hashed bundles
  await cache.put('/', page);
  await cache.addAll(['/manifest.webmanifest', '/icon.svg', '/icon-192.png', ...assets]);
}
self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/dev/')) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put(event.request.mode === 'navigate' ? '/' : event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request.mode === 'navigate' ? '/' : event.request).then((r) => r ?? Response.error())),
  );
});
