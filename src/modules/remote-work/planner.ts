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
import { isIsoDate, isoWeekKey, isoWeekday, monthKey, shortItalianDate } from './working-days.js';
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

interface Ctx {
  input: PlannerInput;
  D: number;
  weekday: Uint8Array;
  weekId: Int32Array;
  monthId: Int32Array;
  nWeeks: number;
  nMonths: number;
  dayIndex: Map<string, number>;
  plan: Uint8Array;
  target: Int32Array;
  granted: Int32Array;
  pinnedRemote: Int32Array;
  prefGranted: Int32Array;
  shortfalls: ShortfallDay[];
  pinConflicts: PinConflict[];
  explain: boolean;
  mcf: MinCostFlow;
  exactOffices: number;
  heuristicOffices: number;
}

/**
 * Plans remote days for every employee of `input`.
 * @throws RangeError if days are malformed/unsorted or an employee refers to an unknown office.
 */
export function planRemoteWork(input: PlannerInput, options: PlannerOptions = {}): PlanResult {
  const D = input.days.length;
  const dayIndex = new Map<string, number>();
  const weekday = new Uint8Array(D);
  const weekId = new Int32Array(D);
  const monthId = new Int32Array(D);
  const weekIds = new Map<string, number>();
  const monthIds = new Map<string, number>();
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
    input, D, weekday, weekId, monthId, nWeeks: weekIds.size, nMonths: monthIds.size, dayIndex,
    plan: new Uint8Array(E * D),
    target: new Int32Array(E), granted: new Int32Array(E), pinnedRemote: new Int32Array(E), prefGranted: new Int32Array(E),
    shortfalls: [], pinConflicts: [], explain: options.explain !== false, mcf: new MinCostFlow(),
    exactOffices: 0, heuristicOffices: 0,
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
  const plan: Plan = { days: input.days.slice(), employeeIds: input.employees.map((e) => e.id), remote: ctx.plan };
  return {
    plan, outcomes, shortfalls: ctx.shortfalls, pinConflicts: ctx.pinConflicts,
    stats: { totalGranted, totalTarget, preferredGranted, fairnessCost, exactOffices: ctx.exactOffices, heuristicOffices: ctx.heuristicOffices },
  };
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

function solveOffice(ctx: Ctx, o: number, emps: Int32Array): void {
  const { input, D, weekday, dayIndex, plan } = ctx;
  const office = input.offices[o];
  const n = emps.length;
  if (n === 0) return;
  // --- coverage rules per weekday (merged: max of minima)
  const minByWd = new Int32Array(8);
  const skillNames: string[] = [];
  const skillIdx = new Map<string, number>();
  const skillMinByWd: Array<Map<number, number>> = [];
  for (let w = 0; w < 8; w++) skillMinByWd.push(new Map());
  for (const rule of office.coverage) {
    if (rule.minOnSite > minByWd[rule.weekday]) minByWd[rule.weekday] = rule.minOnSite;
    for (const sk of rule.skills ?? []) {
      if (sk.minOnSite <= 0) continue;
      let s = skillIdx.get(sk.skill);
      if (s === undefined) { s = skillNames.length; skillIdx.set(sk.skill, s); skillNames.push(sk.skill); }
      const m = skillMinByWd[rule.weekday];
      if ((m.get(s) ?? 0) < sk.minOnSite) m.set(s, sk.minOnSite);
    }
  }
  const S = skillNames.length;
  // employee skills restricted to office rule skills
  const empSkills: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = input.employees[emps[i]];
    let list: number[] = EMPTY;
    if (S > 0) {
      for (const k of e.skills ?? []) {
        const s = skillIdx.get(k);
        if (s !== undefined) { if (list === EMPTY) list = []; if (!list.includes(s)) list.push(s); }
      }
    }
    empSkills[i] = list;
  }
  // --- status and preferences per (i, d)
  const status = new Uint8Array(n * D);
  const pref = new Uint8Array(n * D);
  const present = new Int32Array(D);
  const pinnedRemote = new Int32Array(D);
  const presentS = new Int32Array(S * D);
  const pinnedRemoteS = new Int32Array(S * D);
  const hasAgreement = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = input.employees[emps[i]];
    const ag = e.agreement ?? null;
    let allowedMask = 0;
    if (ag) { hasAgreement[i] = 1; for (const w of ag.allowedWeekdays) allowedMask |= 1 << w; }
    let prefMask = 0;
    for (const w of e.preferredWeekdays ?? []) prefMask |= 1 << w;
    const base = i * D;
    for (let d = 0; d < D; d++) {
      status[base + d] = allowedMask & (1 << weekday[d]) ? ST_CAND : ST_ONSITE;
      if (prefMask & (1 << weekday[d])) pref[base + d] = 1;
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
      for (const s of sk) presentS[s * D + d]++;
      if (st === ST_PIN_REMOTE) {
        pinnedRemote[d]++;
        for (const s of sk) pinnedRemoteS[s * D + d]++;
        plan[emps[i] * D + d] = 1;
      }
    }
  }
  // --- coverage capacities (remote people the day can still afford)
  const capTotal = new Int32Array(D);
  const capS = new Int32Array(S * D).fill(INF_CAP);
  const ruled = new Uint8Array(S * D); // skill s has a minimum on day d
  for (let d = 0; d < D; d++) {
    const min = minByWd[weekday[d]];
    let c = present[d] - min - pinnedRemote[d];
    if (c < 0 && present[d] - min >= 0) pinCoverageConflicts(ctx, office.id, emps, status, d, null, `servono ${persone(min)} in sede`);
    capTotal[d] = c < 0 ? 0 : c;
    for (const [s, smin] of skillMinByWd[weekday[d]]) {
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

  const remote = new Uint8Array(n * D); // planner's choice for candidates
  const ok = greedyFastPath(n, D, pref, empSkills, ruled, capTotal, capS, tree, remote);
  if (!ok) {
    remote.fill(0);
    flowSolve(ctx, n, D, pref, empSkills, ruled, capTotal, capS, tree, remote);
    if (!laminar) repairAndImprove(n, D, pref, empSkills, ruled, capTotal, capS, tree, remote);
  }
  if (laminar) ctx.exactOffices++; else if (!ok) ctx.heuristicOffices++; else ctx.exactOffices++;

  // --- write out
  for (let i = 0; i < n; i++) {
    const e = emps[i];
    let g = 0, p = 0;
    for (let d = 0; d < D; d++) {
      if (remote[i * D + d]) { plan[e * D + d] = 1; g++; if (pref[i * D + d]) p++; }
    }
    ctx.granted[e] = g;
    ctx.prefGranted[e] = p;
    ctx.pinnedRemote[e] = tree.pinnedCounted[i];
  }
  let impossible = false;
  for (let d = 0; d < D && !impossible; d++) if (present[d] < minByWd[weekday[d]]) impossible = true;
  if (!impossible) for (let k = 0; k < S * D && !impossible; k++) if (ruled[k] && presentS[k] < skillMinByWd[weekday[k % D]].get(Math.floor(k / D))!) impossible = true;
  if (ctx.explain && (!ok || impossible)) explainShortfalls(ctx, office.id, office.name, emps, n, D, empSkills, ruled, minByWd, skillMinByWd, skillNames, present, presentS, pinnedRemote, pinnedRemoteS, tree, remote);
}

const EMPTY: number[] = [];

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
  let capArr = new Int32Array(Math.max(16, n * 4));
  let parArr = new Int32Array(capArr.length);
  let candArr = new Int32Array(capArr.length);
  let size = 0;
  const newNode = (parent: number, cap: number): number => {
    if (size === capArr.length) {
      const g = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      capArr = g(capArr); parArr = g(parArr); candArr = g(candArr);
    }
    capArr[size] = cap; parArr[size] = parent; candArr[size] = 0;
    return size++;
  };
  const root = new Int32Array(n);
  const leaf = new Int32Array(n * D).fill(-1);
  const pinnedCounted = new Int32Array(n);
  const pinW = new Int32Array(nWeeks);
  const pinM = new Int32Array(nMonths);
  const wRem = new Int32Array(nWeeks);
  const monthNode = new Int32Array(nMonths);
  const weekNode = new Int32Array(nWeeks);
  for (let i = 0; i < n; i++) {
    const e = employees[emps[i]];
    const ag = e.agreement ?? null;
    const r = newNode(-1, INF_CAP);
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
    const who = e.name ?? e.id;
    if (pinnedCounted[i] > 0) {
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
        let parent = r;
        if (hasM) {
          if (monthNode[m] < 0) monthNode[m] = newNode(r, Math.max(0, ag.maxRemotePerMonth! - pinM[m]));
          parent = monthNode[m];
          if (hasW) {
            const c = Math.min(cands, wRem[w]);
            wRem[w] -= c;
            parent = newNode(parent, c);
          }
        } else if (hasW) {
          if (weekNode[w] < 0) weekNode[w] = newNode(r, wRem[w]);
          parent = weekNode[w];
        }
        for (let k = d; k < end; k++) if (status[base + k] === ST_CAND) { leaf[base + k] = parent; candArr[parent]++; }
      }
      d = end;
    }
  }
  // values bottom-up: children are created after parents
  const value = new Int32Array(size);
  const sum = candArr.slice(0, size);
  for (let t = size - 1; t >= 0; t--) {
    const v = Math.min(capArr[t], sum[t]);
    value[t] = v;
    if (parArr[t] >= 0) sum[parArr[t]] += v;
  }
  return { cap: capArr.subarray(0, size), parent: parArr.subarray(0, size), value, used: new Int32Array(size), size, root, leaf, pinnedCounted };
}

function canTake(tree: Trees, leaf: number): boolean {
  for (let t = leaf; t >= 0; t = tree.parent[t]) if (tree.used[t] >= tree.cap[t]) return false;
  return true;
}
function take(tree: Trees, leaf: number, delta: number): void {
  for (let t = leaf; t >= 0; t = tree.parent[t]) tree.used[t] += delta;
}

function greedyFastPath(
  n: number, D: number, pref: Uint8Array, empSkills: number[][], ruled: Uint8Array,
  capTotal: Int32Array, capS: Int32Array, tree: Trees, remote: Uint8Array,
): boolean {
  const slackT = capTotal.slice();
  const slackS = capS.slice();
  const order: number[] = [];
  const key: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * D;
    const sk = empSkills[i];
    const dayFree = (d: number): boolean => {
      if (slackT[d] <= 0) return false;
      for (const s of sk) if (ruled[s * D + d] && slackS[s * D + d] <= 0) return false;
      return true;
    };
    const commit = (d: number): void => {
      remote[base + d] = 1;
      slackT[d]--;
      for (const s of sk) if (ruled[s * D + d]) slackS[s * D + d]--;
    };
    // preferred days first: must succeed whenever the caps allow
    order.length = 0; key.length = 0;
    for (let d = 0; d < D; d++) {
      const lf = tree.leaf[base + d];
      if (lf < 0) continue;
      if (pref[base + d]) {
        if (!canTake(tree, lf)) continue;
        if (!dayFree(d)) return false;
        take(tree, lf, 1); commit(d);
      } else {
        // insertion by decreasing slack
        const k = slackT[d];
        let j = order.length;
        order.push(d); key.push(k);
        while (j > 0 && key[j - 1] < k) { order[j] = order[j - 1]; key[j] = key[j - 1]; j--; }
        order[j] = d; key[j] = k;
      }
    }
    for (const d of order) {
      if (tree.used[tree.root[i]] >= tree.value[tree.root[i]]) break;
      const lf = tree.leaf[base + d];
      if (!canTake(tree, lf) || !dayFree(d)) continue;
      take(tree, lf, 1); commit(d);
    }
    if (tree.used[tree.root[i]] < tree.value[tree.root[i]]) return false;
  }
  return true;
}

function flowSolve(
  ctx: Ctx, n: number, D: number, pref: Uint8Array, empSkills: number[][], ruled: Uint8Array,
  capTotal: Int32Array, capS: Int32Array, tree: Trees, remote: Uint8Array,
): void {
  const S = capS.length / D;
  // node numbering: 0 src, 1..size tree nodes, groups, office-days, sink
  const groupNode = new Int32Array(S * D).fill(-1);
  let next = 1 + tree.size;
  for (let k = 0; k < S * D; k++) if (ruled[k]) groupNode[k] = next++;
  const dayNode = next;
  next += D;
  const sink = next++;
  const mcf = ctx.mcf;
  mcf.reset(next);
  // cost scales
  let sumC = 0, prefCount = 0;
  for (let i = 0; i < n; i++) sumC += fairCost(tree.value[tree.root[i]], tree.value[tree.root[i]]);
  for (let k = 0; k < n * D; k++) if (pref[k] && tree.leaf[k] >= 0) prefCount++;
  const M2 = sumC + 1;
  const M1 = M2 * (prefCount + 1) + sumC + 1;
  for (let i = 0; i < n; i++) {
    const T = tree.value[tree.root[i]];
    for (let j = 1; j <= T; j++) mcf.addArc(0, 1 + tree.root[i], 1, -M1 - fairMarginal(T - j + 1, T));
  }
  for (let t = 0; t < tree.size; t++) if (tree.parent[t] >= 0) mcf.addArc(1 + tree.parent[t], 1 + t, tree.cap[t], 0);
  const candArc = new Int32Array(n * D).fill(-1);
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
  mcf.run(0, sink);
  tree.used.fill(0);
  for (let k = 0; k < n * D; k++) {
    const a = candArc[k];
    if (a >= 0 && mcf.cap[a] === 0) { remote[k] = 1; take(tree, tree.leaf[k], 1); }
  }
}

/** Non-laminar offices: repair broken skill minima, refill, local search. */
function repairAndImprove(
  n: number, D: number, pref: Uint8Array, empSkills: number[][], ruled: Uint8Array,
  capTotal: Int32Array, capS: Int32Array, tree: Trees, remote: Uint8Array,
): void {
  const S = capS.length / D;
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
  empSkills: number[][], ruled: Uint8Array, minByWd: Int32Array,
  skillMinByWd: Array<Map<number, number>>, skillNames: string[], present: Int32Array, presentS: Int32Array,
  pinnedRemote: Int32Array, pinnedRemoteS: Int32Array, tree: Trees, remote: Uint8Array,
): void {
  const { weekday, input } = ctx;
  const S = skillNames.length;
  for (let d = 0; d < D; d++) {
    let usedT = 0;
    const usedS = new Int32Array(S);
    const refused: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = i * D + d;
      if (remote[k]) { usedT++; for (const s of empSkills[i]) usedS[s]++; continue; }
      if (tree.leaf[k] < 0) continue;
      if (tree.used[tree.root[i]] >= tree.value[tree.root[i]]) continue; // not short
      if (!canTake(tree, tree.leaf[k])) continue; // blocked by own caps, not by coverage
      refused.push(i);
    }
    const day = input.days[d];
    const dd = shortItalianDate(day);
    const report = (skill: number | null) => {
      const required = skill === null ? minByWd[weekday[d]] : skillMinByWd[weekday[d]].get(skill)!;
      const pres = skill === null ? present[d] : presentS[skill * D + d];
      const granted = skill === null ? usedT + pinnedRemote[d] : usedS[skill] + pinnedRemoteS[skill * D + d];
      const ref = skill === null ? refused : refused.filter((i) => empSkills[i].includes(skill));
      const remaining = pres - granted - ref.length;
      if (remaining >= required) return;
      if (ref.length === 0 && pres - granted >= required) return;
      const short = required - remaining;
      const who = skill === null ? `${persone(required)}` : `${persone(required)} con competenza '${skillNames[skill]}'`;
      const names = ref.map((i) => input.employees[emps[i]].name ?? input.employees[emps[i]].id);
      const message = ref.length > 0
        ? `${officeName}: il ${dd} servono ${who} in sede, ne restano ${remaining} disponibili (${ref.length === 1 ? '1 richiesta' : `${ref.length} richieste`} di lavoro agile non accolte: ${names.join(', ')}; mancano ${persone(short)})`
        : `${officeName}: il ${dd} servono ${who} in sede, ne sono presenti solo ${pres - granted} (mancano ${persone(short)})`;
      ctx.shortfalls.push({ officeId, officeName, day, skill: skill === null ? null : skillNames[skill], required, present: pres,
        remoteGranted: granted, refusedEmployeeIds: ref.map((i) => input.employees[emps[i]].id), remainingIfGranted: remaining, peopleShort: short, message });
    };
    report(null);
    for (let s = 0; s < S; s++) if (ruled[s * D + d]) report(s);
  }
}

export type { IsoWeekday };
