/**
 * Start-up benchmark: cold start to serving with an EXISTING embedded database, and resident
 * memory when idle. A first start creates the database in a temporary DATA_DIR (migrations,
 * official list, demo); then three starts are measured: spawn `node --import tsx src/main.ts`,
 * poll /api/v1/status until it answers 200 (coldStartMs), wait 2 s idle and read VmRSS from
 * /proc/<pid>/status (idleRssMB). Medians of the three. Prints one JSON object last.
 *
 *   npm run bench -- startup [--runs 3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function start(dataDir: string): Promise<{ child: ChildProcess; ms: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded database
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('the server exited before answering');
    if (performance.now() - t0 > 120_000) throw new Error('the server did not answer within 120 s');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/status`);
      if (res.status === 200) return { child, ms: Math.round(performance.now() - t0) };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main() {
  const runs = Number(arg('runs', '3'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-startup-'));
  try {
    const first = await start(dataDir); // creates the database: migrations, official list, demo
    await stop(first.child);
    const starts: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { child, ms } = await start(dataDir);
      starts.push(ms);
      await sleep(2000);
      rss.push(rssMB(child.pid!));
      await stop(child);
    }
    console.log(
      JSON.stringify({
        benchmark: 'startup',
        database: 'pglite (existing data directory)',
        firstStartMs: first.ms,
        coldStartMs: median(starts),
        idleRssMB: median(rss),
        runs: { coldStartMs: starts, idleRssMB: rss },
        machine: machine(),
        date: new Date().toISOString(),
      }),
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
