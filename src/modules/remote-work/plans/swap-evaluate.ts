/**
 * Evaluating a swap against the stored plan, inside the caller's transaction (which holds the
 * body's plan lock): first the days themselves (a remote day of the employee, a working on-site
 * day, not fixed by the manager, not in the past), then the whole plan of the office over the
 * weeks and months of both days with the validator (see swap-check.ts). Applying an accepted
 * swap pins both days (source 'swap'), so a later re-plan keeps them.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { loadPlanData } from './run-plan.js';
import { buildPlannerInput } from './plan-input.js';
import { capsRange } from './plan-dates.js';
import { checkSwap, type SwapViolation } from './swap-check.js';
import { nonWorkingReason, shortItalianDate } from '../planner/index.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

export interface SwapSubject {
  organizationId: string;
  employee: repo.PlanEmployeeRow;
  fromDay: string;
  toDay: string;
}

/** Refuses (422/409) a swap whose days are not a remote day and a plannable on-site day. */
export async function checkSwapDays(tx: Queryable, s: SwapSubject, today: string): Promise<void> {
  const { organizationId: org, employee, fromDay, toDay } = s;
  if (fromDay === toDay) throw E.swapInvalid('I due giorni dello scambio devono essere diversi.');
  for (const d of [fromDay, toDay]) if (d < today) throw E.pastDay(`Il ${shortItalianDate(d)} è già passato.`);
  const from = await repo.selectPlanDay(tx, org, employee.id, fromDay);
  if (!from || from.kind !== 'remote') throw E.swapInvalid(`Il ${shortItalianDate(fromDay)} non è un tuo giorno di lavoro agile pianificato.`);
  if (from.pinned && from.pinSource !== 'swap') throw E.swapPinned(`Il ${shortItalianDate(fromDay)} è stato fissato in lavoro agile dal responsabile.`);
  const to = await repo.selectPlanDay(tx, org, employee.id, toDay);
  if (!to) throw E.swapInvalid(`Il ${shortItalianDate(toDay)} non è ancora pianificato o non è un giorno lavorativo.`);
  if (to.kind === 'absent') throw E.swapInvalid(`Il ${shortItalianDate(toDay)} risulti assente.`);
  if (to.kind === 'remote') throw E.swapInvalid(`Il ${shortItalianDate(toDay)} è già un tuo giorno di lavoro agile.`);
  if (to.pinned && to.pinSource !== 'swap') throw E.swapPinned(`Il ${shortItalianDate(toDay)} è stato fissato in sede dal responsabile.`);
}

/** The violations the swap would add to the office's stored plan (empty = valid). */
export async function evaluateSwap(tx: Queryable, s: SwapSubject): Promise<SwapViolation[]> {
  const range = capsRange([s.fromDay, s.toDay]);
  const { data } = await loadPlanData(tx, { organizationId: s.organizationId, from: range.from, to: range.to, officeIds: [s.employee.officeId] });
  const built = buildPlannerInput(data);
  if (!built.input.days.includes(s.toDay)) {
    const why = nonWorkingReason(s.toDay, built.calendar) ?? 'giorno non lavorativo';
    throw E.notWorkingDay(`Il ${shortItalianDate(s.toDay)} non è un giorno lavorativo (${why}).`);
  }
  if (!built.input.employees.some((e) => e.id === s.employee.id)) throw E.employeeNotFound('Il dipendente non è attivo nel suo ufficio.');
  if (!built.input.days.includes(s.fromDay)) {
    throw E.swapInvalid(`Il ${shortItalianDate(s.fromDay)} non è più un giorno lavorativo: non c’è nulla da scambiare.`);
  }
  return checkSwap(built, data.planDays, s.employee.id, s.fromDay, s.toDay);
}

/** Applies an accepted swap: the given-up day on site, the asked day remote, both pinned ('swap'). */
export async function applySwap(tx: Queryable, s: SwapSubject): Promise<void> {
  await repo.upsertPin(tx, s.organizationId, { employeeId: s.employee.id, officeId: s.employee.officeId, day: s.fromDay, kind: 'onsite', source: 'swap' });
  await repo.upsertPin(tx, s.organizationId, { employeeId: s.employee.id, officeId: s.employee.officeId, day: s.toDay, kind: 'remote', source: 'swap' });
  await repo.bumpPlanVersion(tx, s.organizationId);
}

export function refusalReason(violations: SwapViolation[]): string {
  return `Scambio non possibile: ${violations.map((v) => v.message).join('; ')}.`;
}
