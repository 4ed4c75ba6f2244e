// Two reference servers on one PostgreSQL database, as a company running
// several replicas behind a load balancer would: nothing that keeps the
// rules may live in one process's memory. Run by `make test-replicas` under
// scripts/with-postgres.sh, which provides the database server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NOW, startServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_BIN = `${ROOT}target/debug/noibo-server`;
const PG_VERSION = readdirSync('/usr/lib/postgresql').sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
const PSQL = `/usr/lib/postgresql/${PG_VERSION}/bin/psql`;
/** The demo store's product with exactly one unit left, and one with plenty. */
const LAST_UNIT = 16;
const PLENTY = 3;
const HR = 'hoa.nguyen@noibo.example';

let database;
const replicas = [];

/** Runs SQL on the test database and returns its rows, tab-separated. */
function sql(query) {
  return execFileSync(PSQL, ['-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', database, '-c', query], { encoding: 'utf8' }).trim();
}

/** A replica on the shared database; the first loads the demo data. */
async function startReplica(seed) {
  const { origin, child } = await startServer(SERVER_BIN, database, seed ? ['--seed', 'demo'] : []);
  return { base: `${origin}/api/v1`, process: child };
}

/** A session made in SQL, as sign-in would store it (argon2 in a debug
 * build is too slow for fifty sign-ins); returns the cookie to send. */
function session(email) {
  const token = randomBytes(32).toString('hex');
  const hash = createHash('sha256').update(token).digest('hex');
  const expires = Date.parse(NOW) / 1000 + 3600;
  sql(`INSERT INTO sessions (token_hash, member_id, expires_at) SELECT '${hash}', id, ${expires} FROM members WHERE email = '${email}'`);
  return `noibo_session=${token}`;
}

async function call(replica, method, path, { cookie, key, body } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (key) headers['idempotency-key'] = key;
  const response = await fetch(`${replica.base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const oneUnitOf = (product) => ({ lines: [{ product_id: product, quantity: 1 }], pickup_site_id: 1 });
const stockOf = (product) => Number(sql(`SELECT stock FROM products WHERE id = ${product}`));
const emails = () => sql('SELECT email FROM members ORDER BY id').split('\n');

before(async () => {
  database = execFileSync(`${ROOT}scripts/test-database.sh`, ['postgres', 'replicas'], { encoding: 'utf8' }).trim();
  // One after the other: the first loads the demo data, the second finds it.
  replicas.push(await startReplica(true));
  replicas.push(await startReplica(false));
});

after(() => {
  for (const replica of replicas) replica.process.kill('SIGKILL');
});

test('fifty members racing for the last unit over two replicas buy exactly one', async () => {
  assert.equal(stockOf(LAST_UNIT), 1);
  const linesBefore = Number(sql(`SELECT COUNT(*) FROM order_lines WHERE product_id = ${LAST_UNIT}`));
  const members = emails();
  const cookies = Array.from({ length: 50 }, (_, n) => session(members[n % members.length]));
  const answers = await Promise.all(cookies.map((cookie, n) =>
    call(replicas[n % 2], 'POST', '/store/orders', { cookie, key: `race-${n}`, body: oneUnitOf(LAST_UNIT) })));
  const sold = answers.filter((a) => a.status === 201);
  assert.equal(sold.length, 1, JSON.stringify(answers.map((a) => a.status)));
  for (const refused of answers.filter((a) => a.status !== 201)) {
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.deepEqual(refused.body.errors.map((e) => [e.field, e.rule]), [['lines[0].quantity', 'stock']]);
  }
  assert.equal(stockOf(LAST_UNIT), 0);
  assert.equal(Number(sql(`SELECT COUNT(*) FROM order_lines WHERE product_id = ${LAST_UNIT}`)), linesBefore + 1);
});

test('one idempotency key sent to both replicas at once places one order', async () => {
  const cookie = session('lan.tran@noibo.example');
  const ordersBefore = Number(sql("SELECT COUNT(*) FROM orders o JOIN members m ON m.id = o.member_id WHERE m.email = 'lan.tran@noibo.example'"));
  const stockBefore = stockOf(PLENTY);
  const answers = await Promise.all(replicas.map((replica) =>
    call(replica, 'POST', '/store/orders', { cookie, key: 'both-at-once', body: oneUnitOf(PLENTY) })));
  const placed = answers.filter((a) => a.status === 201);
  assert.ok(placed.length >= 1, JSON.stringify(answers));
  for (const answer of answers) {
    if (answer.status === 201) assert.equal(answer.body.id, placed[0].body.id, 'the same order');
    else assert.equal(answer.status, 409, JSON.stringify(answer.body));
  }
  const ordersAfter = Number(sql("SELECT COUNT(*) FROM orders o JOIN members m ON m.id = o.member_id WHERE m.email = 'lan.tran@noibo.example'"));
  assert.equal(ordersAfter, ordersBefore + 1);
  assert.equal(stockOf(PLENTY), stockBefore - 1);
  const retried = await call(replicas[1], 'POST', '/store/orders', { cookie, key: 'both-at-once', body: oneUnitOf(PLENTY) });
  assert.equal(retried.status, 201);
  assert.equal(retried.body.id, placed[0].body.id, 'a retry on either replica gets the one order');
});

test('five wrong passwords spread over both replicas lock the email on both', async () => {
  const email = 'minh.le@noibo.example';
  const wrong = await Promise.all([0, 1, 2, 3, 4].map((n) =>
    call(replicas[n % 2], 'POST', '/session', { body: { email, password: `wrong-${n}` } })));
  assert.deepEqual(wrong.map((a) => a.status), [401, 401, 401, 401, 401]);
  for (const replica of replicas) {
    const right = await call(replica, 'POST', '/session', { body: { email, password: 'demo' } });
    assert.equal(right.status, 429, 'locked even with the right password');
  }
  const other = await call(replicas[0], 'POST', '/session', { body: { email: 'tuan.pham@noibo.example', password: 'demo' } });
  assert.equal(other.status, 200, 'other members are not locked');
});

test('a price HR changes through one replica shows through the other at once', async () => {
  const hr = session(HR);
  const member = session('an.vo@noibo.example');
  const listed = async () => {
    const page = await call(replicas[1], 'GET', '/store/products?per_page=100', { cookie: member });
    assert.equal(page.status, 200);
    return page.body.items.find((item) => item.product.id === PLENTY).product.internal_price;
  };
  const before = await listed(); // replica 1 now holds the catalogue in memory
  const edited = await call(replicas[0], 'PATCH', `/hr/store/products/${PLENTY}`, { cookie: hr, body: { internal_price: before - 1000 } });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(await listed(), before - 1000);
});

test('killing a replica mid-order loses no committed order and half-applies none', async () => {
  const members = emails();
  const stockBefore = stockOf(PLENTY);
  const lastOrder = Number(sql('SELECT MAX(id) FROM orders'));
  const [doomed, survivor] = replicas;
  // Each member orders twice (the monthly quota allows it), all at once;
  // the replica is killed once a few orders are stored and the rest are
  // still coming in.
  const requests = [...members, ...members].map((email, n) => ({ cookie: session(email), key: `kill-${n}` }));
  const answers = requests.map(({ cookie, key }) =>
    call(doomed, 'POST', '/store/orders', { cookie, key, body: oneUnitOf(PLENTY) }).catch(() => null));
  while (Number(sql(`SELECT COUNT(*) FROM orders WHERE id > ${lastOrder}`)) < 5) await new Promise((r) => setTimeout(r, 5));
  doomed.process.kill('SIGKILL');
  const settled = await Promise.all(answers);
  const confirmed = settled.filter((a) => a && a.status === 201).map((a) => a.body.id);
  const stored = sql(`SELECT id FROM orders WHERE id > ${lastOrder}`).split('\n').filter(Boolean).map(Number);
  for (const id of confirmed) assert.ok(stored.includes(id), `confirmed order ${id} is stored`);
  assert.ok(stored.length >= 5 && settled.some((a) => a === null), 'killed while orders were being placed');
  // Every stored order is whole: its lines, its history, its key settled,
  // and exactly its units gone from stock.
  const sold = Number(sql(`SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE product_id = ${PLENTY} AND order_id > ${lastOrder}`));
  assert.equal(sold, stored.length, 'one line of one unit per order');
  assert.equal(stockOf(PLENTY), stockBefore - sold, 'stock agrees with the orders');
  assert.equal(sql(`SELECT COUNT(*) FROM orders o WHERE o.id > ${lastOrder} AND NOT EXISTS (SELECT 1 FROM order_history h WHERE h.order_id = o.id)`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM idempotency_keys WHERE order_id > ${lastOrder}`), String(stored.length), 'each order settles its key');
  // The survivor carries on, and a member's allowance counts what was stored.
  const again = await call(survivor, 'POST', '/store/orders', { cookie: session(members[0]), key: 'after-the-crash', body: oneUnitOf(PLENTY) });
  assert.ok([201, 422].includes(again.status), JSON.stringify(again.body));
  console.log(`killed mid-run: ${confirmed.length} confirmed, ${stored.length} stored, ${settled.filter((a) => !a).length} cut off`);
});
