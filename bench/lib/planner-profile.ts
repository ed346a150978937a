/**
 * Profiling helper for the planner at scale (not a benchmark): plans and validates the offices
 * [from, to) of the national instance in this thread and prints CPU seconds per phase.
 * Usage: node --import tsx [--cpu-prof] bench/lib/planner-profile.ts [from] [to]
 */
import { planRemoteWork } from '../../src/modules/remote-work/planner/planner.js';
import { validatePlan } from '../../src/modules/remote-work/planner/plan-validator.js';
import { workingDays } from '../../src/platform/calendar/working-days.js';
import type { PlannerEmployee, PlannerOffice } from '../../src/modules/remote-work/planner/planner.types.js';
import { generateOffice } from './planner-instances.js';
import { nationalOfficeSpec } from './national.js';

const from = Number(process.argv[2] ?? 0);
const to = Number(process.argv[3] ?? 7900);
const days = workingDays('2026-03-01', '2026-03-31');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let gen = 0, plan = 0, val = 0, violations = 0, granted = 0, employees = 0;
for (let a = from; a < to; a += 500) {
  const b = Math.min(to, a + 500);
  let t = cpu();
  const offices: PlannerOffice[] = [];
  const emps: PlannerEmployee[] = [];
  for (let k = a; k < b; k++) {
    const g = generateOffice(k + 1, `U${k}`, days, nationalOfficeSpec(k));
    offices.push(g.office);
    for (const e of g.employees) emps.push(e);
  }
  const input = { days, offices, employees: emps };
  gen += cpu() - t; t = cpu();
  const res = planRemoteWork(input, { explain: true });
  plan += cpu() - t; t = cpu();
  const v = validatePlan(input, res.plan);
  val += cpu() - t;
  violations += v.filter((x) => x.avoidable !== false).length;
  granted += res.stats.totalGranted;
  employees += emps.length;
}
console.log(JSON.stringify({ offices: to - from, employees, granted, violations, cpu: { gen: +gen.toFixed(2), plan: +plan.toFixed(2), validate: +val.toFixed(2) } }));
