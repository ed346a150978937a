/**
 * The independent validator of remote-work plans. It checks every hard rule for any plan, made by
 * hand or by the planner, and shares no code with the planner (only the types and the calendar
 * helpers). Rules:
 * - each office keeps its minimum on site every working day, and each skill minimum;
 * - nobody exceeds the agreement's remote days per ISO week / per calendar month;
 * - no remote day without an agreement, on a forbidden weekday, on a non-working day or on an
 *   absence day;
 * - the manager's pins are respected.
 * Absent people count neither on site nor remote.
 */
import type { Plan, PlannerInput, Violation } from './planner.types.js';
import {
  isoWeekKey,
  isoWeekday,
  monthKey,
  nonWorkingReason,
  shortItalianDate,
  type CalendarOptions,
} from './working-days.js';

export interface ValidateOptions {
  /** When given, every remote day is also checked against the Italian calendar with these options. */
  calendar?: CalendarOptions;
  /** Stop after this many violations (default: unlimited). */
  limit?: number;
}

function persone(n: number): string {
  return n === 1 ? '1 persona' : `${n} persone`;
}

/** Returns every hard-rule violation of `plan` for `input` (empty list = valid plan). */
export function validatePlan(input: PlannerInput, plan: Plan, opts: ValidateOptions = {}): Violation[] {
  const out: Violation[] = [];
  const limit = opts.limit ?? Infinity;
  const push = (v: Violation): boolean => {
    out.push(v);
    return out.length >= limit;
  };
  const P = plan.days.length;
  if (plan.remote.length !== P * plan.employeeIds.length) {
    push({ kind: 'malformed', message: `Piano malformato: attese ${P * plan.employeeIds.length} celle, trovate ${plan.remote.length}` });
    return out;
  }
  const workingIndex = new Map<string, number>();
  input.days.forEach((d, i) => workingIndex.set(d, i));
  const planDayToWorking = new Int32Array(P);
  const seenPlanDays = new Set<string>();
  for (let j = 0; j < P; j++) {
    const d = plan.days[j];
    if (seenPlanDays.has(d)) {
      push({ kind: 'malformed', day: d, message: `Piano malformato: il giorno ${d} compare due volte` });
      return out;
    }
    seenPlanDays.add(d);
    planDayToWorking[j] = workingIndex.has(d) ? workingIndex.get(d)! : -1;
  }
  const weekdayOf = plan.days.map((d) => isoWeekday(d));
  const weekOf = plan.days.map((d) => isoWeekKey(d));
  const monthOf = plan.days.map((d) => monthKey(d));
  const calendarReason = opts.calendar ? plan.days.map((d) => nonWorkingReason(d, opts.calendar)) : null;

  const offices = new Map(input.offices.map((o) => [o.id, o]));
  const employeeRow = new Map<string, number>();
  for (let r = 0; r < plan.employeeIds.length; r++) {
    const id = plan.employeeIds[r];
    if (employeeRow.has(id)) {
      push({ kind: 'malformed', employeeId: id, message: `Piano malformato: il dipendente ${id} compare due volte` });
      return out;
    }
    employeeRow.set(id, r);
  }
  const known = new Set(input.employees.map((e) => e.id));
  for (const id of plan.employeeIds) {
    if (!known.has(id)) {
      if (push({ kind: 'malformed', employeeId: id, message: `Piano malformato: dipendente sconosciuto ${id}` })) return out;
    }
  }

  // Per office and working day: people present, people remote; same per skill.
  const D = input.days.length;
  const present = new Map<string, Int32Array>();
  const remote = new Map<string, Int32Array>();
  const skillPresent = new Map<string, Map<string, Int32Array>>();
  const skillRemote = new Map<string, Map<string, Int32Array>>();
  const officeSkills = new Map<string, Set<string>>();
  for (const o of input.offices) {
    present.set(o.id, new Int32Array(D));
    remote.set(o.id, new Int32Array(D));
    const s = new Set<string>();
    for (const r of o.coverage) for (const k of r.skills ?? []) s.add(k.skill);
    officeSkills.set(o.id, s);
    const sp = new Map<string, Int32Array>();
    const sr = new Map<string, Int32Array>();
    for (const k of s) {
      sp.set(k, new Int32Array(D));
      sr.set(k, new Int32Array(D));
    }
    skillPresent.set(o.id, sp);
    skillRemote.set(o.id, sr);
  }

  for (const e of input.employees) {
    const office = offices.get(e.officeId);
    const row = employeeRow.get(e.id);
    const absences = new Set(e.absences ?? []);
    const who = e.name ?? e.id;
    const pres = present.get(e.officeId);
    const rem = remote.get(e.officeId);
    const mySkills = office ? (e.skills ?? []).filter((s) => officeSkills.get(office.id)!.has(s)) : [];
    // presence on working days
    if (pres) {
      for (let d = 0; d < D; d++) {
        if (absences.has(input.days[d])) continue;
        pres[d]++;
        for (const s of mySkills) skillPresent.get(e.officeId)!.get(s)![d]++;
      }
    }
    const pins = e.pins ?? {};
    const base = row === undefined ? -1 : row * P;
    // pins
    for (const day of Object.keys(pins)) {
      const j = plan.days.indexOf(day);
      const isRemote = j >= 0 && base >= 0 ? plan.remote[base + j] === 1 : false;
      const want = pins[day] === 'remote';
      if (j < 0 && want) {
        if (push({ kind: 'pin-not-respected', officeId: e.officeId, employeeId: e.id, day,
          message: `${who}: il ${shortItalianDate(day)} è fissato in lavoro agile ma il giorno non è nel piano` })) return out;
      } else if (j >= 0 && isRemote !== want) {
        if (push({ kind: 'pin-not-respected', officeId: e.officeId, employeeId: e.id, day,
          message: `${who}: il ${shortItalianDate(day)} è fissato ${want ? 'in lavoro agile' : 'in sede'} ma il piano lo mette ${isRemote ? 'in lavoro agile' : 'in sede'}` })) return out;
      }
    }
    if (base < 0) continue;
    const weekCount = new Map<string, number>();
    const monthCount = new Map<string, number>();
    const ag = e.agreement ?? null;
    const allowed = new Set<number>(ag?.allowedWeekdays ?? []);
    for (let j = 0; j < P; j++) {
      if (plan.remote[base + j] !== 1) continue;
      const day = plan.days[j];
      const w = planDayToWorking[j];
      if (w < 0 || (calendarReason && calendarReason[j] !== null)) {
        const why = calendarReason?.[j] ?? 'non è un giorno lavorativo del periodo';
        if (push({ kind: 'non-working-day', officeId: e.officeId, employeeId: e.id, day,
          message: `${who}: lavoro agile il ${shortItalianDate(day)}, giorno non lavorativo (${why})` })) return out;
      }
      if (absences.has(day)) {
        if (push({ kind: 'absence-day', officeId: e.officeId, employeeId: e.id, day,
          message: `${who}: lavoro agile il ${shortItalianDate(day)}, giorno di assenza` })) return out;
        continue; // an absent person is not remote; do not count it further
      }
      if (!ag) {
        if (push({ kind: 'no-agreement', officeId: e.officeId, employeeId: e.id, day,
          message: `${who}: lavoro agile il ${shortItalianDate(day)} senza accordo individuale` })) return out;
      } else if (!allowed.has(weekdayOf[j])) {
        if (push({ kind: 'forbidden-weekday', officeId: e.officeId, employeeId: e.id, day,
          message: `${who}: lavoro agile il ${shortItalianDate(day)}, giorno della settimana non previsto dall'accordo` })) return out;
      }
      weekCount.set(weekOf[j], (weekCount.get(weekOf[j]) ?? 0) + 1);
      monthCount.set(monthOf[j], (monthCount.get(monthOf[j]) ?? 0) + 1);
      if (w >= 0 && rem) {
        rem[w]++;
        for (const s of mySkills) skillRemote.get(e.officeId)!.get(s)![w]++;
      }
    }
    if (ag?.maxRemotePerWeek != null) {
      for (const [wk, n] of weekCount) {
        if (n > ag.maxRemotePerWeek && push({ kind: 'weekly-cap', officeId: e.officeId, employeeId: e.id, day: wk,
          required: ag.maxRemotePerWeek, actual: n,
          message: `${who}: ${n} giorni di lavoro agile nella settimana ${wk}, l'accordo ne consente ${ag.maxRemotePerWeek}` })) return out;
      }
    }
    if (ag?.maxRemotePerMonth != null) {
      for (const [mk, n] of monthCount) {
        if (n > ag.maxRemotePerMonth && push({ kind: 'monthly-cap', officeId: e.officeId, employeeId: e.id, day: mk,
          required: ag.maxRemotePerMonth, actual: n,
          message: `${who}: ${n} giorni di lavoro agile nel mese ${mk}, l'accordo ne consente ${ag.maxRemotePerMonth}` })) return out;
      }
    }
  }

  // coverage
  for (const o of input.offices) {
    const pres = present.get(o.id)!;
    const rem = remote.get(o.id)!;
    for (let d = 0; d < D; d++) {
      const wd = isoWeekday(input.days[d]);
      for (const rule of o.coverage) {
        if (rule.weekday !== wd) continue;
        const onSite = pres[d] - rem[d];
        if (onSite < rule.minOnSite) {
          if (push({ kind: 'coverage', officeId: o.id, day: input.days[d], required: rule.minOnSite, actual: onSite,
            avoidable: pres[d] >= rule.minOnSite,
            message: `${o.name}: il ${shortItalianDate(input.days[d])} servono ${persone(rule.minOnSite)} in sede, ce ne sono ${onSite}` })) return out;
        }
        for (const sk of rule.skills ?? []) {
          const sp = skillPresent.get(o.id)!.get(sk.skill)![d];
          const sr = skillRemote.get(o.id)!.get(sk.skill)![d];
          if (sp - sr < sk.minOnSite) {
            if (push({ kind: 'skill-coverage', officeId: o.id, day: input.days[d], skill: sk.skill, required: sk.minOnSite,
              actual: sp - sr, avoidable: sp >= sk.minOnSite,
              message: `${o.name}: il ${shortItalianDate(input.days[d])} servono ${persone(sk.minOnSite)} con competenza '${sk.skill}' in sede, ce ne sono ${sp - sr}` })) return out;
          }
        }
      }
    }
  }
  return out;
}
