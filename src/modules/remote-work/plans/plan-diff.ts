/**
 * What writing a plan changes (pure): the planned days of the range as they are against the days
 * the new plan wants. Unchanged days are not written again (a re-plan usually changes few days,
 * and rewriting thousands of rows would be the slowest part of a run); pinned days keep their
 * kind (only their office follows the employee); unpinned days the plan no longer has (people
 * who left the office, days that stopped being working days) are removed.
 */
import type { NewPlanDay, PlanDayRow } from './plans.repo.js';

export interface PlanDiff {
  insert: NewPlanDay[];
  /** unpinned days whose kind or office changes */
  update: NewPlanDay[];
  /** pinned days whose office changes (the kind stays) */
  moveOffice: NewPlanDay[];
  remove: { employeeId: string; day: string }[];
}

export function diffPlanDays(existing: PlanDayRow[], wanted: NewPlanDay[]): PlanDiff {
  const now = new Map(existing.map((r) => [`${r.employeeId}|${r.day}`, r]));
  const diff: PlanDiff = { insert: [], update: [], moveOffice: [], remove: [] };
  for (const w of wanted) {
    const key = `${w.employeeId}|${w.day}`;
    const x = now.get(key);
    if (!x) { diff.insert.push(w); continue; }
    now.delete(key);
    if (x.pinned) {
      if (x.officeId !== w.officeId) diff.moveOffice.push({ ...w, kind: x.kind });
    } else if (x.kind !== w.kind || x.officeId !== w.officeId) diff.update.push(w);
  }
  for (const x of now.values()) if (!x.pinned) diff.remove.push({ employeeId: x.employeeId, day: x.day });
  return diff;
}
