// The reference server under load: catalogue searches and order placement
// from 100 concurrent connections, on SQLite and on PostgreSQL, with one
// replica and with two on one database. autocannon (npm) generates the
// load; with two replicas, half the connections go to each and the two
// runs' histograms are merged. Writes bench-load.json and the "Load"
// section of BENCHMARKS.md (after e2e/bench.mjs has written the rest).
//
//   scripts/with-postgres.sh node e2e/load.mjs target/release/noibo-server
//
// Without NOIBO_TEST_POSTGRES (scripts/with-postgres.sh) only SQLite runs.
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_BIN = process.argv[2] ?? `${ROOT}target/release/noibo-server`;
const CONNECTIONS = 100;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const SEARCHES = ['nuoc', 'ca phe', 'tra', 'banh', 'gao', 'xa phong', 'mat ong', 'nen', 'dau', 'keo'];
/** Products made for the run: plenty of stock, the highest monthly quota,
 * so orders measure placing, not refusing. */
const BENCH_PRODUCTS = 20;
const HR = 'hoa.nguyen@noibo.example';

/** A replica on the shared database; the first loads the demo data. */
const startReplica = (database, seed) => startServer(SERVER_BIN, database, seed ? ['--seed', 'demo'] : []);

async function api(origin, method, path, { cookie, body } = {}) {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  const response = await fetch(`${origin}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function signIn(origin, email) {
  const response = await api(origin, 'POST', '/session', { body: { email, password: 'demo' } });
  return response.headers.get('set-cookie').split(';')[0];
}

/** The demo company's members, as domain/src/seed.rs lists them (the API
 * has no member list to read them from). */
function demoEmails() {
  const seed = readFileSync(`${ROOT}domain/src/seed.rs`, 'utf8');
  return [...seed.matchAll(/^\s+\("([a-z]+\.[a-z]+)", "/gm)].map((m) => `${m[1]}@noibo.example`);
}

/** Signs everyone in, and as HR makes the bench products and an allowance
 * nobody runs out of. Returns the members' cookies and the products' ids. */
async function prepare(origin) {
  const hr = await signIn(origin, HR);
  const policy = await (await api(origin, 'GET', '/hr/store/allowance-policy', { cookie: hr })).json();
  await api(origin, 'PUT', '/hr/store/allowance-policy', {
    cookie: hr,
    body: { default_limit: 1_000_000_000, segments: policy.segments.map((s) => ({ ...s, yearly_limit: 1_000_000_000 })) },
  });
  const products = [];
  for (let n = 0; n < BENCH_PRODUCTS; n += 1) {
    const draft = {
      name: { vi: `Hàng thử tải ${n}`, en: `Load test item ${n}` },
      description: { vi: 'Dùng cho đo tải.', en: 'For the load benchmark.' },
      category: 'food', market_price: 20_000, internal_price: 10_000, stock: 1_000_000, monthly_quota: 99,
      audience: { all_of: [] }, hidden: false,
    };
    products.push((await (await api(origin, 'POST', '/hr/store/products', { cookie: hr, body: draft })).json()).id);
  }
  const cookies = [];
  for (const email of demoEmails()) cookies.push(await signIn(origin, email));
  return { cookies, products };
}

/** One autocannon run per replica, all at once, their results merged. */
async function load(replicas, makeRequest) {
  let sent = 0;
  const runs = replicas.map((replica) => autocannon({
    url: replica.origin,
    connections: CONNECTIONS / replicas.length,
    duration: SECONDS,
    skipAggregateResult: true,
    requests: [{ setupRequest: (request) => ({ ...request, ...makeRequest(sent++) }) }],
  }));
  const results = await Promise.all(runs);
  const merged = autocannon.aggregateResult(results, { url: replicas[0].origin, connections: CONNECTIONS, duration: SECONDS });
  return {
    requestsPerSecond: Math.round(merged.requests.total / SECONDS),
    p50Ms: merged.latency.p50,
    p99Ms: merged.latency.p99,
    total: merged.requests.total,
    non2xx: merged.non2xx,
    errors: merged.errors + merged.timeouts,
  };
}

async function scenario(kind, replicaCount) {
  const name = `load_${kind === 'postgres' ? 'pg' : 'sqlite'}_${replicaCount}`;
  const database = execFileSync(`${ROOT}scripts/test-database.sh`, [kind, name], { encoding: 'utf8' }).trim();
  const replicas = [await startReplica(database, true)];
  while (replicas.length < replicaCount) replicas.push(await startReplica(database, false));
  try {
    const { cookies, products } = await prepare(replicas[0].origin);
    const cookie = (n) => cookies[n % cookies.length];
    const search = await load(replicas, (n) => ({
      method: 'GET',
      path: `/api/v1/store/products?q=${encodeURIComponent(SEARCHES[n % SEARCHES.length])}`,
      headers: { cookie: cookie(n) },
    }));
    const order = await load(replicas, (n) => ({
      method: 'POST',
      path: '/api/v1/store/orders',
      headers: { cookie: cookie(n), 'content-type': 'application/json', 'idempotency-key': `${name}-${n}` },
      body: JSON.stringify({ lines: [{ product_id: products[n % products.length], quantity: 1 }], pickup_site_id: 1 }),
    }));
    return { database: kind, replicas: replicaCount, members: cookies.length, search, order };
  } finally {
    for (const replica of replicas) replica.child.kill();
  }
}

const kinds = ['sqlite', ...(process.env.NOIBO_TEST_POSTGRES ? ['postgres'] : [])];
const runs = [];
for (const kind of kinds) {
  for (const replicaCount of [1, 2]) {
    const run = await scenario(kind, replicaCount);
    console.log(JSON.stringify(run));
    runs.push(run);
  }
}
const results = { date: new Date().toISOString(), cpus: cpus().length, connections: CONNECTIONS, seconds: SECONDS, runs };
writeFileSync(`${ROOT}bench-load.json`, `${JSON.stringify(results, null, 2)}\n`);

const row = (r, what) => {
  const m = r[what];
  return `| ${what === 'search' ? 'catalogue search' : 'order placement'} | ${r.database === 'postgres' ? 'PostgreSQL' : 'SQLite'} | ${r.replicas} | ${m.requestsPerSecond.toLocaleString('en')} | ${m.p50Ms} | ${m.p99Ms} | ${m.total.toLocaleString('en')} | ${m.non2xx + m.errors} |`;
};
const section = `<!-- load -->
## Load (reference server)

Written by \`make bench\` (\`e2e/load.mjs\`); raw numbers in \`bench-load.json\`. Last run: ${results.date},
on this ${results.cpus}-core machine, server \`${SERVER_BIN.replace(ROOT, '')}\`, ${CONNECTIONS} concurrent connections for ${SECONDS} s per row,
generated by autocannon on the same machine (it takes a share of the same two cores). Each request is sent as the
next of the demo company's ${runs[0].members} members, signed in beforehand; with two replicas, half the
connections go to each, against one database. Searches rotate through ${SEARCHES.length} terms; orders are one unit of one of
${BENCH_PRODUCTS} products made for the run (stock and quota to spare, allowance raised by HR), each with a new
\`Idempotency-Key\`. "Not 2xx" counts refusals and errors (there should be none).

| Requests | Database | Replicas | Requests/s | p50 (ms) | p99 (ms) | Requests | Not 2xx |
|---|---|---|---|---|---|---|---|
${runs.map((r) => row(r, 'search')).join('\n')}
${runs.map((r) => row(r, 'order')).join('\n')}
<!-- /load -->
`;
const path = `${ROOT}BENCHMARKS.md`;
const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
const next = current.includes('<!-- load -->')
  ? current.replace(/<!-- load -->[\s\S]*<!-- \/load -->\n/, section)
  : `${current.trimEnd()}\n\n${section}`;
writeFileSync(path, next);
console.log(section);
