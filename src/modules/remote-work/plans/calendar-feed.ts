/**
 * Use cases: the employee's iCalendar feed. The feed address carries a random secret (32 bytes,
 * base64url); only its SHA-256 is stored, so the address is shown once, when it is made, and a
 * new one (which stops the old one) can be made at any time or the feed switched off. The feed
 * lists all-day events "Lavoro agile" / "In sede" for the planned days from 30 days ago to 3
 * months ahead, written with the platform's RFC 5545 writer.
 */
import crypto from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { writeCalendar, type CalendarEvent } from '../../../platform/calendar/icalendar.js';
import { bodyOf } from './plan-access.js';
import { addDays } from './plan-dates.js';
import { employeeName } from './plan-input.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export const FEED_PATH = '/api/v1/remote-work/calendar';
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 92;

const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createFeedToken(db: Db, auth: AuthContext, opts: { ip?: string; publicUrl: string }): Promise<{ url: string; webcalUrl: string; createdAt: string }> {
  const organizationId = bodyOf(auth);
  const token = crypto.randomBytes(32).toString('base64url');
  return db.tx(dbContext(auth), async (tx) => {
    const me = await repo.selectEmployeeByUser(tx, organizationId, auth.userId);
    if (!me) throw E.notAnEmployee();
    const before = await repo.selectFeed(tx, organizationId, me.id);
    const { createdAt } = await repo.upsertFeed(tx, organizationId, me.id, hashOf(token));
    await auditBy(tx, auth, {
      organizationId, action: before ? 'remote_work_feed.regenerate' : 'remote_work_feed.create',
      entityType: 'rw_calendar_feed', entityId: me.id, before, after: { createdAt }, ip: opts.ip ?? null,
    });
    const url = `${opts.publicUrl}${FEED_PATH}/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt };
  });
}

export async function removeFeed(db: Db, auth: AuthContext, opts: { ip?: string } = {}): Promise<void> {
  const organizationId = bodyOf(auth);
  await db.tx(dbContext(auth), async (tx) => {
    const me = await repo.selectEmployeeByUser(tx, organizationId, auth.userId);
    if (!me) throw E.notAnEmployee();
    const before = await repo.selectFeed(tx, organizationId, me.id);
    if (!before) throw E.feedNotFound('Il calendario non era attivo.');
    await repo.deleteFeed(tx, organizationId, me.id);
    await auditBy(tx, auth, {
      organizationId, action: 'remote_work_feed.remove', entityType: 'rw_calendar_feed',
      entityId: me.id, before, after: null, ip: opts.ip ?? null,
    });
  });
}

/** The feed's iCalendar text for a token (404 for an unknown, malformed or replaced token). */
export async function renderFeed(db: Db, token: string, opts: { now?: number } = {}): Promise<string> {
  if (!TOKEN_RE.test(token)) throw E.feedNotFound();
  const owner = await db.tx({}, (tx) => repo.selectFeedOwner(tx, hashOf(token)));
  if (!owner) throw E.feedNotFound();
  const now = opts.now ?? clock.now();
  const today = romeDate(now);
  return db.tx({ organizationId: owner.organizationId }, async (tx) => {
    const e = await repo.selectEmployee(tx, owner.organizationId, owner.employeeId);
    if (!e || !e.active) throw E.feedNotFound();
    const [office] = await repo.selectOffices(tx, owner.organizationId, [e.officeId]);
    const days = await repo.selectPlanDays(tx, owner.organizationId, [e.id], addDays(today, -FEED_PAST_DAYS), addDays(today, FEED_FUTURE_DAYS));
    await repo.touchFeed(tx, owner.organizationId, e.id);
    const events: CalendarEvent[] = days
      .filter((d) => d.kind !== 'absent')
      .map((d) => ({
        uid: `rw-${e.id}-${d.day}@agilepa`,
        start: { date: d.day },
        end: { date: addDays(d.day, 1) },
        summary: d.kind === 'remote' ? 'Lavoro agile' : 'In sede',
        description: d.kind === 'remote'
          ? `Giorno di lavoro agile (${office?.name ?? ''})${d.pinned ? ', fissato' : ''}.`
          : `Giorno di lavoro in sede (${office?.name ?? ''})${d.pinned ? ', fissato' : ''}.`,
        categories: [d.kind === 'remote' ? 'Lavoro agile' : 'In sede'],
        transparency: 'TRANSPARENT',
      }));
    return writeCalendar({ method: 'PUBLISH', name: `Lavoro agile – ${employeeName(e)}`, events, now });
  });
}
