import { defineConfig } from 'vite';

// `npm run dev` proxies the services like server/serve.mjs does (same origin: the services allow no other);
// the dev login needs server/serve.mjs, so for a full local run use `npm run build && npm run serve`.
const target = (port) => ({ target: `http://127.0.0.1:${port}`, changeOrigin: true, rewrite: (p) => p.replace(/^\/api\/[a-z]+/, '') });
export default defineConfig({
  build: { target: 'es2022', sourcemap: true },
  server: {
    proxy: {
      '/api/routine': target(8081),
      '/api/session': target(8082),
      '/api/reminder': target(8083),
      '/dev': { target: 'http://127.0.0.1:8090' },
      '/config.json': { target: 'http://127.0.0.1:8090' },
    },
  },
});
