/**
 * The POLA's picture of how remote work is organised, from the agreements in force (pure): remote
 * days allowed, weekdays, working hours, reachability windows, disconnection hours, places and
 * equipment — each as "value: how many agreements", most frequent first.
 */
import type { InForceAgreementRow } from './pola.repo.js';

export interface Tally {
  value: string;
  agreements: number;
}

export interface TermsSummary {
  inForce: number;
  remoteDays: Tally[];
  weekdays: { weekday: number; agreements: number }[];
  workingHours: Tally[];
  reachability: Tally[];
  disconnection: Tally[];
  /** Agreements with their own place rules (the others apply the general clause). */
  placeSpecific: number;
  /** The most frequent equipment texts (at most 5); the rest are counted in `equipmentOther`. */
  equipment: Tally[];
  equipmentOther: number;
  /** Agreements with no equipment written (the general clause applies). */
  equipmentStandard: number;
  safetyAcknowledged: number;
}

export const TOP = 5;

function tally(values: string[], top = Number.POSITIVE_INFINITY): { items: Tally[]; other: number } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].map(([value, agreements]) => ({ value, agreements })).sort((a, b) => b.agreements - a.agreements || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const items = sorted.slice(0, top);
  return { items, other: sorted.slice(top).reduce((s, x) => s + x.agreements, 0) };
}

export function remoteDaysLabel(a: Pick<InForceAgreementRow, 'maxRemotePerWeek' | 'maxRemotePerMonth' | 'hasPlan'>): string {
  const parts: string[] = [];
  if (a.maxRemotePerWeek !== null) parts.push(`${a.maxRemotePerWeek} ${a.maxRemotePerWeek === 1 ? 'giorno' : 'giorni'} a settimana`);
  if (a.maxRemotePerMonth !== null) parts.push(`${a.maxRemotePerMonth} ${a.maxRemotePerMonth === 1 ? 'giorno' : 'giorni'} al mese`);
  if (!parts.length) return a.hasPlan ? 'calendario concordato' : 'non indicato';
  return `fino a ${parts.join(' e ')}`;
}

/** The distinct reachability windows of an agreement, in order ("09:30–12:30 e 15:00–16:00"). */
export function reachabilityLabel(r: Record<string, [string, string][]>): string {
  const windows = [...new Set(Object.values(r).flatMap((ws) => ws.map(([f, t]) => `${f}–${t}`)))].sort();
  if (!windows.length) return 'non indicate';
  return windows.length === 1 ? windows[0] : `${windows.slice(0, -1).join(', ')} e ${windows[windows.length - 1]}`;
}

export function termsSummary(rows: InForceAgreementRow[]): TermsSummary {
  const weekdayCounts = new Map<number, number>();
  for (const a of rows) for (const w of new Set(a.allowedWeekdays)) weekdayCounts.set(w, (weekdayCounts.get(w) ?? 0) + 1);
  const equipmentTexts = rows.map((a) => a.equipment.trim().replace(/\s+/g, ' ')).filter((e) => e.length > 0);
  const equipment = tally(equipmentTexts, TOP);
  return {
    inForce: rows.length,
    remoteDays: tally(rows.map(remoteDaysLabel)).items,
    weekdays: [...weekdayCounts].map(([weekday, agreements]) => ({ weekday, agreements })).sort((a, b) => a.weekday - b.weekday),
    workingHours: tally(rows.map((a) => `${a.workingFrom}–${a.workingTo}`)).items,
    reachability: tally(rows.map((a) => reachabilityLabel(a.reachability)), TOP).items,
    disconnection: tally(rows.map((a) => `${a.disconnectionFrom}–${a.disconnectionTo}`)).items,
    placeSpecific: rows.filter((a) => a.placeRules.trim().length > 0).length,
    equipment: equipment.items,
    equipmentOther: equipment.other,
    equipmentStandard: rows.length - equipmentTexts.length,
    safetyAcknowledged: rows.filter((a) => a.safetyAcknowledged).length,
  };
}

const WEEKDAY_SHORT_IT = ['', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];

/**
 * An office's coverage rules in words: "lun–ven: 4" or "lun, mer: 2; gio: 3", one line per skill
 * ("" is the office total).
 */
export function coverageLabel(rules: { weekday: number; skill: string; minOnSite: number }[]): { skill: string; text: string }[] {
  const bySkill = new Map<string, Map<number, number>>();
  for (const r of rules) {
    if (r.minOnSite <= 0) continue;
    if (!bySkill.has(r.skill)) bySkill.set(r.skill, new Map());
    bySkill.get(r.skill)!.set(r.weekday, r.minOnSite);
  }
  return [...bySkill]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))
    .map(([skill, days]) => {
      // group weekdays with the same minimum; consecutive runs of three or more read "lun–ven"
      const byMin = new Map<number, number[]>();
      for (const [d, m] of [...days].sort((x, y) => x[0] - y[0])) byMin.set(m, [...(byMin.get(m) ?? []), d]);
      const parts = [...byMin]
        .sort((a, b) => a[1][0] - b[1][0])
        .map(([min, ds]) => {
          const consecutive = ds.every((d, i) => i === 0 || d === ds[i - 1] + 1);
          const names = consecutive && ds.length >= 3 ? `${WEEKDAY_SHORT_IT[ds[0]]}–${WEEKDAY_SHORT_IT[ds[ds.length - 1]]}` : ds.map((d) => WEEKDAY_SHORT_IT[d]).join(', ');
          return `${names}: ${min}`;
        });
      return { skill, text: parts.join('; ') };
    });
}
