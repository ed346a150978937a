/**
 * Exact reference for the planner: writes the planner's problem as an integer program in CPLEX LP
 * format and solves it with COIN-OR CBC (Debian package coinor-cbc, see scripts/install-solver.sh).
 * Independent of the planner's code: it reads the instance directly.
 * Lexicographic objective by three solves: (1) max remote days G*; (2) with G = G*, max preferred
 * days P*; (3) with both fixed, min Σ fairness cost (unit variables u_e,j with convex costs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlannerInput } from '../../src/modules/remote-work/planner/planner.types.js';
import { isoWeekKey, isoWeekday, monthOf as monthKey } from '../../src/platform/calendar/rome.js';
import { fairMarginal } from '../../src/modules/remote-work/planner/planner.js';

interface Model {
  vars: string[];
  pref: Set<string>;
  constraints: string[];
  units: Array<{ name: string; cost: number }>;
  unitLinks: string[];
  binaries: string[];
}

function buildModel(input: PlannerInput): Model {
  const vars: string[] = [];
  const pref = new Set<string>();
  const constraints: string[] = [];
  const units: Array<{ name: string; cost: number }> = [];
  const unitLinks: string[] = [];
  const days = input.days;
  let c = 0;
  const officeDay = new Map<string, { present: number; pinned: number; xs: string[] }>();
  const skillDay = new Map<string, { present: number; pinned: number; xs: string[] }>();
  const rules = new Map(input.offices.map((o) => [o.id, o]));
  const minOf = (officeId: string, wd: number) => Math.max(0, ...rules.get(officeId)!.coverage.filter((r) => r.weekday === wd).map((r) => r.minOnSite));
  const skillMins = (officeId: string, wd: number) => {
    const m = new Map<string, number>();
    for (const r of rules.get(officeId)!.coverage) if (r.weekday === wd) for (const s of r.skills ?? []) if (s.minOnSite > 0) m.set(s.skill, Math.max(m.get(s.skill) ?? 0, s.minOnSite));
    return m;
  };
  input.employees.forEach((e, ei) => {
    const ag = e.agreement ?? null;
    const abs = new Set(e.absences ?? []);
    const mine: string[] = [];
    const byWeek = new Map<string, string[]>();
    const byMonth = new Map<string, string[]>();
    const pinW = new Map<string, number>();
    const pinM = new Map<string, number>();
    days.forEach((day, d) => {
      const wd = isoWeekday(day);
      const od = `${e.officeId}|${d}`;
      if (!officeDay.has(od)) officeDay.set(od, { present: 0, pinned: 0, xs: [] });
      if (abs.has(day)) return;
      const sm = skillMins(e.officeId, wd);
      const mySkills = e.skills.filter((s) => sm.has(s));
      const slot = officeDay.get(od)!;
      slot.present++;
      for (const s of mySkills) {
        const k = `${od}|${s}`;
        if (!skillDay.has(k)) skillDay.set(k, { present: 0, pinned: 0, xs: [] });
        skillDay.get(k)!.present++;
      }
      const pin = e.pins?.[day];
      if (pin === 'remote') {
        slot.pinned++;
        for (const s of mySkills) skillDay.get(`${od}|${s}`)!.pinned++;
        pinW.set(isoWeekKey(day), (pinW.get(isoWeekKey(day)) ?? 0) + 1);
        pinM.set(monthKey(day), (pinM.get(monthKey(day)) ?? 0) + 1);
        return;
      }
      if (pin === 'onsite' || !ag || !ag.allowedWeekdays.includes(wd)) return;
      const x = `x${ei}_${d}`;
      vars.push(x);
      mine.push(x);
      if ((e.preferredWeekdays ?? []).includes(wd) || (e.preferredDays ?? []).includes(day)) pref.add(x);
      slot.xs.push(x);
      for (const s of mySkills) skillDay.get(`${od}|${s}`)!.xs.push(x);
      const wk = isoWeekKey(day), mk = monthKey(day);
      if (!byWeek.has(wk)) byWeek.set(wk, []);
      byWeek.get(wk)!.push(x);
      if (!byMonth.has(mk)) byMonth.set(mk, []);
      byMonth.get(mk)!.push(x);
    });
    if (!ag || mine.length === 0) return;
    // target (own caps only; single-month ranges: weeks nested in the month)
    let target = 0;
    for (const [wk, xs] of byWeek) {
      const cap = ag.maxRemotePerWeek != null ? Math.max(0, ag.maxRemotePerWeek - (pinW.get(wk) ?? 0)) : xs.length;
      target += Math.min(cap, xs.length);
      if (ag.maxRemotePerWeek != null) constraints.push(`c${c++}: ${xs.join(' + ')} <= ${cap}`);
    }
    for (const [mk, xs] of byMonth) {
      const cap = ag.maxRemotePerMonth != null ? Math.max(0, ag.maxRemotePerMonth - (pinM.get(mk) ?? 0)) : xs.length;
      if (byMonth.size === 1) target = Math.min(target, cap);
      if (ag.maxRemotePerMonth != null) constraints.push(`c${c++}: ${xs.join(' + ')} <= ${cap}`);
    }
    const us: string[] = [];
    for (let j = 1; j <= target; j++) {
      const u = `u${ei}_${j}`;
      us.push(u);
      units.push({ name: u, cost: fairMarginal(target - j + 1, target) });
    }
    // Σu = Σx; fairness cost = Σ_j cost_j·u_j − constant, cheapest units first (convex)
    unitLinks.push(`c${c++}: ${mine.join(' + ')}${us.length ? ' - ' + us.join(' - ') : ''} = 0`);
  });
  for (const [od, slot] of officeDay) {
    if (!slot.xs.length) continue;
    const [officeId, d] = od.split('|');
    const cap = Math.max(0, slot.present - minOf(officeId, isoWeekday(days[+d])) - slot.pinned);
    constraints.push(`c${c++}: ${slot.xs.join(' + ')} <= ${cap}`);
  }
  for (const [k, slot] of skillDay) {
    if (!slot.xs.length) continue;
    const [officeId, d, skill] = k.split('|');
    const cap = Math.max(0, slot.present - skillMins(officeId, isoWeekday(days[+d])).get(skill)! - slot.pinned);
    constraints.push(`c${c++}: ${slot.xs.join(' + ')} <= ${cap}`);
  }
  return { vars, pref, constraints, units, unitLinks, binaries: [...vars, ...units.map((u) => u.name)] };
}

/**
 * Breaks every line of an LP file at spaces so that none is longer than `width` characters
 * (continuation lines start with a space). CBC's LP reader (CoinLpIO) mis-reads very long lines:
 * with the objective or the Binaries section on one line of thousands of characters it glued
 * names together ("u12_5End") and then ran for minutes on a model it solves in milliseconds once
 * the lines are short.
 */
export function wrapLp(lp: string, width = 200): string {
  const out: string[] = [];
  for (const line of lp.split('\n')) {
    if (line.length <= width) { out.push(line); continue; }
    let cur = '';
    for (const tok of line.split(' ')) {
      if (cur.length > 0 && cur.length + 1 + tok.length > width) { out.push(cur); cur = ' ' + tok; }
      else cur = cur.length === 0 ? tok : `${cur} ${tok}`;
    }
    out.push(cur);
  }
  return out.join('\n');
}

function solve(lp: string): { value: number; values: Map<string, number> } {
  const dir = mkdtempSync(join(tmpdir(), 'planner-cbc-'));
  const seconds = Number(process.env.CBC_SECONDS ?? 120);
  try {
    writeFileSync(join(dir, 'm.lp'), wrapLp(lp));
    // `sec` limits CBC's CPU time; the wall-clock timeout only guards against a stuck process on a
    // loaded machine (either way the instance is reported as not solved by CBC).
    execFileSync('cbc', [join(dir, 'm.lp'), 'sec', String(seconds), 'solve', 'solu', join(dir, 'm.sol')],
      { stdio: 'pipe', maxBuffer: 1 << 26, timeout: seconds * 10_000 });
    const text = readFileSync(join(dir, 'm.sol'), 'utf8').split('\n');
    if (!/^Optimal/.test(text[0])) throw new Error(`cbc: ${text[0]}`);
    const value = Number(/objective value\s+(-?[\d.e+-]+)/.exec(text[0])![1]);
    const values = new Map<string, number>();
    for (const line of text.slice(1)) {
      const p = line.trim().replace(/^\*\*\s*/, '').split(/\s+/);
      if (p.length >= 3) values.set(p[1], Number(p[2]));
    }
    return { value, values };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sum = (xs: string[]) => (xs.length ? xs.join(' + ') : '0 x_dummy');

/** Exact optimum: granted days; if `full`, also preferred days and fairness cost. */
export function exactOptimum(input: PlannerInput, full: boolean): { granted: number; preferred?: number; fairness?: number } {
  const m = buildModel(input);
  if (m.vars.length === 0) return { granted: 0, preferred: 0, fairness: 0 };
  const tail = (extra: string[]) => `Subject To\n${[...m.constraints, ...m.unitLinks, ...extra].join('\n')}\nBinaries\n${m.binaries.join(' ')}\nEnd\n`;
  const g = Math.round(solve(`Maximize\n obj: ${sum(m.vars)}\n${tail([])}`).value);
  if (!full) return { granted: g };
  const prefVars = m.vars.filter((x) => m.pref.has(x));
  const fixG = `cg: ${sum(m.vars)} >= ${g}`;
  const p = prefVars.length ? Math.round(solve(`Maximize\n obj: ${sum(prefVars)}\n${tail([fixG])}`).value) : 0;
  const fixP = prefVars.length ? [`cp: ${sum(prefVars)} >= ${p}`] : [];
  if (!m.units.length) return { granted: g, preferred: p, fairness: 0 };
  // Σ cost·u over granted units = Σ_e [C_e(T_e) − C_e(shortfall_e)]; maximise it = minimise fairness.
  const r = solve(`Maximize\n obj: ${m.units.map((u) => `${u.cost} ${u.name}`).join(' + ')}\n${tail([fixG, ...fixP])}`);
  const totalByEmp = new Map<string, number>();
  for (const u of m.units) { const e = u.name.split('_')[0]; totalByEmp.set(e, (totalByEmp.get(e) ?? 0) + u.cost); }
  const all = [...totalByEmp.values()].reduce((a, b) => a + b, 0);
  return { granted: g, preferred: p, fairness: Math.round(all - r.value) };
}
