import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createMailer, listOutbox, outboxDir, queueMail } from '../mail/index.js';
import { CLEANUP_JOB, enqueue, startPlatformWorker } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

describe('startPlatformWorker', () => {
  it('delivers queued mail to the outbox, registers the cleanup schedule, and stops cleanly', async () => {
    const mailer = createMailer(t.config);
    const worker = await startPlatformWorker({ config: t.config, db: t.db, mailer, logger: t.app.log, pollMs: 20 });
    try {
      await t.db.tx({ organizationId: null }, (tx) => queueMail(tx, { to: 'operatore@agilepa.example', subject: 'Prova di consegna', text: 'Messaggio di prova.' }));
      await waitFor(() => listOutbox(outboxDir(t.config), 1, 10).total === 1);
      expect(listOutbox(outboxDir(t.config), 1, 10).items[0].subject).toBe('Prova di consegna');
      const s = await t.db.ownerTx((tx) => tx.query<{ spec: string; job_type: string }>(`select spec, job_type from job_schedules where name = $1`, [CLEANUP_JOB]));
      expect(s.rows).toEqual([{ spec: 'daily 03:30', job_type: CLEANUP_JOB }]);
    } finally {
      await worker.stop();
    }
    // Stopped: a new job stays queued.
    const id = await t.db.ownerTx((tx) => queueMail(tx, { to: 'x@agilepa.example', subject: 'Dopo lo stop', text: '…' }));
    await new Promise((r) => setTimeout(r, 200));
    const row = await t.db.ownerTx((tx) => tx.query<{ status: string }>('select status from jobs where id = $1', [id]));
    expect(row.rows[0].status).toBe('queued');
  });

  it('the cleanup job removes finished jobs older than 30 days and keeps the rest', async () => {
    const ids = await t.db.ownerTx(async (tx) => [await enqueue(tx, 'test.old', {}), await enqueue(tx, 'test.recent', {}), await enqueue(tx, 'test.old-queued', {})]);
    await t.db.ownerTx(async (tx) => {
      await tx.query(`update jobs set status = 'done', finished_at = now() - interval '31 days' where id = $1`, [ids[0]]);
      await tx.query(`update jobs set status = 'failed', finished_at = now() - interval '29 days' where id = $1`, [ids[1]]);
      await tx.query(`update jobs set run_at = now() + interval '1 day' where id = $1`, [ids[2]]);
    });
    const cleanup = await t.db.ownerTx((tx) => enqueue(tx, CLEANUP_JOB, {}));
    const worker = await startPlatformWorker({ config: t.config, db: t.db, mailer: createMailer(t.config), logger: t.app.log, pollMs: 20 });
    try {
      await waitFor(async () => (await t.db.ownerTx((tx) => tx.query<{ status: string }>('select status from jobs where id = $1', [cleanup]))).rows[0]?.status === 'done');
    } finally {
      await worker.stop();
    }
    const left = await t.db.ownerTx((tx) => tx.query<{ id: number }>('select id from jobs where id = any($1::bigint[]) order by id', [ids]));
    expect(left.rows.map((r) => r.id)).toEqual([ids[1], ids[2]]);
    expect(fs.existsSync(outboxDir(t.config))).toBe(true);
  });
});
