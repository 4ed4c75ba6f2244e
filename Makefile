# Nội bộ — the two commands a fresh Debian machine needs are `make serve`
# and `make test`. Each installs what is missing, then does its job.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/e2e/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120

# Serve the app under a sub-path with e.g. `make dist PUBLIC_URL=/noibo/`.
PUBLIC_URL ?= /
DIST ?= dist

.PHONY: serve serve-full dist size bench bench-lighthouse lint test test-native test-components test-contract test-e2e test-replicas tools browser postgres clean

## make serve: the app with the embedded demo backend at http://127.0.0.1:8080
serve: tools
	trunk serve --offline

## make serve-full: the app and the reference server on one port, http://127.0.0.1:8080
serve-full: tools
	$(MAKE) dist DIST=dist-full
	# What an operator does: point the built app at its backend (here, the same origin).
	echo '{"backend":"http","email_domain":"noibo.example"}' > dist-full/config.json
	cargo run --release -p noibo-server -- --listen 127.0.0.1:8080 --database sqlite://noibo.db --seed demo --static dist-full

## make dist: the static release build, ready for any host
dist: tools
	trunk build --release --offline --public-url $(PUBLIC_URL) --dist $(DIST)
	# GitHub Pages serves 404.html for unknown paths: make it the app, so deep links work.
	cp $(DIST)/index.html $(DIST)/404.html
	# Last, once every file is final: .br and .gz copies for hosts to serve as they are.
	node scripts/compress-dist.mjs $(DIST)

## make size: raw, gzip and brotli size of each file in dist/
size: dist
	node e2e/size.mjs $(DIST)

## make bench: the store catalogue with 5,000 products on a 4× slower CPU,
## both backends; then the reference server under load on SQLite and
## PostgreSQL, one replica and two; then the first load (bench-lighthouse);
## writes BENCHMARKS.md, bench-results.json, bench-load.json and
## bench-lighthouse.json
bench: tools browser postgres
	$(MAKE) dist
	rm -rf dist-bench-http && cp -r dist dist-bench-http && echo '{"backend":"http","email_domain":"noibo.example"}' > dist-bench-http/config.json
	cargo build --release -p noibo-server
	cd e2e && node bench.mjs ../dist ../target/release/noibo-server
	# The server under load: 100 connections, each database, one replica and two.
	scripts/with-postgres.sh node e2e/load.mjs target/release/noibo-server
	$(MAKE) bench-lighthouse

## make bench-lighthouse: the first load with Lighthouse (mobile, simulated
## slow 4G and 4× CPU, median of 5 runs), served with brotli: /sign-in signed
## out, / and /store as a member, /hr/store as HR, both backends, and a
## static floor page; writes bench-lighthouse.json and its BENCHMARKS.md
## section (`make bench-lighthouse LIGHTHOUSE_LABEL=before` keeps a "before" table)
LIGHTHOUSE_LABEL ?= after
bench-lighthouse: tools browser
	$(MAKE) dist
	rm -rf dist-bench-http && cp -r dist dist-bench-http && echo '{"backend":"http","email_domain":"noibo.example"}' > dist-bench-http/config.json
	cargo build --release -p noibo-server
	node e2e/lighthouse.mjs dist dist-bench-http target/release/noibo-server --label $(LIGHTHOUSE_LABEL)

## make lint: cargo fmt --check and Clippy with warnings as errors, native and wasm32
lint:
	scripts/lint.sh

## make test: every test — the lint gates first, then native, components in
## Chromium, contract, end-to-end and replicas, with a throwaway PostgreSQL
## cluster running so the server's parts run on both databases. Each stage
## says how long it took: CI's budget is 45 minutes on two cores.
TEST_STAGES := test-native test-components test-contract test-e2e test-replicas
test: tools lint browser postgres
	scripts/with-postgres.sh bash -c 'for stage in $(TEST_STAGES); do \
	  start=$$SECONDS; $(MAKE) $$stage || exit; echo "==> $$stage took $$((SECONDS - start)) s"; done'

## Every target below runs on SQLite; under scripts/with-postgres.sh (as
## `make test` runs them) the server's tests run on PostgreSQL as well.
test-native:
	NOIBO_TEST_POSTGRES= cargo test --workspace
	if [ -n "$$NOIBO_TEST_POSTGRES" ]; then scripts/server-tests-on-postgres.sh; fi

test-components: tools browser
	# Without the split point: a wasm-bindgen test binary with one never starts.
	cargo test --no-default-features --target wasm32-unknown-unknown --test components

## one contract suite on both backends (headless Chromium), and the spec
## (api/openapi.yaml) against the reference server (schemathesis)
test-contract: tools browser
	scripts/contract-suite.sh sqlite
	scripts/contract-check.sh sqlite
	if [ -n "$$NOIBO_TEST_POSTGRES" ]; then scripts/contract-suite.sh postgres && scripts/contract-check.sh postgres; fi

test-e2e: tools browser
	$(MAKE) dist
	$(MAKE) dist PUBLIC_URL=/noibo/ DIST=dist-subpath
	# The same build pointed at the reference server, as an operator would.
	rm -rf dist-full && cp -r dist dist-full && echo '{"backend":"http","email_domain":"noibo.example"}' > dist-full/config.json
	cargo build -p noibo-server
	node --test e2e/budget.test.mjs
	cd e2e && npx playwright test

## two servers on one PostgreSQL: stock, keys, the limiter, the catalogue
## and a killed replica (needs scripts/with-postgres.sh)
test-replicas: tools
	cargo build -p noibo-server
	node --test e2e/replicas.test.mjs

tools:
	@scripts/install-tools.sh

browser:
	@scripts/install-browser.sh

postgres:
	@scripts/install-postgres.sh

clean:
	cargo clean
	rm -rf dist dist-subpath dist-full e2e/artifacts e2e/test-results
