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
 *
 * Cost: linear in the size of the input and of the plan (one pass over each employee's row, one
 * pass over each office's days and rules). Counters live in flat typed arrays indexed by office,
 * skill slot and day; per-employee marks (absences, week and month counts) are set and cleared
 * in place, so nothing is allocated per employee unless a violation is reported.
 */
import type { Plan, PlannerInput, Violation } from './planner.types.js';
import { isoWeekKey, isoWeekday, monthOf as monthKey } from '../../../platform/calendar/rome.js';
import { nonWorkingReason, shortItalianDate, type CalendarOptions } from './calendar.js';

export interface ValidateOptions {
  /** When given, every remote day is also checked against the Italian calendar with these options. */
  calendar?: CalendarOptions;
  /** Stop after this many violations (default: unlimited). */
  limit?: number;
}

function persone(n: number): string {
  return n === 1 ? '1 persona' : `${n} persone`;
}

const NO_STRINGS: string[] = [];

/** Returns every hard-rule violation of `plan` for `input` (empty list = valid plan). */
export function validatePlan(input: PlannerInput, plan: Plan, opts: ValidateOptions = {}): Violation[] {
  const out: Violation[] = [];
  const limit = opts.limit ?? Infinity;
  const push = (v: Violation): boolean => {
    out.push(v);
    return out.length >= limit;
  };
  const P = plan.days.length;
  const R = plan.employeeIds.length;
  if (plan.remote.length !== P * R) {
    push({ kind: 'malformed', message: `Piano malformato: attese ${P * R} celle, trovate ${plan.remote.length}` });
    return out;
  }
  // Working days of the input; `sameNext` chains repeated strings so a day string marks them all.
  const D = input.days.length;
  const workingFirst = new Map<string, number>();
  const sameNext = new Int32Array(D).fill(-1);
  const lastOf = new Map<string, number>();
  for (let d = 0; d < D; d++) {
    const day = input.days[d];
    const prev = lastOf.get(day);
    if (prev === undefined) workingFirst.set(day, d); else sameNext[prev] = d;
    lastOf.set(day, d);
  }
  // Plan days: index, working-day index, weekday, week and month numbers.
  const planIndex = new Map<string, number>();
  const planDayToWorking = new Int32Array(P);
  for (let j = 0; j < P; j++) {
    const d = plan.days[j];
    if (planIndex.has(d)) {
      push({ kind: 'malformed', day: d, message: `Piano malformato: il giorno ${d} compare due volte` });
      return out;
    }
    planIndex.set(d, j);
    planDayToWorking[j] = lastOf.get(d) ?? -1;
  }
  const weekdayOf = new Uint8Array(P);
  const weekOf = new Int32Array(P);
  const monthOf = new Int32Array(P);
  const weekKeys: string[] = [];
  const monthKeys: string[] = [];
  {
    const wIds = new Map<string, number>();
    const mIds = new Map<string, number>();
    for (let j = 0; j < P; j++) {
      const day = plan.days[j];
      weekdayOf[j] = isoWeekday(day);
      const wk = isoWeekKey(day), mk = monthKey(day);
      let w = wIds.get(wk);
      if (w === undefined) { w = weekKeys.length; wIds.set(wk, w); weekKeys.push(wk); }
      let m = mIds.get(mk);
      if (m === undefined) { m = monthKeys.length; mIds.set(mk, m); monthKeys.push(mk); }
      weekOf[j] = w;
      monthOf[j] = m;
    }
  }
  const calendarReason = opts.calendar ? plan.days.map((d) => nonWorkingReason(d, opts.calendar)) : null;

  const employeeRow = new Map<string, number>();
  for (let r = 0; r < R; r++) {
    const id = plan.employeeIds[r];
    if (employeeRow.has(id)) {
      push({ kind: 'malformed', employeeId: id, message: `Piano malformato: il dipendente ${id} compare due volte` });
      return out;
    }
    employeeRow.set(id, r);
  }
  const E = input.employees.length;
  const rowOf = new Int32Array(E);
  const rowKnown = new Uint8Array(R);
  for (let i = 0; i < E; i++) {
    const r = employeeRow.get(input.employees[i].id);
    rowOf[i] = r ?? -1;
    if (r !== undefined) rowKnown[r] = 1;
  }
  for (let r = 0; r < R; r++) {
    if (!rowKnown[r]) {
      const id = plan.employeeIds[r];
      if (push({ kind: 'malformed', employeeId: id, message: `Piano malformato: dipendente sconosciuto ${id}` })) return out;
    }
  }

  // Offices (by id; a repeated id shares one set of counters) and their skill slots: the skills
  // named by the office's rules, numbered globally, each office's slots contiguous.
  const officeIndex = new Map<string, number>();
  for (const o of input.offices) if (!officeIndex.has(o.id)) officeIndex.set(o.id, officeIndex.size);
  const O = officeIndex.size;
  const skillId = new Map<string, number>();
  const slotStart = new Int32Array(O + 1);
  const slotSkill: number[] = [];
  {
    const byOffice: number[][] = Array.from({ length: O }, () => []);
    for (const o of input.offices) {
      const list = byOffice[officeIndex.get(o.id)!];
      for (const rule of o.coverage) for (const k of rule.skills ?? []) {
        let g = skillId.get(k.skill);
        if (g === undefined) { g = skillId.size; skillId.set(k.skill, g); }
        if (!list.includes(g)) list.push(g);
      }
    }
    for (let o = 0; o < O; o++) {
      slotStart[o] = slotSkill.length;
      for (const g of byOffice[o]) slotSkill.push(g);
    }
    slotStart[O] = slotSkill.length;
  }
  const slotOf = (o: number, g: number): number => {
    for (let k = slotStart[o]; k < slotStart[o + 1]; k++) if (slotSkill[k] === g) return k;
    return -1;
  };
  // Per office and working day: people present, people remote; same per skill slot.
  const present = new Int32Array(O * D);
  const remote = new Int32Array(O * D);
  const skillPresent = new Int32Array(slotSkill.length * D);
  const skillRemote = new Int32Array(slotSkill.length * D);

  // Per-employee scratch, cleared after each employee.
  const absentW = new Uint8Array(D);
  const absentP = new Uint8Array(P);
  const weekCount = new Int32Array(weekKeys.length);
  const monthCount = new Int32Array(monthKeys.length);
  const weeksTouched = new Int32Array(weekKeys.length);
  const monthsTouched = new Int32Array(monthKeys.length);
  let mySlots = new Int32Array(8);

  for (let i = 0; i < E; i++) {
    const e = input.employees[i];
    const oi = officeIndex.get(e.officeId) ?? -1;
    const row = rowOf[i];
    const absences = e.absences ?? NO_STRINGS;
    for (const day of absences) {
      for (let d = workingFirst.get(day) ?? -1; d >= 0; d = sameNext[d]) absentW[d] = 1;
      const j = planIndex.get(day);
      if (j !== undefined) absentP[j] = 1;
    }
    // the employee's skill slots in the office (a skill listed twice counts twice)
    let nSlots = 0;
    if (oi >= 0 && slotStart[oi + 1] > slotStart[oi]) {
      const skills = e.skills ?? NO_STRINGS;
      if (mySlots.length < skills.length) mySlots = new Int32Array(skills.length * 2);
      for (const s of skills) {
        const g = skillId.get(s);
        const k = g === undefined ? -1 : slotOf(oi, g);
        if (k >= 0) mySlots[nSlots++] = k;
      }
    }
    // presence on working days
    if (oi >= 0) {
      const base = oi * D;
      for (let d = 0; d < D; d++) {
        if (absentW[d]) continue;
        present[base + d]++;
        for (let k = 0; k < nSlots; k++) skillPresent[mySlots[k] * D + d]++;
      }
    }
    const who = e.name ?? e.id;
    const base = row < 0 ? -1 : row * P;
    // pins
    if (e.pins) {
      const pins = e.pins;
      for (const day of Object.keys(pins)) {
        const j = planIndex.get(day) ?? -1;
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
    }
    if (base >= 0) {
      const ag = e.agreement ?? null;
      let allowedMask = 0;
      if (ag) for (const w of ag.allowedWeekdays) allowedMask |= 1 << w;
      let nWeeks = 0, nMonths = 0;
      const remBase = oi * D;
      for (let j = 0; j < P; j++) {
        if (plan.remote[base + j] !== 1) continue;
        const w = planDayToWorking[j];
        if (w < 0 || (calendarReason && calendarReason[j] !== null)) {
          const day = plan.days[j];
          const why = calendarReason?.[j] ?? 'non è un giorno lavorativo del periodo';
          if (push({ kind: 'non-working-day', officeId: e.officeId, employeeId: e.id, day,
            message: `${who}: lavoro agile il ${shortItalianDate(day)}, giorno non lavorativo (${why})` })) return out;
        }
        if (absentP[j]) {
          const day = plan.days[j];
          if (push({ kind: 'absence-day', officeId: e.officeId, employeeId: e.id, day,
            message: `${who}: lavoro agile il ${shortItalianDate(day)}, giorno di assenza` })) return out;
          continue; // an absent person is not remote; do not count it further
        }
        if (!ag) {
          const day = plan.days[j];
          if (push({ kind: 'no-agreement', officeId: e.officeId, employeeId: e.id, day,
            message: `${who}: lavoro agile il ${shortItalianDate(day)} senza accordo individuale` })) return out;
        } else if (!(allowedMask & (1 << weekdayOf[j]))) {
          const day = plan.days[j];
          if (push({ kind: 'forbidden-weekday', officeId: e.officeId, employeeId: e.id, day,
            message: `${who}: lavoro agile il ${shortItalianDate(day)}, giorno della settimana non previsto dall'accordo` })) return out;
        }
        if (weekCount[weekOf[j]]++ === 0) weeksTouched[nWeeks++] = weekOf[j];
        if (monthCount[monthOf[j]]++ === 0) monthsTouched[nMonths++] = monthOf[j];
        if (w >= 0 && oi >= 0) {
          remote[remBase + w]++;
          for (let k = 0; k < nSlots; k++) skillRemote[mySlots[k] * D + w]++;
        }
      }
      // caps, in the order the weeks and months were first met; counters cleared on the way
      let stop = false;
      const maxW = ag?.maxRemotePerWeek;
      for (let k = 0; k < nWeeks; k++) {
        const w = weeksTouched[k];
        const n = weekCount[w];
        weekCount[w] = 0;
        if (!stop && maxW != null && n > maxW) {
          stop = push({ kind: 'weekly-cap', officeId: e.officeId, employeeId: e.id, day: weekKeys[w], required: maxW, actual: n,
            message: `${who}: ${n} giorni di lavoro agile nella settimana ${weekKeys[w]}, l'accordo ne consente ${maxW}` });
        }
      }
      const maxM = ag?.maxRemotePerMonth;
      for (let k = 0; k < nMonths; k++) {
        const m = monthsTouched[k];
        const n = monthCount[m];
        monthCount[m] = 0;
        if (!stop && maxM != null && n > maxM) {
          stop = push({ kind: 'monthly-cap', officeId: e.officeId, employeeId: e.id, day: monthKeys[m], required: maxM, actual: n,
            message: `${who}: ${n} giorni di lavoro agile nel mese ${monthKeys[m]}, l'accordo ne consente ${maxM}` });
        }
      }
      if (stop) return out;
    }
    for (const day of absences) {
      for (let d = workingFirst.get(day) ?? -1; d >= 0; d = sameNext[d]) absentW[d] = 0;
      const j = planIndex.get(day);
      if (j !== undefined) absentP[j] = 0;
    }
  }

  // coverage
  const weekdayW = new Uint8Array(D);
  if (O > 0) for (let d = 0; d < D; d++) weekdayW[d] = isoWeekday(input.days[d]);
  for (const o of input.offices) {
    const oi = officeIndex.get(o.id)!;
    const base = oi * D;
    for (let d = 0; d < D; d++) {
      const wd = weekdayW[d];
      for (const rule of o.coverage) {
        if (rule.weekday !== wd) continue;
        const pres = present[base + d];
        const onSite = pres - remote[base + d];
        if (onSite < rule.minOnSite) {
          if (push({ kind: 'coverage', officeId: o.id, day: input.days[d], required: rule.minOnSite, actual: onSite,
            avoidable: pres >= rule.minOnSite,
            message: `${o.name}: il ${shortItalianDate(input.days[d])} servono ${persone(rule.minOnSite)} in sede, ce ne sono ${onSite}` })) return out;
        }
        if (!rule.skills) continue;
        for (const sk of rule.skills) {
          const k = slotOf(oi, skillId.get(sk.skill)!);
          const sp = skillPresent[k * D + d];
          const sr = skillRemote[k * D + d];
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
