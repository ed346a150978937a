/**
 * Deterministic generator of planner instances for the benchmarks (seeded PRNG, no I/O).
 * An office gets employees with weekly and/or monthly caps, allowed weekdays, some absences,
 * preferred weekdays (skewed to Monday and Friday, as in real offices), a few pins, and a
 * coverage rule (total minimum; optionally a front-desk skill minimum).
 */
import type {
  IsoWeekday,
  PlannerEmployee,
  PlannerInput,
  PlannerOffice,
} from '../../src/modules/remote-work/planner/planner.types.js';

/** mulberry32: small, fast, deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface OfficeSpec {
  /** employees in the office */
  size: number;
  /** on-site minimum as a share of the office (0..1) */
  minShare: number;
  /** add a front-desk skill minimum */
  frontDesk: boolean;
  /** allow people with two coverage skills (non-laminar) */
  multiSkill: boolean;
  /** preferred days and pins (false = quotas + weekdays + coverage only) */
  preferences: boolean;
  pins: boolean;
  absences: boolean;
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const EMPTY_STR: string[] = [];

/** Generates one office and its employees; `days` are the working days of the range. */
export function generateOffice(
  seed: number, officeId: string, days: string[], spec: OfficeSpec,
): { office: PlannerOffice; employees: PlannerEmployee[] } {
  const r = rng(seed);
  const n = spec.size;
  const min = Math.floor(n * spec.minShare);
  const deskMin = spec.frontDesk ? Math.max(1, Math.floor(n * 0.1)) : 0;
  const office: PlannerOffice = {
    id: officeId,
    name: `Ufficio ${officeId}`,
    coverage: WEEKDAYS.map((w) => ({
      weekday: w,
      minOnSite: w === 1 || w === 5 ? min : Math.max(0, min - 1),
      skills: spec.frontDesk
        ? [{ skill: 'sportello', minOnSite: deskMin }, ...(spec.multiSkill ? [{ skill: 'protocollo', minOnSite: Math.max(1, Math.floor(deskMin / 2)) }] : [])]
        : undefined,
    })),
  };
  const employees: PlannerEmployee[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${officeId}-${i}`;
    const noAgreement = r() < 0.15;
    const kind = r();
    const allowed = r() < 0.7 ? WEEKDAYS : WEEKDAYS.filter(() => r() < 0.7);
    const skills: string[] = [];
    // enough skilled people that absences rarely make a skill minimum impossible
    if (spec.frontDesk && (i < 2 * deskMin + 1 || r() < 0.2)) skills.push('sportello');
    if (spec.multiSkill && ((i >= deskMin && i < 3 * deskMin + 1) || r() < 0.2)) skills.push('protocollo');
    const e: PlannerEmployee = {
      id, officeId, skills,
      agreement: noAgreement ? null : {
        allowedWeekdays: allowed.length ? allowed : [3],
        maxRemotePerWeek: kind < 0.7 ? 1 + Math.floor(r() * 3) : undefined,
        maxRemotePerMonth: kind > 0.4 ? 4 + Math.floor(r() * 6) : undefined,
      },
      absences: EMPTY_STR,
    };
    if (spec.absences && r() < 0.2) {
      const start = Math.floor(r() * days.length);
      const len = 1 + Math.floor(r() * 4);
      e.absences = days.slice(start, start + len);
    }
    if (spec.preferences) {
      const p = r();
      e.preferredWeekdays = p < 0.35 ? [5] : p < 0.6 ? [1] : p < 0.8 ? [1, 5] : [3];
      if (r() < 0.2) e.preferredDays = [days[Math.floor(r() * days.length)]];
    }
    if (spec.pins && e.agreement && r() < 0.05) {
      // valid pins only: on an allowed weekday, not absent (caps are always >= 1)
      const d = days[Math.floor(r() * days.length)];
      const wd = ((Math.floor(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000) + 3) % 7) + 1;
      const remoteOk = e.agreement.allowedWeekdays.includes(wd as IsoWeekday) && !(e.absences ?? []).includes(d);
      const kind = r() < 0.5 && remoteOk ? 'remote' : 'onsite';
      e.pins = { [d]: kind };
    }
    employees.push(e);
  }
  return { office, employees };
}

/** A whole input made of several generated offices. */
export function generateInstance(seed: number, days: string[], specs: OfficeSpec[]): PlannerInput {
  const offices: PlannerOffice[] = [];
  const employees: PlannerEmployee[] = [];
  specs.forEach((spec, k) => {
    const g = generateOffice(seed * 7919 + k, `O${seed}-${k}`, days, spec);
    offices.push(g.office);
    for (const e of g.employees) employees.push(e);
  });
  return { days, offices, employees };
}
