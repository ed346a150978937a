/**
 * Use case: the manager's month grid. For each office the caller may plan: its active people
 * with, for every working day, remote / on site / absent / not planned yet and whether the day is
 * pinned; the coverage of every day (people required, on site, remote, absent; skills too) with
 * the shortfall explained; and the latest finished run's report on those offices.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import type { PinConflict } from '../planner/index.js';
import { bodyOf, plannableOffices } from './plan-access.js';
import { eachDay, lastPlannableDay } from './plan-dates.js';
import { loadPlanData } from './run-plan.js';
import { buildPlannerInput, employeeName } from './plan-input.js';
import type { OfficeShortfall, PlanReport } from './plan-report.js';
import { isIsoDate, isoWeekday } from '../../../platform/calendar/rome.js';
import { nonWorkingReason, shortItalianDate } from '../planner/index.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

export type CellKind = repo.DayKind | 'unplanned';

export interface GridCoverage {
  day: string;
  required: number;
  present: number;
  onSite: number;
  remote: number;
  absent: number;
  short: number;
  skills: { skill: string; required: number; onSite: number; short: number }[];
  /** Italian explanation of a shortfall, null when the day is covered */
  message: string | null;
}

export interface PlanGrid {
  from: string;
  to: string;
  workingDays: string[];
  nonWorkingDays: { day: string; reason: string }[];
  offices: {
    id: string;
    code: string;
    name: string;
    employees: { id: string; name: string; skills: string[]; hasAgreement: boolean; kinds: CellKind[]; pinned: boolean[] }[];
    coverage: GridCoverage[];
  }[];
  latestRun: {
    id: string;
    from: string;
    to: string;
    finishedAt: string | null;
    message: string;
    messageEn: string;
    shortfalls: OfficeShortfall[];
    pinConflicts: PinConflict[];
  } | null;
}

function persone(n: number): string {
  return n === 1 ? '1 persona' : `${n} persone`;
}

export async function showPlanGrid(db: Db, auth: AuthContext, q: { from: string; to: string; officeId?: string }): Promise<PlanGrid> {
  const organizationId = bodyOf(auth);
  if (!isIsoDate(q.from) || !isIsoDate(q.to) || q.to < q.from || q.to > lastPlannableDay(q.from)) {
    throw E.invalidRange('Il periodo va da una data all’altra (AAAA-MM-GG), al massimo 3 mesi.');
  }
  return db.tx(dbContext(auth), async (tx) => {
    const officeIds = await plannableOffices(tx, auth, organizationId, q.officeId ? [q.officeId] : null);
    const { data } = await loadPlanData(tx, { organizationId, from: q.from, to: q.to, officeIds });
    const built = buildPlannerInput(data);
    const days = built.input.days;
    const D = days.length;
    const dayIdx = new Map(days.map((d, i) => [d, i]));
    const stored = new Map<string, repo.PlanDayRow>();
    for (const p of data.planDays) stored.set(`${p.employeeId}|${p.day}`, p);
    const absent = new Set(data.absences.map((a) => `${a.employeeId}|${a.day}`));
    const officeInput = new Map(built.input.offices.map((o) => [o.id, o]));
    const offices: PlanGrid['offices'] = data.offices.map((o) => {
      const people = data.employees.filter((e) => e.officeId === o.id);
      const employees = people.map((e) => {
        const kinds: CellKind[] = new Array(D);
        const pinned: boolean[] = new Array(D);
        days.forEach((d, i) => {
          const row = stored.get(`${e.id}|${d}`);
          kinds[i] = absent.has(`${e.id}|${d}`) ? 'absent' : row ? row.kind : 'unplanned';
          pinned[i] = row?.pinned ?? false;
        });
        return { id: e.id, name: employeeName(e), skills: e.skills, hasAgreement: built.withAgreement.has(e.id), kinds, pinned };
      });
      const rules = officeInput.get(o.id)!.coverage;
      const coverage: GridCoverage[] = days.map((d, i) => {
        const rule = rules.find((r) => r.weekday === isoWeekday(d));
        let present = 0, remote = 0, abs = 0;
        const skillOnSite = new Map<string, number>();
        people.forEach((e, k) => {
          const kind = employees[k].kinds[i];
          if (kind === 'absent') { abs++; return; }
          present++;
          if (kind === 'remote') { remote++; return; }
          for (const s of e.skills) skillOnSite.set(s, (skillOnSite.get(s) ?? 0) + 1);
        });
        const onSite = present - remote;
        const required = rule?.minOnSite ?? 0;
        const skills = (rule?.skills ?? []).map((s) => {
          const n = skillOnSite.get(s.skill) ?? 0;
          return { skill: s.skill, required: s.minOnSite, onSite: n, short: Math.max(0, s.minOnSite - n) };
        });
        const short = Math.max(0, required - onSite);
        const parts: string[] = [];
        if (short > 0) {
          parts.push(`servono ${persone(required)} in sede, ce ne sono ${onSite} (${short === 1 ? 'manca 1 persona' : `mancano ${short} persone`}: ${abs} assenti, ${remote} in lavoro agile)`);
        }
        for (const s of skills) {
          if (s.short > 0) parts.push(`servono ${persone(s.required)} con competenza '${s.skill}' in sede, ce ne sono ${s.onSite} (${s.short === 1 ? 'manca 1 persona' : `mancano ${s.short} persone`})`);
        }
        return { day: d, required, present, onSite, remote, absent: abs, short, skills, message: parts.length ? `${o.name}: il ${shortItalianDate(d)} ${parts.join('; ')}` : null };
      });
      return { id: o.id, code: o.code, name: o.name, employees, coverage };
    });
    const nonWorkingDays = eachDay(q.from, q.to)
      .filter((d) => !dayIdx.has(d))
      .map((d) => ({ day: d, reason: nonWorkingReason(d, built.calendar) ?? 'giorno non lavorativo' }));
    const mine = new Set(data.offices.map((o) => o.id));
    const run = await repo.selectLatestDoneRun(tx, organizationId, q.from, q.to, [...mine]);
    let latestRun: PlanGrid['latestRun'] = null;
    if (run?.report) {
      const report = run.report as unknown as PlanReport;
      latestRun = {
        id: run.id,
        from: run.from,
        to: run.to,
        finishedAt: run.finishedAt,
        message: report.message,
        messageEn: report.messageEn,
        shortfalls: (report.shortfalls ?? []).filter((s) => mine.has(s.officeId)),
        pinConflicts: (report.pinConflicts ?? []).filter((c) => mine.has(c.officeId)),
      };
    }
    return { from: q.from, to: q.to, workingDays: days, nonWorkingDays, offices, latestRun };
  });
}
