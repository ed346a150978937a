/**
 * Planner at national scale: ~79,000 offices and ~3.2 million employees for one month, split in
 * chunks over worker threads (one per core, started once and fed chunks until none is left). Each
 * worker generates its offices deterministically, plans them and checks every plan with the
 * independent validator. Prints one JSON line:
 * {employees, offices, seconds, peakRssMB, violations, ...}.
 * `violations` counts hard-rule violations caused by the plan; `inputCoverageGaps` counts office-days
 * where absences alone leave fewer people than the minimum (no plan can fix them).
 * `processCpuSeconds` is the CPU time of the whole process (all threads): on a busy machine,
 * `seconds` grows with the load while `processCpuSeconds` does not.
 * Environment: PLANNER_SCALE_OFFICES (default 79,000), PLANNER_SCALE_THREADS (default: cores).
 */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { workingDays } from '../src/platform/calendar/working-days.js';
import { NATIONAL_OFFICES } from './lib/national.js';

const offices = Number(process.env.PLANNER_SCALE_OFFICES ?? NATIONAL_OFFICES);
const threads = Math.max(1, Math.min(Number(process.env.PLANNER_SCALE_THREADS ?? os.availableParallelism()), 8));
const days = workingDays('2026-03-01', '2026-03-31');
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 200);

// Chunks handed out in order to whichever worker is free, so both cores stay busy to the end.
const chunk = 500;
const jobs: Array<{ from: number; to: number }> = [];
for (let a = 0; a < offices; a += chunk) jobs.push({ from: a, to: Math.min(offices, a + chunk) });
type Out = Record<string, number>;
const workerUrl = new URL('./lib/scale-worker.ts', import.meta.url).href;
const totals: Out = {};
let next = 0;
const runWorker = (): Promise<void> => new Promise((resolve, reject) => {
  // The worker is TypeScript: register tsx inside it, then load the module.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); })`;
  const w = new Worker(boot, { eval: true, workerData: { days } });
  const feed = () => { if (next < jobs.length) w.postMessage(jobs[next++]); else w.postMessage(null); };
  w.on('message', (o: Out | 'ready') => {
    if (o !== 'ready') for (const k of Object.keys(o)) totals[k] = (totals[k] ?? 0) + o[k];
    feed();
  });
  w.once('error', reject);
  w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
});
await Promise.all(Array.from({ length: threads }, runWorker));
clearInterval(timer);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(JSON.stringify({
  employees: totals.employees, offices: totals.offices, days: days.length, threads,
  seconds: Math.round(seconds * 10) / 10,
  peakRssMB: Math.round(peakRss / 1048576), // main thread process RSS (includes workers' heaps)
  violations: totals.violations, inputCoverageGaps: totals.inputCoverageGaps, pinViolations: totals.pinViolations, pinConflicts: totals.pinConflicts,
  grantedDays: totals.granted, targetDays: totals.target, preferredDays: totals.preferred,
  processCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
  loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
  officesByPath: { greedy: totals.pathGreedy, flowNoFairness: totals.pathFlowNoFairness, flowFull: totals.pathFlowFull, heuristic: totals.pathHeuristic },
  workerSeconds: { generate: Math.round(totals.genMs / 100) / 10, plan: Math.round(totals.planMs / 100) / 10, validate: Math.round(totals.validateMs / 100) / 10 },
}));
