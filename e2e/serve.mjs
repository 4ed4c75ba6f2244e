// A static file server for the end-to-end tests, behaving like a production
// host: files from a dist folder under a base path, and index.html for any
// other path under it (the SPA fallback), so deep links survive a refresh.
// Usage: node serve.mjs DIST PORT [BASE]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dist, port, base = '/'] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

async function fileAt(path) {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (!pathname.startsWith(base) && pathname !== base.replace(/\/$/, '')) {
    res.writeHead(404).end('not under the base path');
    return;
  }
  const inside = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.(\/|$))+/, '');
  const file = (await fileAt(join(dist, inside))) ?? join(dist, 'index.html');
  const body = await readFile(file);
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dist} at http://127.0.0.1:${port}${base}`));
