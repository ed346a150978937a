/**
 * Worker for bench/planner-scale.ts: receives chunks {from, to} of the national instance, generates
 * their offices (deterministically, by office number), plans them, validates the plans and answers
 * each chunk with counters only; `null` ends the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planRemoteWorkWithPaths } from '../../src/modules/remote-work/planner/planner.js';
import { validatePlan } from '../../src/modules/remote-work/planner/plan-validator.js';
import type { PlannerEmployee, PlannerOffice } from '../../src/modules/remote-work/planner/planner.types.js';
import { generateOffice } from './planner-instances.js';
import { nationalOfficeSpec } from './national.js';

const days = (workerData as { days: string[] }).days;

function runChunk(from: number, to: number): Record<string, number> {
  const out = { offices: 0, employees: 0, violations: 0, inputCoverageGaps: 0, pinViolations: 0, pinConflicts: 0, granted: 0, target: 0,
    preferred: 0, planMs: 0, validateMs: 0, genMs: 0, pathGreedy: 0, pathFlowNoFairness: 0, pathFlowFull: 0, pathHeuristic: 0 };
  let t = performance.now();
  const offices: PlannerOffice[] = [];
  const employees: PlannerEmployee[] = [];
  for (let k = from; k < to; k++) {
    const g = generateOffice(k + 1, `U${k}`, days, nationalOfficeSpec(k));
    offices.push(g.office);
    for (const e of g.employees) employees.push(e);
  }
  const input = { days, offices, employees };
  out.genMs += performance.now() - t;
  t = performance.now();
  const { result: res, paths } = planRemoteWorkWithPaths(input, { explain: true });
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
  out.pathGreedy += paths.greedy;
  out.pathFlowNoFairness += paths.flowNoFairness;
  out.pathFlowFull += paths.flowFull;
  out.pathHeuristic += paths.heuristic;
  return out;
}

parentPort!.on('message', (job: { from: number; to: number } | null) => {
  if (job === null) { parentPort!.close(); return; }
  parentPort!.postMessage(runChunk(job.from, job.to));
});
parentPort!.postMessage('ready');
