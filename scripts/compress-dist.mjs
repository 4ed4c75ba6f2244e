// `make dist`'s last step: a brotli (.br, quality 11) and a gzip (.gz, level
// 9) copy next to every compressible file of a dist folder, so hosts serve
// them without compressing on each request (nginx `brotli_static on` and
// `gzip_static on`, `noibo-server --static`). Runs after Trunk's build and
// its post-build hook (scripts/split-hook.sh), which write the final files.
// Usage: node scripts/compress-dist.mjs DIST
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|wasm|css|html|svg|json|ico|txt)$/;
// Operators rewrite config.json after the build (`echo '{"backend":"http"}'
// > dist/config.json`); a .br or .gz made now would go on serving the old one.
const LEFT_PLAIN = new Set(['config.json']);

const dist = process.argv[2];
if (!dist) throw new Error('usage: node scripts/compress-dist.mjs DIST');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const total = { raw: 0, brotli: 0, files: 0 };
for (const file of filesUnder(dist)) {
  if (!COMPRESSIBLE.test(file) || LEFT_PLAIN.has(relative(dist, file))) continue;
  const bytes = readFileSync(file);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
  total.raw += bytes.length;
  total.brotli += brotli.length;
  total.files += 1;
}
console.log(`compress-dist: ${total.files} files in ${dist}, ${(total.raw / 1000).toFixed(1)} KB, ${(total.brotli / 1000).toFixed(1)} KB as brotli`);
