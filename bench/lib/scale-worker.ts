/**
 * Worker for bench/planner-scale.ts: generates a chunk of offices of the national instance
 * (deterministically, by office number), plans them, validates the plans, returns counters only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planRemoteWork } from '../../src/modules/remote-work/planner.js';
import { validatePlan } from '../../src/modules/remote-work/plan-validator.js';
import type { PlannerEmployee, PlannerOffice } from '../../src/modules/remote-work/planner.types.js';
import { generateOffice } from './planner-instances.js';
import { nationalOfficeSpec } from './national.js';

interface Job { from: number; to: number; days: string[]; batch: number }

const job = workerData as Job;
const out = { offices: 0, employees: 0, violations: 0, inputCoverageGaps: 0, pinViolations: 0, pinConflicts: 0, granted: 0, target: 0,
  preferred: 0, flowOffices: 0, planMs: 0, validateMs: 0, genMs: 0 };
for (let a = job.from; a < job.to; a += job.batch) {
  const b = Math.min(job.to, a + job.batch);
  let t = performance.now();
  const offices: PlannerOffice[] = [];
  const employees: PlannerEmployee[] = [];
  for (let k = a; k < b; k++) {
    const g = generateOffice(k + 1, `U${k}`, job.days, nationalOfficeSpec(k));
    offices.push(g.office);
    for (const e of g.employees) employees.push(e);
  }
  const input = { days: job.days, offices, employees };
  out.genMs += performance.now() - t;
  t = performance.now();
  const res = planRemoteWork(input, { explain: true });
  out.planMs += performance.now() - t;
  t = performance.now();
  const violations = validatePlan(input, res.plan);
  out.validateMs += performance.now() - t;
  // violations on an office-day or employee-day where a manager's pin itself breaks a rule are
  // the pin's (reported by the planner in pinConflicts), not the planner's
  const pinned = new Set<string>();
  for (const c of res.pinConflicts) { pinned.add(`${c.officeId}|${c.day}`); pinned.add(`${c.employeeId}|${c.day}`); }
  for (const v of violations) {
    if ((v.kind === 'coverage' || v.kind === 'skill-coverage') && v.avoidable === false) out.inputCoverageGaps++;
    else if (pinned.has(`${v.officeId}|${v.day}`) || pinned.has(`${v.employeeId}|${v.day}`)) out.pinViolations++;
    else out.violations++;
  }
  out.offices += offices.length;
  out.employees += employees.length;
  out.pinConflicts += res.pinConflicts.length;
  out.granted += res.stats.totalGranted;
  out.target += res.stats.totalTarget;
  out.preferred += res.stats.preferredGranted;
}
parentPort!.postMessage(out);
