#!/usr/bin/env bash
# Trunk post_build hook: splits the app's wasm so that each portal loads on
# first use (one split point per portal, src/portals/lazy.rs; the store's is
# <base>-split_store.wasm), replacing Trunk's single js/wasm pair with
#   <base>.js, <base>_bg.wasm        the main module, under Trunk's names;
#   <base>-wasm_split.js             the loader that fetches the chunks;
#   <base>-<chunk>.wasm              the chunks.
# Trunk has built the wasm (with --emit-relocs, see .cargo/config.toml), run
# wasm-bindgen on it and written index.html; we redo wasm-bindgen on the split
# main module, run wasm-opt on every module (index.html has
# data-wasm-opt="0") and refresh the integrity digests of what we replaced.
# Needs wasm-split-cli, wasm-bindgen and wasm-opt (scripts/install-tools.sh)
# and node.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run me as a Trunk hook}"
cd "${TRUNK_SOURCE_DIR:-.}"

BIN=noibo
PROFILE="${TRUNK_PROFILE:-release}"
# The features rustc emits for wasm32 by default. Never --all-features:
# Chromium then refuses the module and the page stays blank.
WASM_OPT_FLAGS=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$PROFILE/$BIN.wasm"
[[ -f "$raw" ]] || { echo "split-hook: no $raw" >&2; exit 1; }

stage="$TRUNK_STAGING_DIR"
shopt -s nullglob
js=("$stage/$BIN"-*.js)
[[ ${#js[@]} -eq 1 ]] || { echo "split-hook: expected one $BIN-<hash>.js in $stage, got: ${js[*]}" >&2; exit 1; }
base="$(basename "${js[0]}" .js)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Split: the main module plus one chunk per split point, and a loader.
wasm-split-cli --target web --out-name "$base" "$raw" "$work/split"

# 2. wasm-bindgen on the main module; the chunks import lld's exports
#    (memory, the function table, the stack pointer), so keep them.
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-name "$base" --out-dir "$work/bg" "$work/split/$base.wasm"
rm "$work/split/$base.wasm"

# 3. Cache-busting names from Trunk's content hash. Only the import
#    specifier of the loader changes in the main js: "./__wasm_split.js" is
#    also the wasm import module name and must stay as the imports' key.
loader="$base-wasm_split.js"
mv "$work/split/__wasm_split.js" "$work/$loader"
for chunk in "$work"/split/*.wasm; do
  name="$(basename "$chunk")"
  mv "$chunk" "$work/split/$base-$name"
  sed -i "s#\"\\./$name\"#\"./$base-$name\"#" "$work/$loader"
done
sed -i -E "s#^(import \\* as [A-Za-z0-9_]+ from )\"\\./__wasm_split\\.js\"#\\1\"./$loader\"#" "$work/bg/$base.js"
grep -q "from \"./$loader\"" "$work/bg/$base.js" || { echo "split-hook: the main js does not import the loader" >&2; exit 1; }

# 4. Optimise every module for size (release only, as Trunk would).
#    PROFILING_NAMES=1 keeps function names for CPU profiles (README, Speed).
if [[ "$PROFILE" == release ]]; then
  for module in "$work/bg/${base}_bg.wasm" "$work"/split/*.wasm; do
    wasm-opt -Oz ${PROFILING_NAMES:+-g} "${WASM_OPT_FLAGS[@]}" "$module" -o "$module"
  done
fi

# 5. Over Trunk's files in the staging dir.
cp "$work/bg/$base.js" "$work/bg/${base}_bg.wasm" "$work/$loader" "$work"/split/*.wasm "$stage/"
[[ -d "$work/bg/snippets" ]] && cp -r "$work/bg/snippets" "$stage/"

# 6. Fresh integrity digests for the two replaced files, and a modulepreload
#    for the loader (the main js imports it at once).
node - "$stage" "$base" "$loader" <<'JS'
const fs = require('fs');
const crypto = require('crypto');
const [stage, base, loader] = process.argv.slice(2);
const sri = (file) => 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(`${stage}/${file}`)).digest('base64');
const htmlPath = `${stage}/index.html`;
let html = fs.readFileSync(htmlPath, 'utf8');
for (const file of [`${base}.js`, `${base}_bg.wasm`]) {
  const tag = new RegExp(`(href="[^"]*/${file}"[^>]*integrity=")sha384-[A-Za-z0-9+/=]+`);
  html = html.replace(tag, `$1${sri(file)}`);
}
const preload = new RegExp(`<link rel="modulepreload" href="([^"]*)/${base}\\.js"[^>]*>`);
const match = html.match(preload);
if (!match) throw new Error('split-hook: no modulepreload of the main js in index.html');
const integrity = match[0].includes('integrity=') ? ` integrity="${sri(loader)}"` : '';
html = html.replace(match[0], `${match[0]}<link rel="modulepreload" href="${match[1]}/${loader}" crossorigin="anonymous"${integrity}>`);

// 7. The boot script (web/boot.js): each split point's files, read from the
//    loader (a module, then the shared chunks it waits for), so that config.json,
//    the demo's module and a directly linked portal's module are fetched in
//    parallel with the main module. Async: it never holds up the page.
const code = fs.readFileSync(`${stage}/${loader}`, 'utf8');
const blocks = [...code.matchAll(/(?:const (__chunk_\d+)|export const __wasm_split_load_(\w+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n\}\s*, \[([^\]]*)\]/g)];
const files = new Map(blocks.map(([, chunk, split, file, deps]) => [chunk ?? split, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) }]));
const filesOf = (name) => { const { file, deps } = files.get(name); return [file, ...deps.flatMap(filesOf)]; };
const modules = Object.fromEntries([...files.keys()].filter((name) => !name.startsWith('__chunk_')).map((name) => [name, filesOf(name)]));
if (!modules.demo) throw new Error('split-hook: the loader has no demo module');
const boot = `${base}-boot.js`;
fs.writeFileSync(`${stage}/${boot}`, fs.readFileSync('web/boot.js', 'utf8').replace('__MODULES__', JSON.stringify(modules)));
const bootIntegrity = integrity ? ` integrity="${sri(boot)}" crossorigin="anonymous"` : '';
html = html.replace('</head>', `<script async src="${match[1]}/${boot}"${bootIntegrity}></script></head>`);
fs.writeFileSync(htmlPath, html);
JS
echo "split-hook: main module, $(ls "$work"/split | wc -l) chunk(s) and $loader for $base"
