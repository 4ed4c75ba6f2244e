// Prints the raw, gzip and brotli size of each file in a dist folder, and
// the first load: index.html plus the js, wasm and css it references.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export function measure(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The built files, without the .br and .gz copies `make dist` adds (measured here from the originals). */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(br|gz)$/.test(name) ? [] : [path];
  });
}

/** index.html and every js, wasm and css file it loads. */
export function firstLoad(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = filesUnder(dist).filter((path) => {
    const name = relative(dist, path);
    return /\.(js|wasm|css)$/.test(name) && html.includes(name);
  });
  const files = [join(dist, 'index.html'), ...referenced];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const size = measure(file);
    for (const key of Object.keys(total)) total[key] += size[key];
  }
  return { files: files.map((f) => relative(dist, f)), total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const kb = (n) => (n / 1000).toFixed(1).padStart(9);
  console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'br KB'.padStart(9)}`);
  for (const file of filesUnder(dist).sort()) {
    const size = measure(file);
    console.log(`${relative(dist, file).padEnd(44)}${kb(size.raw)}${kb(size.gzip)}${kb(size.brotli)}`);
  }
  const { total } = firstLoad(dist);
  console.log(`${'first load (html+js+wasm+css)'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
}
