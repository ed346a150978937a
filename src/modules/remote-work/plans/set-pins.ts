/**
 * Use case: the office manager or HR fixes days by hand (remote or on site) or frees them, then
 * (by default) re-plans the offices concerned over the months of those days around the pins. A
 * pin that breaks a hard rule (coverage, the agreement, an absence) is kept as asked and
 * reported in `pinConflicts`.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import type { PinConflict } from '../planner/index.js';
import { getPatronDay } from '../../organizations/index.js';
import { bodyOf, managesOffice } from './plan-access.js';
import { lastPlannableDay, monthEnd, monthStart } from './plan-dates.js';
import { nonWorkingReason, shortItalianDate } from '../planner/index.js';
import { executePlan, type Planner } from './run-plan.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export interface PinChange {
  employeeId: string;
  day: string;
  /** null frees the day */
  kind: 'remote' | 'onsite' | null;
}

export interface SetPinsResult {
  pins: PinChange[];
  run: repo.PlanRunRow | null;
  pinConflicts: PinConflict[];
}

export async function setPins(
  db: Db,
  auth: AuthContext,
  input: { pins: PinChange[]; replan?: boolean },
  opts: { ip?: string; now?: number; planner?: Planner } = {},
): Promise<SetPinsResult> {
  const organizationId = bodyOf(auth);
  const today = romeDate(opts.now ?? clock.now());
  const seen = new Set<string>();
  for (const p of input.pins) {
    const k = `${p.employeeId}|${p.day}`;
    if (seen.has(k)) throw E.invalidRange(`Il giorno ${p.day} compare due volte per lo stesso dipendente.`);
    seen.add(k);
    if (p.day < today) throw E.pastDay(`Il ${shortItalianDate(p.day)} è già passato.`);
  }
  const days = input.pins.map((p) => p.day).sort();
  const range = { from: monthStart(days[0]) < today ? today : monthStart(days[0]), to: monthEnd(days[days.length - 1]) };
  if (input.replan !== false && range.to > lastPlannableDay(range.from)) {
    throw E.invalidRange('I giorni fissati in una volta devono stare in un periodo di al massimo 3 mesi.');
  }
  const ctx = dbContext(auth);
  const offices = await db.tx(ctx, async (tx) => {
    await repo.lockPlan(tx, organizationId);
    const closures = new Set((await repo.selectClosures(tx, organizationId, days[0], days[days.length - 1])).map((c) => c.day));
    const patronDay = await getPatronDay(tx, organizationId);
    const touched = new Set<string>();
    const before: unknown[] = [];
    for (const p of input.pins) {
      const e = await repo.selectEmployee(tx, organizationId, p.employeeId);
      if (!e || !e.active) throw E.employeeNotFound(`Nessun dipendente attivo con identificativo ${p.employeeId}.`);
      if (!(await managesOffice(tx, auth, organizationId, e.officeId))) {
        throw E.forbidden('Puoi fissare i giorni solo delle persone degli uffici di cui sei responsabile.');
      }
      before.push(await repo.selectPlanDay(tx, organizationId, p.employeeId, p.day));
      if (p.kind === null) {
        await repo.unpin(tx, organizationId, p.employeeId, p.day);
      } else {
        const why = nonWorkingReason(p.day, { patronDay, closures: closures.has(p.day) ? [p.day] : [] });
        if (why) throw E.notWorkingDay(`Il ${shortItalianDate(p.day)} non è un giorno lavorativo (${why}).`);
        await repo.upsertPin(tx, organizationId, { employeeId: p.employeeId, officeId: e.officeId, day: p.day, kind: p.kind, source: 'manager' });
      }
      touched.add(e.officeId);
    }
    await repo.bumpPlanVersion(tx, organizationId);
    await auditBy(tx, auth, {
      organizationId, action: 'remote_work_plan.pin', entityType: 'rw_plan_days',
      entityId: null, before, after: input.pins, ip: opts.ip ?? null,
    });
    return [...touched];
  });
  if (input.replan === false) return { pins: input.pins, run: null, pinConflicts: [] };
  const run = await executePlan(db, ctx, { organizationId, from: range.from, to: range.to, officeIds: offices }, {
    actor: { userId: auth.userId, label: auth.email, ip: opts.ip ?? null },
    trigger: 'pin',
    planner: opts.planner,
  });
  const pinConflicts = ((run.report?.pinConflicts ?? []) as PinConflict[]);
  return { pins: input.pins, run, pinConflicts };
}
