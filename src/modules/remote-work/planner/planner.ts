/**
 * The remote-work planner: a pure function that assigns remote days to the employees of a body.
 *
 * Hard rules (checked independently by plan-validator.ts): office minimum on site every working
 * day and skill minima; agreement caps per ISO week / calendar month; remote only on allowed
 * weekdays, working days, non-absence days; manager pins kept (a pin breaking a rule is kept and
 * reported in `pinConflicts`).
 *
 * Objective, lexicographic: (1) maximise granted remote days, (2) then granted preferred days,
 * (3) then fairness: minimise Σ_e C_e(shortfall_e), with the convex cost
 * C_e(s) = Σ_{k=1..s} ceil(20·k / T_e) (steps of 5% of the target) where T_e is the employee's target (the days reachable under
 * the agreement alone). The k-th missing day costs more than the previous one, so losses are
 * spread: one person does not lose all their days while others lose none.
 *
 * Method. The problem decomposes per office. Per office:
 * 1. Fast exact path: each employee independently takes preferred days first, then other days
 *    (least loaded first) within their caps. Caps form a laminar family per employee (weeks inside
 *    months), so this greedy reaches the employee's target with the most preferred days. If every
 *    employee reaches their target and no coverage limit is crossed, the plan is optimal for all
 *    three stages (zero shortfall).
 * 2. Otherwise, min-cost flow: source → employee (T_e unit arcs with cost −M1 − marginal fairness
 *    saving, convex) → month → week∩month → day arc (cost −M2 if preferred) → skill group of the
 *    office-day (cap = people with the skill present − minimum − pinned remote) → office-day (cap =
 *    present − minimum − pinned remote) → sink. With M1 ≫ M2 ≫ fairness range the min-cost flow
 *    is the lexicographic optimum. It is exact when each person has at most one of the skills with
 *    a minimum on a day (the skill groups are then laminar) and weeks do not straddle two months
 *    of the range with both caps set (then the weekly cap is split between the two months,
 *    earlier month first).
 *    The flow is first solved without the fairness stage (one arc of capacity T_e and cost −M1
 *    per employee, −1 per preferred day: a handful of Dijkstra rounds instead of one per fairness
 *    level). If every employee reaches their target, that plan is already the lexicographic
 *    optimum (fairness cost 0 is the least possible) and is kept; otherwise the full flow above is
 *    solved. On the national benchmark about 3 offices in 4 take path 1, 1 in 5 this flow without
 *    fairness, 1 in 20 the full flow.
 * 3. Non-laminar skills (a person counts for two skill minima): the flow is solved with each such
 *    person placed in the group of their scarcest skill, then repaired (remove remote days where
 *    another skill minimum is broken, least harmful first), refilled greedily (most short first)
 *    and improved by a local search of moves (j moves from day d to d', i takes d). The result is
 *    always valid; optimality is not guaranteed (measured by bench/planner-quality.ts).
 */
import type {
  EmployeeOutcome,
  IsoWeekday,
  PinConflict,
  Plan,
  PlannerEmployee,
  PlannerInput,
  PlannerOptions,
  PlanResult,
  ShortfallDay,
} from './planner.types.js';
import { isIsoDate, isoWeekKey, isoWeekday, monthOf as monthKey } from '../../../platform/calendar/rome.js';
import { shortItalianDate } from './calendar.js';
import { MinCostFlow } from './min-cost-flow.js';

/** Fairness scale: the last missing day of anyone costs FAIR_SCALE. */
export const FAIR_SCALE = 20;

/** Marginal fairness cost of the k-th missing day (1-based) of an employee with target T. */
export function fairMarginal(k: number, target: number): number {
  return Math.ceil((FAIR_SCALE * k) / target);
}

/** Convex fairness cost of a shortfall of s days for target T. */
export function fairCost(s: number, target: number): number {
  let c = 0;
  for (let k = 1; k <= s; k++) c += fairMarginal(k, target);
  return c;
}

const INF_CAP = 0x3fffffff;

// Day status codes
const ST_ONSITE = 0; // present, not a candidate (no agreement / forbidden weekday)
const ST_CAND = 1; // present, may be remote
const ST_ABSENT = 2;
const ST_PIN_REMOTE = 3; // present, pinned remote
const ST_PIN_ONSITE = 4; // present, pinned on site
const ST_PIN_REMOTE_ABSENT = 5; // pinned remote on an absence day (conflict; not counted)

function persone(n: number): string {
  return n === 1 ? '1 persona' : `${n} persone`;
}

/** Which path solved each office (diagnostics for tests and benchmarks; see planRemoteWork). */
export interface PlannerPathCounts {
  /** Offices planned by the independent greedy, optimal because nobody is refused anything. */
  greedy: number;
  /** Offices planned by the min-cost flow without the fairness stage: every target is reached. */
  flowNoFairness: number;
  /** Offices planned by the full lexicographic min-cost flow (someone is short of days). */
  flowFull: number;
  /** Offices with non-laminar skill rules (flow + repair + local search). */
  heuristic: number;
}

/**
 * Scratch buffers reused from one office to the next, so planning thousands of offices allocates
 * almost nothing per office. `ensure` grows them; contents are cleared by their users.
 */
class Scratch {
  status = new Uint8Array(0);
  pref = new Uint8Array(0);
  remote = new Uint8Array(0);
  leaf = new Int32Array(0);
  candArc = new Int32Array(0);
  present = new Int32Array(0);
  pinnedRemote = new Int32Array(0);
  capTotal = new Int32Array(0);
  slackT = new Int32Array(0);
  order = new Int32Array(0);
  key = new Int32Array(0);
  presentS = new Int32Array(0);
  pinnedRemoteS = new Int32Array(0);
  capS = new Int32Array(0);
  slackS = new Int32Array(0);
  ruled = new Uint8Array(0);
  tree: Trees = {
    cap: new Int32Array(0), parent: new Int32Array(0), value: new Int32Array(0), used: new Int32Array(0), cand: new Int32Array(0),
    size: 0, root: new Int32Array(0), leaf: new Int32Array(0), pinnedCounted: new Int32Array(0),
  };

  ensure(n: number, D: number, S: number, nodes: number): void {
    const nD = n * D, SD = S * D;
    if (this.status.length < nD) {
      const size = Math.max(nD, this.status.length * 2);
      this.status = new Uint8Array(size); this.pref = new Uint8Array(size); this.remote = new Uint8Array(size);
      this.leaf = new Int32Array(size); this.candArc = new Int32Array(size);
      this.tree.leaf = this.leaf;
    }
    if (this.present.length < D) {
      this.present = new Int32Array(D); this.pinnedRemote = new Int32Array(D); this.capTotal = new Int32Array(D);
      this.slackT = new Int32Array(D); this.order = new Int32Array(D); this.key = new Int32Array(D);
    }
    if (this.presentS.length < SD) {
      const size = Math.max(SD, this.presentS.length * 2);
      this.presentS = new Int32Array(size); this.pinnedRemoteS = new Int32Array(size); this.capS = new Int32Array(size);
      this.slackS = new Int32Array(size); this.ruled = new Uint8Array(size);
    }
    const t = this.tree;
    if (t.cap.length < nodes) {
      const size = Math.max(nodes, t.cap.length * 2);
      t.cap = new Int32Array(size); t.parent = new Int32Array(size); t.value = new Int32Array(size);
      t.used = new Int32Array(size); t.cand = new Int32Array(size);
    }
    if (t.root.length < n) {
      const size = Math.max(n, t.root.length * 2);
      t.root = new Int32Array(size); t.pinnedCounted = new Int32Array(size);
    }
  }
}

interface Ctx {
  input: PlannerInput;
  D: number;
  weekday: Uint8Array;
  weekId: Int32Array;
  monthId: Int32Array;
  nWeeks: number;
  nMonths: number;
  /** Tree nodes one employee can need at most: root, months, weeks, (month, week) segments. */
  nodesPerEmployee: number;
  dayIndex: Map<string, number>;
  plan: Uint8Array;
  target: Int32Array;
  granted: Int32Array;
  pinnedRemote: Int32Array;
  prefGranted: Int32Array;
  shortfalls: ShortfallDay[];
  pinConflicts: PinConflict[];
  explain: boolean;
  /** False: every office goes to the full min-cost flow (the reference for tests). */
  shortcuts: boolean;
  mcf: MinCostFlow;
  scratch: Scratch;
  minByWd: Int32Array;
  exactOffices: number;
  heuristicOffices: number;
  paths: PlannerPathCounts;
}

/**
 * Plans remote days for every employee of `input`.
 * @throws RangeError if days are malformed/unsorted or an employee refers to an unknown office.
 */
export function planRemoteWork(input: PlannerInput, options: PlannerOptions = {}): PlanResult {
  return plan(input, options, true).result;
}

/**
 * Same as {@link planRemoteWork}, and tells which path solved each office. With `shortcuts`
 * false, every office goes straight to the full lexicographic min-cost flow: the reference the
 * faster paths are tested against (same optimum, possibly another of the optimal plans).
 */
export function planRemoteWorkWithPaths(
  input: PlannerInput, options: PlannerOptions = {}, shortcuts = true,
): { result: PlanResult; paths: PlannerPathCounts } {
  return plan(input, options, shortcuts);
}

function plan(input: PlannerInput, options: PlannerOptions, shortcuts: boolean): { result: PlanResult; paths: PlannerPathCounts } {
  const D = input.days.length;
  const dayIndex = new Map<string, number>();
  const weekday = new Uint8Array(D);
  const weekId = new Int32Array(D);
  const monthId = new Int32Array(D);
  const weekIds = new Map<string, number>();
  const monthIds = new Map<string, number>();
  let segments = 0;
  for (let d = 0; d < D; d++) {
    const day = input.days[d];
    if (!isIsoDate(day)) throw new RangeError(`Giorno non valido: '${day}'`);
    if (d > 0 && input.days[d - 1] >= day) throw new RangeError('I giorni devono essere ordinati e distinti');
    dayIndex.set(day, d);
    weekday[d] = isoWeekday(day);
    const wk = isoWeekKey(day);
    const mk = monthKey(day);
    if (!weekIds.has(wk)) weekIds.set(wk, weekIds.size);
    if (!monthIds.has(mk)) monthIds.set(mk, monthIds.size);
    weekId[d] = weekIds.get(wk)!;
    monthId[d] = monthIds.get(mk)!;
    if (d === 0 || weekId[d] !== weekId[d - 1] || monthId[d] !== monthId[d - 1]) segments++;
  }
  const E = input.employees.length;
  const officeIdx = new Map<string, number>();
  input.offices.forEach((o, i) => {
    if (officeIdx.has(o.id)) throw new RangeError(`Ufficio duplicato: ${o.id}`);
    officeIdx.set(o.id, i);
  });
  // group employees by office (counting sort)
  const O = input.offices.length;
  const count = new Int32Array(O + 1);
  const empOffice = new Int32Array(E);
  for (let e = 0; e < E; e++) {
    const oi = officeIdx.get(input.employees[e].officeId);
    if (oi === undefined) throw new RangeError(`Dipendente ${input.employees[e].id}: ufficio sconosciuto ${input.employees[e].officeId}`);
    empOffice[e] = oi;
    count[oi + 1]++;
  }
  for (let o = 0; o < O; o++) count[o + 1] += count[o];
  const order = new Int32Array(E);
  const fill = count.slice(0, O);
  for (let e = 0; e < E; e++) order[fill[empOffice[e]]++] = e;

  const ctx: Ctx = {
    input, D, weekday, weekId, monthId, nWeeks: weekIds.size, nMonths: monthIds.size,
    nodesPerEmployee: 1 + monthIds.size + weekIds.size + segments, dayIndex,
    plan: new Uint8Array(E * D),
    target: new Int32Array(E), granted: new Int32Array(E), pinnedRemote: new Int32Array(E), prefGranted: new Int32Array(E),
    shortfalls: [], pinConflicts: [], explain: options.explain !== false, shortcuts, mcf: new MinCostFlow(), scratch: new Scratch(),
    minByWd: new Int32Array(8), exactOffices: 0, heuristicOffices: 0, paths: { greedy: 0, flowNoFairness: 0, flowFull: 0, heuristic: 0 },
  };
  for (let o = 0; o < O; o++) {
    solveOffice(ctx, o, order.subarray(count[o], count[o + 1]));
  }

  const outcomes: EmployeeOutcome[] = new Array(E);
  let totalGranted = 0, totalTarget = 0, preferredGranted = 0, fairnessCost = 0;
  for (let e = 0; e < E; e++) {
    const t = ctx.target[e], g = ctx.granted[e];
    const shortfall = Math.max(0, t - g);
    outcomes[e] = { employeeId: input.employees[e].id, target: t, granted: g, pinnedRemote: ctx.pinnedRemote[e], preferredGranted: ctx.prefGranted[e], shortfall };
    totalGranted += g; totalTarget += t; preferredGranted += ctx.prefGranted[e];
    if (shortfall > 0) fairnessCost += fairCost(shortfall, t);
  }
  const ids: string[] = new Array(E);
  for (let e = 0; e < E; e++) ids[e] = input.employees[e].id;
  const result: PlanResult = {
    plan: { days: input.days.slice(), employeeIds: ids, remote: ctx.plan }, outcomes, shortfalls: ctx.shortfalls, pinConflicts: ctx.pinConflicts,
    stats: { totalGranted, totalTarget, preferredGranted, fairnessCost, exactOffices: ctx.exactOffices, heuristicOffices: ctx.heuristicOffices },
  };
  return { result, paths: ctx.paths };
}

/** Returns the remote days of one employee in a plan. */
export function remoteDaysOf(plan: Plan, employeeId: string): string[] {
  const r = plan.employeeIds.indexOf(employeeId);
  if (r < 0) return [];
  const D = plan.days.length;
  const out: string[] = [];
  for (let d = 0; d < D; d++) if (plan.remote[r * D + d] === 1) out.push(plan.days[d]);
  return out;
}

/** Builds a plan from a map employeeId → remote days (for hand-made plans and tests). */
export function planFromAssignments(input: PlannerInput, remote: Record<string, string[]>, days: string[] = input.days): Plan {
  const D = days.length;
  const idx = new Map(days.map((d, i) => [d, i]));
  const ids = input.employees.map((e) => e.id);
  const arr = new Uint8Array(ids.length * D);
  ids.forEach((id, r) => {
    for (const day of remote[id] ?? []) {
      const d = idx.get(day);
      if (d === undefined) throw new RangeError(`Giorno ${day} non presente nel piano`);
      arr[r * D + d] = 1;
    }
  });
  return { days: days.slice(), employeeIds: ids, remote: arr };
}

const EMPTY: number[] = [];
const NO_NAMES: string[] = [];
const NO_MINIMA = new Int32Array(0);

function solveOffice(ctx: Ctx, o: number, emps: Int32Array): void {
  const { input, D, weekday, dayIndex, plan } = ctx;
  const office = input.offices[o];
  const n = emps.length;
  if (n === 0) return;
  // --- coverage rules per weekday (merged: max of minima); skills with a minimum, first seen first
  const minByWd = ctx.minByWd;
  minByWd.fill(0);
  let skillNames = NO_NAMES;
  for (const rule of office.coverage) {
    if (rule.minOnSite > minByWd[rule.weekday]) minByWd[rule.weekday] = rule.minOnSite;
    if (rule.skills) for (const sk of rule.skills) {
      if (sk.minOnSite <= 0 || skillNames.includes(sk.skill)) continue;
      if (skillNames === NO_NAMES) skillNames = [];
      skillNames.push(sk.skill);
    }
  }
  const S = skillNames.length;
  /** skillMin[weekday * S + s]: minimum on site with skill s (0 = no rule). */
  const skillMin = S > 0 ? new Int32Array(8 * S) : NO_MINIMA;
  if (S > 0) for (const rule of office.coverage) if (rule.skills) for (const sk of rule.skills) {
    if (sk.minOnSite <= 0) continue;
    const k = rule.weekday * S + skillNames.indexOf(sk.skill);
    if (skillMin[k] < sk.minOnSite) skillMin[k] = sk.minOnSite;
  }
  // employee skills restricted to office rule skills
  const empSkills: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    let list = EMPTY;
    if (S > 0) {
      for (const k of input.employees[emps[i]].skills ?? []) {
        const s = skillNames.indexOf(k);
        if (s >= 0) { if (list === EMPTY) list = []; if (!list.includes(s)) list.push(s); }
      }
    }
    empSkills[i] = list;
  }
  const sc = ctx.scratch;
  sc.ensure(n, D, S, n * ctx.nodesPerEmployee);
  const nD = n * D, SD = S * D;
  // --- status and preferences per (i, d)
  const { status, pref, present, pinnedRemote, presentS, pinnedRemoteS } = sc;
  pref.fill(0, 0, nD);
  present.fill(0, 0, D);
  pinnedRemote.fill(0, 0, D);
  presentS.fill(0, 0, SD);
  pinnedRemoteS.fill(0, 0, SD);
  for (let i = 0; i < n; i++) {
    const e = input.employees[emps[i]];
    const ag = e.agreement ?? null;
    let allowedMask = 0;
    if (ag) for (const w of ag.allowedWeekdays) allowedMask |= 1 << w;
    let prefMask = 0;
    if (e.preferredWeekdays) for (const w of e.preferredWeekdays) prefMask |= 1 << w;
    const base = i * D;
    for (let d = 0; d < D; d++) {
      const bit = 1 << weekday[d];
      status[base + d] = allowedMask & bit ? ST_CAND : ST_ONSITE;
      if (prefMask & bit) pref[base + d] = 1;
    }
    if (e.preferredDays && e.preferredDays.length) {
      for (const day of e.preferredDays) { const d = dayIndex.get(day); if (d !== undefined) pref[base + d] = 1; }
    }
    if (e.absences && e.absences.length) {
      for (const day of e.absences) { const d = dayIndex.get(day); if (d !== undefined) status[base + d] = ST_ABSENT; }
    }
    if (e.pins) {
      for (const day of Object.keys(e.pins)) {
        const kind = e.pins[day];
        const d = dayIndex.get(day);
        const who = e.name ?? e.id;
        if (d === undefined) {
          if (kind === 'remote') ctx.pinConflicts.push({ employeeId: e.id, officeId: office.id, day, kind: 'non-working-day',
            message: `${who}: il ${isIsoDate(day) ? shortItalianDate(day) : day} è fissato in lavoro agile ma non è un giorno lavorativo del periodo` });
          continue;
        }
        const st = status[base + d];
        if (kind === 'onsite') { if (st !== ST_ABSENT) status[base + d] = ST_PIN_ONSITE; continue; }
        if (st === ST_ABSENT) {
          status[base + d] = ST_PIN_REMOTE_ABSENT;
          ctx.pinConflicts.push({ employeeId: e.id, officeId: office.id, day, kind: 'absence-day',
            message: `${who}: il ${shortItalianDate(day)} è fissato in lavoro agile ma è un giorno di assenza` });
        } else {
          status[base + d] = ST_PIN_REMOTE;
          if (!ag) ctx.pinConflicts.push({ employeeId: e.id, officeId: office.id, day, kind: 'no-agreement',
            message: `${who}: il ${shortItalianDate(day)} è fissato in lavoro agile ma non c'è un accordo individuale` });
          else if (st !== ST_CAND) ctx.pinConflicts.push({ employeeId: e.id, officeId: office.id, day, kind: 'forbidden-weekday',
            message: `${who}: il ${shortItalianDate(day)} è fissato in lavoro agile in un giorno della settimana non previsto dall'accordo` });
        }
      }
    }
    const sk = empSkills[i];
    for (let d = 0; d < D; d++) {
      const st = status[base + d];
      if (st === ST_ABSENT || st === ST_PIN_REMOTE_ABSENT) continue;
      present[d]++;
      for (let k = 0; k < sk.length; k++) presentS[sk[k] * D + d]++;
      if (st === ST_PIN_REMOTE) {
        pinnedRemote[d]++;
        for (let k = 0; k < sk.length; k++) pinnedRemoteS[sk[k] * D + d]++;
        plan[emps[i] * D + d] = 1;
      }
    }
  }
  // --- coverage capacities (remote people the day can still afford)
  const { capTotal, capS, ruled } = sc;
  capS.fill(INF_CAP, 0, SD);
  ruled.fill(0, 0, SD);
  for (let d = 0; d < D; d++) {
    const min = minByWd[weekday[d]];
    let c = present[d] - min - pinnedRemote[d];
    if (c < 0 && present[d] - min >= 0) pinCoverageConflicts(ctx, office.id, emps, status, d, null, `servono ${persone(min)} in sede`);
    capTotal[d] = c < 0 ? 0 : c;
    for (let s = 0; s < S; s++) {
      const smin = skillMin[weekday[d] * S + s];
      if (smin <= 0) continue;
      ruled[s * D + d] = 1;
      c = presentS[s * D + d] - smin - pinnedRemoteS[s * D + d];
      if (c < 0 && presentS[s * D + d] - smin >= 0) pinCoverageConflicts(ctx, office.id, emps, status, d, { s, skills: empSkills, name: skillNames[s] }, `servono ${persone(smin)} con competenza '${skillNames[s]}' in sede`);
      capS[s * D + d] = c < 0 ? 0 : c;
    }
  }
  // --- per-employee cap trees
  const tree = buildTrees(ctx, input.employees, emps, status);
  // targets
  for (let i = 0; i < n; i++) ctx.target[emps[i]] = tree.value[tree.root[i]];

  // laminarity: does someone count for two skill minima on a candidate day?
  let laminar = true;
  if (S > 1) {
    outer: for (let i = 0; i < n; i++) {
      if (empSkills[i].length < 2) continue;
      for (let d = 0; d < D; d++) {
        if (status[i * D + d] !== ST_CAND) continue;
        let k = 0;
        for (const s of empSkills[i]) if (ruled[s * D + d]) k++;
        if (k >= 2) { laminar = false; break outer; }
      }
    }
  }

  const remote = sc.remote; // planner's choice for candidates
  remote.fill(0, 0, nD);
  const ok = ctx.shortcuts && greedyFastPath(sc, n, D, S, empSkills);
  if (ok) ctx.paths.greedy++;
  else {
    remote.fill(0, 0, nD);
    if (laminar && ctx.shortcuts && flowSolve(ctx, n, D, S, empSkills, false)) ctx.paths.flowNoFairness++;
    else {
      remote.fill(0, 0, nD);
      flowSolve(ctx, n, D, S, empSkills, true);
      if (laminar) ctx.paths.flowFull++;
    }
    if (!laminar) { repairAndImprove(sc, n, D, S, empSkills); ctx.paths.heuristic++; }
  }
  if (laminar) ctx.exactOffices++; else if (!ok) ctx.heuristicOffices++; else ctx.exactOffices++;

  // --- write out
  let anyShort = false;
  for (let i = 0; i < n; i++) {
    const e = emps[i];
    let g = 0, p = 0;
    for (let d = 0; d < D; d++) {
      if (remote[i * D + d]) { plan[e * D + d] = 1; g++; if (pref[i * D + d]) p++; }
    }
    ctx.granted[e] = g;
    ctx.prefGranted[e] = p;
    ctx.pinnedRemote[e] = tree.pinnedCounted[i];
    if (g < ctx.target[e]) anyShort = true;
  }
  // Shortfalls exist only where someone is short of days, where absences make a minimum
  // impossible, or where pinned remote days alone break a minimum (whatever path planned it).
  let explain = anyShort;
  for (let d = 0; d < D && !explain; d++) if (present[d] - pinnedRemote[d] < minByWd[weekday[d]]) explain = true;
  for (let k = 0; k < SD && !explain; k++) if (ruled[k] && presentS[k] - pinnedRemoteS[k] < skillMin[weekday[k % D] * S + Math.floor(k / D)]) explain = true;
  if (ctx.explain && explain) explainShortfalls(ctx, office.id, office.name, emps, n, D, empSkills, minByWd, skillMin, skillNames);
}

function pinCoverageConflicts(
  ctx: Ctx, officeId: string, emps: Int32Array, status: Uint8Array, d: number,
  skill: { s: number; skills: number[][]; name: string } | null, what: string,
): void {
  const { D, input } = ctx;
  const day = input.days[d];
  for (let i = 0; i < emps.length; i++) {
    if (status[i * D + d] !== ST_PIN_REMOTE) continue;
    if (skill && !skill.skills[i].includes(skill.s)) continue;
    const e = input.employees[emps[i]];
    ctx.pinConflicts.push({ employeeId: e.id, officeId, day, kind: skill ? 'skill-coverage' : 'coverage',
      message: `${e.name ?? e.id}: il ${shortItalianDate(day)} è fissato in lavoro agile ma ${what}` });
  }
}

interface Trees {
  /** per tree node: remaining capacity, parent (-1 root), value (max days reachable below) */
  cap: Int32Array;
  parent: Int32Array;
  value: Int32Array;
  used: Int32Array;
  /** per tree node: candidate days directly below (then the running sums of the values) */
  cand: Int32Array;
  size: number;
  root: Int32Array;
  /** leaf tree node of candidate (i, d), -1 if not a candidate */
  leaf: Int32Array;
  /** pinned remote days counted in granted (not part of the target) */
  pinnedCounted: Int32Array;
}

function buildTrees(ctx: Ctx, employees: PlannerEmployee[], emps: Int32Array, status: Uint8Array): Trees {
  const { D, weekId, monthId, nWeeks, nMonths } = ctx;
  const n = emps.length;
  const tree = ctx.scratch.tree;
  const { cap, parent, cand, root, leaf, pinnedCounted } = tree;
  let size = 0;
  leaf.fill(-1, 0, n * D);
  pinnedCounted.fill(0, 0, n);
  const pinW = new Int32Array(nWeeks);
  const pinM = new Int32Array(nMonths);
  const wRem = new Int32Array(nWeeks);
  const monthNode = new Int32Array(nMonths);
  const weekNode = new Int32Array(nWeeks);
  for (let i = 0; i < n; i++) {
    const e = employees[emps[i]];
    const ag = e.agreement ?? null;
    const r = size++;
    cap[r] = INF_CAP; parent[r] = -1; cand[r] = 0;
    root[i] = r;
    if (!ag) {
      for (let d = 0; d < D; d++) if (status[i * D + d] === ST_PIN_REMOTE) pinnedCounted[i]++;
      continue;
    }
    const base = i * D;
    pinW.fill(0); pinM.fill(0);
    for (let d = 0; d < D; d++) {
      if (status[base + d] === ST_PIN_REMOTE) { pinW[weekId[d]]++; pinM[monthId[d]]++; pinnedCounted[i]++; }
    }
    const hasW = ag.maxRemotePerWeek != null;
    const hasM = ag.maxRemotePerMonth != null;
    if (pinnedCounted[i] > 0) {
      const who = e.name ?? e.id;
      // pins beyond the caps are conflicts
      if (hasW) for (let w = 0; w < nWeeks; w++) if (pinW[w] > ag.maxRemotePerWeek!) {
        const d = weekId.indexOf(w);
        ctx.pinConflicts.push({ employeeId: e.id, officeId: e.officeId, day: ctx.input.days[d], kind: 'weekly-cap',
          message: `${who}: ${pinW[w]} giorni fissati in lavoro agile nella settimana ${isoWeekKey(ctx.input.days[d])}, l'accordo ne consente ${ag.maxRemotePerWeek}` });
      }
      if (hasM) for (let m = 0; m < nMonths; m++) if (pinM[m] > ag.maxRemotePerMonth!) {
        const d = monthId.indexOf(m);
        ctx.pinConflicts.push({ employeeId: e.id, officeId: e.officeId, day: ctx.input.days[d], kind: 'monthly-cap',
          message: `${who}: ${pinM[m]} giorni fissati in lavoro agile nel mese ${monthKey(ctx.input.days[d])}, l'accordo ne consente ${ag.maxRemotePerMonth}` });
      }
    }
    if (hasW) for (let w = 0; w < nWeeks; w++) wRem[w] = Math.max(0, ag.maxRemotePerWeek! - pinW[w]);
    monthNode.fill(-1); weekNode.fill(-1);
    // segments: contiguous runs of (month, week); count candidates first for the weekly split
    let d = 0;
    while (d < D) {
      const m = monthId[d], w = weekId[d];
      let end = d, cands = 0;
      while (end < D && monthId[end] === m && weekId[end] === w) { if (status[base + end] === ST_CAND) cands++; end++; }
      if (cands > 0) {
        let p = r;
        if (hasM) {
          if (monthNode[m] < 0) {
            monthNode[m] = size++;
            cap[monthNode[m]] = Math.max(0, ag.maxRemotePerMonth! - pinM[m]); parent[monthNode[m]] = r; cand[monthNode[m]] = 0;
          }
          p = monthNode[m];
          if (hasW) {
            const c = Math.min(cands, wRem[w]);
            wRem[w] -= c;
            const t = size++;
            cap[t] = c; parent[t] = p; cand[t] = 0;
            p = t;
          }
        } else if (hasW) {
          if (weekNode[w] < 0) {
            weekNode[w] = size++;
            cap[weekNode[w]] = wRem[w]; parent[weekNode[w]] = r; cand[weekNode[w]] = 0;
          }
          p = weekNode[w];
        }
        for (let k = d; k < end; k++) if (status[base + k] === ST_CAND) { leaf[base + k] = p; cand[p]++; }
      }
      d = end;
    }
  }
  // values bottom-up: children are created after parents (cand becomes the running sum)
  const value = tree.value;
  for (let t = size - 1; t >= 0; t--) {
    const v = Math.min(cap[t], cand[t]);
    value[t] = v;
    if (parent[t] >= 0) cand[parent[t]] += v;
  }
  tree.used.fill(0, 0, size);
  tree.size = size;
  return tree;
}

function canTake(tree: Trees, leaf: number): boolean {
  const { parent, used, cap } = tree;
  for (let t = leaf; t >= 0; t = parent[t]) if (used[t] >= cap[t]) return false;
  return true;
}
function take(tree: Trees, leaf: number, delta: number): void {
  const { parent, used } = tree;
  for (let t = leaf; t >= 0; t = parent[t]) used[t] += delta;
}

/**
 * Each employee independently takes preferred days first, then other days (most slack first),
 * within their caps and the coverage slack left by the employees before. Returns false as soon as
 * someone cannot get a preferred day or their target: then the office needs the flow.
 */
function greedyFastPath(sc: Scratch, n: number, D: number, S: number, empSkills: number[][]): boolean {
  const { pref, ruled, capTotal, capS, tree, remote, slackT, slackS, order, key } = sc;
  const leafOf = tree.leaf;
  slackT.set(capTotal.subarray(0, D));
  slackS.set(capS.subarray(0, S * D));
  for (let i = 0; i < n; i++) {
    const base = i * D;
    const sk = empSkills[i];
    const ns = sk.length;
    let len = 0;
    // preferred days first: must succeed whenever the caps allow
    for (let d = 0; d < D; d++) {
      const lf = leafOf[base + d];
      if (lf < 0) continue;
      if (pref[base + d]) {
        if (!canTake(tree, lf)) continue;
        if (slackT[d] <= 0) return false;
        for (let k = 0; k < ns; k++) { const j = sk[k] * D + d; if (ruled[j] && slackS[j] <= 0) return false; }
        take(tree, lf, 1);
        remote[base + d] = 1;
        slackT[d]--;
        for (let k = 0; k < ns; k++) { const j = sk[k] * D + d; if (ruled[j]) slackS[j]--; }
      } else {
        // insertion by decreasing slack (stable)
        const kk = slackT[d];
        let j = len++;
        while (j > 0 && key[j - 1] < kk) { order[j] = order[j - 1]; key[j] = key[j - 1]; j--; }
        order[j] = d; key[j] = kk;
      }
    }
    const r = tree.root[i];
    const goal = tree.value[r];
    for (let q = 0; q < len; q++) {
      if (tree.used[r] >= goal) break;
      const d = order[q];
      const lf = leafOf[base + d];
      if (!canTake(tree, lf) || slackT[d] <= 0) continue;
      let free = true;
      for (let k = 0; k < ns; k++) { const j = sk[k] * D + d; if (ruled[j] && slackS[j] <= 0) { free = false; break; } }
      if (!free) continue;
      take(tree, lf, 1);
      remote[base + d] = 1;
      slackT[d]--;
      for (let k = 0; k < ns; k++) { const j = sk[k] * D + d; if (ruled[j]) slackS[j]--; }
    }
    if (tree.used[r] < goal) return false;
  }
  return true;
}

/**
 * Min-cost flow of the office (see the header). With `fair` false the fairness costs are left
 * out (one arc of capacity T_e per employee instead of T_e unit arcs with convex costs: far fewer
 * Dijkstra rounds); the result is then kept only if every employee reaches their target, because
 * a plan with zero shortfall has the least possible fairness cost (0) and the flow already
 * maximised granted days, then preferred days. Returns false when it was not kept.
 */
function flowSolve(ctx: Ctx, n: number, D: number, S: number, empSkills: number[][], fair: boolean): boolean {
  const { pref, ruled, capTotal, capS, tree, remote, candArc } = ctx.scratch;
  // node numbering: 0 src, 1..size tree nodes, groups, office-days, sink
  const groupNode = S > 0 ? new Int32Array(S * D).fill(-1) : NO_MINIMA;
  let next = 1 + tree.size;
  for (let k = 0; k < S * D; k++) if (ruled[k]) groupNode[k] = next++;
  const dayNode = next;
  next += D;
  const sink = next++;
  const mcf = ctx.mcf;
  mcf.reset(next);
  // cost scales
  let sumC = 0, prefCount = 0, sumT = 0;
  if (fair) for (let i = 0; i < n; i++) sumC += fairCost(tree.value[tree.root[i]], tree.value[tree.root[i]]);
  for (let k = 0; k < n * D; k++) if (pref[k] && tree.leaf[k] >= 0) prefCount++;
  const M2 = sumC + 1;
  const M1 = M2 * (prefCount + 1) + sumC + 1;
  for (let i = 0; i < n; i++) {
    const T = tree.value[tree.root[i]];
    sumT += T;
    if (!fair) { if (T > 0) mcf.addArc(0, 1 + tree.root[i], T, -M1); continue; }
    for (let j = 1; j <= T; j++) mcf.addArc(0, 1 + tree.root[i], 1, -M1 - fairMarginal(T - j + 1, T));
  }
  for (let t = 0; t < tree.size; t++) if (tree.parent[t] >= 0) mcf.addArc(1 + tree.parent[t], 1 + t, tree.cap[t], 0);
  candArc.fill(-1, 0, n * D);
  for (let i = 0; i < n; i++) {
    const base = i * D;
    const sk = empSkills[i];
    for (let d = 0; d < D; d++) {
      const lf = tree.leaf[base + d];
      if (lf < 0) continue;
      // group: the (scarcest) ruled skill of the person that day, else the office-day directly
      let target = dayNode + d;
      let best = INF_CAP;
      for (const s of sk) {
        if (!ruled[s * D + d]) continue;
        if (capS[s * D + d] < best) { best = capS[s * D + d]; target = groupNode[s * D + d]; }
      }
      candArc[base + d] = mcf.addArc(1 + lf, target, 1, pref[base + d] ? -M2 : 0);
    }
  }
  for (let k = 0; k < S * D; k++) if (groupNode[k] >= 0) mcf.addArc(groupNode[k], dayNode + (k % D), capS[k], 0);
  for (let d = 0; d < D; d++) mcf.addArc(dayNode + d, sink, capTotal[d], 0);
  const flow = mcf.run(0, sink);
  if (!fair && flow < sumT) return false;
  tree.used.fill(0, 0, tree.size);
  for (let k = 0; k < n * D; k++) {
    const a = candArc[k];
    if (a >= 0 && mcf.cap[a] === 0) { remote[k] = 1; take(tree, tree.leaf[k], 1); }
  }
  return true;
}

/** Non-laminar offices: repair broken skill minima, refill, local search. */
function repairAndImprove(sc: Scratch, n: number, D: number, S: number, empSkills: number[][]): void {
  const { pref, ruled, capTotal, capS, tree, remote } = sc;
  const usedT = new Int32Array(D);
  const usedS = new Int32Array(S * D);
  for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) if (remote[i * D + d]) {
    usedT[d]++;
    for (const s of empSkills[i]) if (ruled[s * D + d]) usedS[s * D + d]++;
  }
  const got = (i: number) => tree.used[tree.root[i]];
  const tgt = (i: number) => tree.value[tree.root[i]];
  const setRemote = (i: number, d: number, on: boolean) => {
    const delta = on ? 1 : -1;
    remote[i * D + d] = on ? 1 : 0;
    take(tree, tree.leaf[i * D + d], delta);
    usedT[d] += delta;
    for (const s of empSkills[i]) if (ruled[s * D + d]) usedS[s * D + d] += delta;
  };
  const fits = (i: number, d: number): boolean => {
    if (usedT[d] >= capTotal[d]) return false;
    for (const s of empSkills[i]) if (ruled[s * D + d] && usedS[s * D + d] >= capS[s * D + d]) return false;
    return canTake(tree, tree.leaf[i * D + d]);
  };
  // 1. repair
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      const k = s * D + d;
      while (ruled[k] && usedS[k] > capS[k]) {
        let bestI = -1, bestKey = Infinity;
        for (let i = 0; i < n; i++) {
          if (!remote[i * D + d] || !empSkills[i].includes(s)) continue;
          // least harmful: not preferred, then the one with the smallest shortfall ratio after removal
          const key = (pref[i * D + d] ? 1e6 : 0) + (tgt(i) - got(i) + 1) / Math.max(1, tgt(i));
          if (key < bestKey) { bestKey = key; bestI = i; }
        }
        setRemote(bestI, d, false);
      }
    }
  }
  // 2. refill (most short first) + 3. local search moves, until no improvement
  for (let round = 0; round < 20; round++) {
    let improved = false;
    const idx = Array.from({ length: n }, (_, i) => i).filter((i) => got(i) < tgt(i));
    idx.sort((a, b) => got(a) / Math.max(1, tgt(a)) - got(b) / Math.max(1, tgt(b)));
    for (const i of idx) {
      for (let pass = 0; pass < 2 && got(i) < tgt(i); pass++) {
        for (let d = 0; d < D && got(i) < tgt(i); d++) {
          if (tree.leaf[i * D + d] < 0 || remote[i * D + d]) continue;
          if ((pass === 0) !== (pref[i * D + d] === 1)) continue;
          if (fits(i, d)) { setRemote(i, d, true); improved = true; }
        }
      }
    }
    // moves: i short, day d within i's caps but blocked by coverage; some j remote on d can move to d'
    for (const i of idx) {
      if (got(i) >= tgt(i)) continue;
      for (let d = 0; d < D && got(i) < tgt(i); d++) {
        if (tree.leaf[i * D + d] < 0 || remote[i * D + d] || !canTake(tree, tree.leaf[i * D + d])) continue;
        let moved = false;
        for (let j = 0; j < n && !moved; j++) {
          if (j === i || !remote[j * D + d]) continue;
          setRemote(j, d, false);
          if (fits(i, d)) {
            setRemote(i, d, true);
            for (let d2 = 0; d2 < D; d2++) {
              if (d2 === d || tree.leaf[j * D + d2] < 0 || remote[j * D + d2]) continue;
              if (fits(j, d2)) { setRemote(j, d2, true); moved = true; break; }
            }
            if (!moved) setRemote(i, d, false);
          }
          if (!moved) setRemote(j, d, true);
        }
        if (moved) improved = true;
      }
    }
    if (!improved) break;
  }
}

function explainShortfalls(
  ctx: Ctx, officeId: string, officeName: string, emps: Int32Array, n: number, D: number,
  empSkills: number[][], minByWd: Int32Array, skillMin: Int32Array, skillNames: string[],
): void {
  const { weekday, input } = ctx;
  const { ruled, present, presentS, pinnedRemote, pinnedRemoteS, tree, remote } = ctx.scratch;
  const S = skillNames.length;
  const usedS = new Int32Array(S);
  const refused: number[] = [];
  for (let d = 0; d < D; d++) {
    let usedT = 0;
    usedS.fill(0);
    refused.length = 0;
    for (let i = 0; i < n; i++) {
      const k = i * D + d;
      if (remote[k]) { usedT++; for (const s of empSkills[i]) usedS[s]++; continue; }
      if (tree.leaf[k] < 0) continue;
      if (tree.used[tree.root[i]] >= tree.value[tree.root[i]]) continue; // not short
      if (!canTake(tree, tree.leaf[k])) continue; // blocked by own caps, not by coverage
      refused.push(i);
    }
    const day = input.days[d];
    // the office total (skill -1), then each skill with a minimum that day
    for (let skill = -1; skill < S; skill++) {
      if (skill >= 0 && !ruled[skill * D + d]) continue;
      const required = skill < 0 ? minByWd[weekday[d]] : skillMin[weekday[d] * S + skill];
      const pres = skill < 0 ? present[d] : presentS[skill * D + d];
      const granted = skill < 0 ? usedT + pinnedRemote[d] : usedS[skill] + pinnedRemoteS[skill * D + d];
      const ref = skill < 0 ? refused : refused.filter((i) => empSkills[i].includes(skill));
      const remaining = pres - granted - ref.length;
      if (remaining >= required) continue;
      if (ref.length === 0 && pres - granted >= required) continue;
      const short = required - remaining;
      const who = skill < 0 ? `${persone(required)}` : `${persone(required)} con competenza '${skillNames[skill]}'`;
      const names = ref.map((i) => input.employees[emps[i]].name ?? input.employees[emps[i]].id);
      const dd = shortItalianDate(day);
      const message = ref.length > 0
        ? `${officeName}: il ${dd} servono ${who} in sede, ne restano ${remaining} disponibili (${ref.length === 1 ? '1 richiesta' : `${ref.length} richieste`} di lavoro agile non accolte: ${names.join(', ')}; mancano ${persone(short)})`
        : `${officeName}: il ${dd} servono ${who} in sede, ne sono presenti solo ${pres - granted} (mancano ${persone(short)})`;
      ctx.shortfalls.push({ officeId, officeName, day, skill: skill < 0 ? null : skillNames[skill], required, present: pres,
        remoteGranted: granted, refusedEmployeeIds: ref.map((i) => input.employees[emps[i]].id), remainingIfGranted: remaining, peopleShort: short, message });
    }
  }
}

export type { IsoWeekday };
