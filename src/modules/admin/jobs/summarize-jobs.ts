/** Background jobs at a glance (platform administrators): counts per status, the latest of one status, the schedules. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { requirePlatformAdmin } from '../audit-scope.js';
import { jobCounts, latestJobs, listSchedules, type JobStatus } from '../../../platform/jobs/index.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function summarizeJobs(db: Db, auth: AuthContext, q: { status: JobStatus; limit: number }) {
  requirePlatformAdmin(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const counts = await jobCounts(tx);
    const items = await latestJobs(tx, q.status, q.limit);
    const schedules = await listSchedules(tx);
    return {
      counts,
      status: q.status,
      items: items.map((j) => ({
        id: Number(j.id),
        type: j.type,
        status: j.status,
        attempts: j.attempts,
        maxAttempts: j.max_attempts,
        runAt: iso(j.run_at)!,
        createdAt: iso(j.created_at)!,
        finishedAt: iso(j.finished_at),
        lastError: j.last_error,
      })),
      schedules: schedules.map((s) => ({ name: s.name, spec: s.spec, jobType: s.job_type, enabled: s.enabled, nextRunAt: iso(s.next_run_at)!, lastRunAt: iso(s.last_run_at) })),
    };
  });
}
