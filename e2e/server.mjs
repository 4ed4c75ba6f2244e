// Starting a reference server for the scripts that drive one (load,
// replicas, the throttled phone, the bench): a free loopback port, the
// server's flags, and waiting until it answers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The instant the servers' clocks are pinned to, as in every test. */
export const NOW = '2026-11-20T10:00:00+07:00';

export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 2xx; throws after ten seconds. */
export async function waitFor(url) {
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** Starts `binary` on a free port and `database`, with the clock pinned to
 * NOW and `extra` flags, logging warnings only; returns its origin and its
 * process once it answers. */
export async function startServer(binary, database, extra = []) {
  const port = await freePort();
  const args = ['--listen', `127.0.0.1:${port}`, '--database', database, '--now', NOW, ...extra];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/api/v1/health`);
  return { origin, child };
}
