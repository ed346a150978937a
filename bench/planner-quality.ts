/**
 * Planner quality against the exact optimum of an integer program solved by COIN-OR CBC.
 * Instances: offices of 8–40 employees over March 2026 (22 working days).
 * - "quota" instances (caps, allowed weekdays, coverage incl. front-desk minimum, no
 *   preferences/pins/absences): the planner's granted days must equal the optimum;
 * - "full" instances (preferences, pins, absences; one in four with people having two coverage
 *   skills → the heuristic): lexicographic comparison, gap of the first stage that differs.
 * Prints one JSON line: {instances, optimal, maxGapPercent, ...}.
 */
import { execFileSync } from 'node:child_process';
import { planRemoteWork } from '../src/modules/remote-work/planner/planner.js';
import { validatePlan } from '../src/modules/remote-work/planner/plan-validator.js';
import { workingDays } from '../src/platform/calendar/working-days.js';
import { generateInstance, rng } from './lib/planner-instances.js';
import { exactOptimum } from './lib/cbc.js';

try { execFileSync('cbc', ['-quit'], { stdio: 'ignore' }); } catch {
  execFileSync('sh', [new URL('../scripts/install-solver.sh', import.meta.url).pathname], { stdio: 'inherit' });
}
const N = Number(process.env.PLANNER_QUALITY_INSTANCES ?? 40);
const days = workingDays('2026-03-01', '2026-03-31');
let unsolved = 0, optimal = 0, maxGap = 0, violations = 0, quotaOptimal = 0, quotaN = 0, heuristic = 0;
const gaps: Record<string, number> = { granted: 0, preferred: 0, fairness: 0 };
const t0 = performance.now();
for (let k = 0; k < N; k++) {
  const r = rng(1000 + k);
  const full = k % 2 === 1;
  const size = 8 + Math.floor(r() * 33);
  const input = generateInstance(500 + k, days, [{
    size, minShare: 0.6 + 0.3 * r(), frontDesk: r() < 0.7, multiSkill: full && k % 4 === 3,
    preferences: full, pins: full, absences: full,
  }]);
  const res = planRemoteWork(input);
  violations += validatePlan(input, res.plan).filter((v) => v.avoidable !== false && !res.pinConflicts.some((c) => c.day === v.day)).length;
  heuristic += res.stats.heuristicOffices;
  let opt: ReturnType<typeof exactOptimum>;
  try { opt = exactOptimum(input, full); } catch (err) {
    unsolved++; process.stderr.write(`#${k} skipped: CBC did not prove optimality (${(err as Error).message})\n`); continue;
  }
  const g = res.stats.totalGranted;
  let gap = 0;
  if (g !== opt.granted) { gap = (opt.granted - g) / Math.max(1, opt.granted); gaps.granted = Math.max(gaps.granted, gap); }
  else if (full && res.stats.preferredGranted !== opt.preferred) { gap = (opt.preferred! - res.stats.preferredGranted) / Math.max(1, opt.preferred!); gaps.preferred = Math.max(gaps.preferred, gap); }
  else if (full && res.stats.fairnessCost !== opt.fairness) {
    // relative to the worst possible fairness cost (everyone loses every day) of the instance
    const worst = res.outcomes.reduce((a, o) => a + (o.target ? Math.ceil(20 * (o.target + 1) / 2) : 0), 0);
    gap = (res.stats.fairnessCost - opt.fairness!) / Math.max(1, worst); gaps.fairness = Math.max(gaps.fairness, gap);
  }
  if (gap === 0) optimal++;
  if (!full) { quotaN++; if (gap === 0) quotaOptimal++; }
  maxGap = Math.max(maxGap, gap);
  process.stderr.write(`#${k} ${full ? 'full ' : 'quota'} n=${size} granted=${g}/${opt.granted} pref=${res.stats.preferredGranted}/${opt.preferred ?? '-'} fair=${res.stats.fairnessCost}/${opt.fairness ?? '-'}\n`);
}
const pct = (x: number) => Math.round(x * 10000) / 100;
console.log(JSON.stringify({
  instances: N - unsolved, unsolvedByCbc: unsolved, optimal, maxGapPercent: pct(maxGap), quotaInstances: quotaN, quotaOptimal,
  fullInstances: N - quotaN, heuristicOffices: heuristic, maxGapPercentByStage: { granted: pct(gaps.granted), preferred: pct(gaps.preferred), fairness: pct(gaps.fairness) },
  violations, seconds: Math.round((performance.now() - t0) / 100) / 10,
}));
