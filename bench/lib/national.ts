/**
 * The shape of the generated national instance: about 79,000 offices, 3.2 million employees
 * (mean office size ≈ 40.5, skewed: many small offices, some large ones), coverage minima between
 * 30% and 60% of the office, a front desk in one office out of two, preferences skewed to Monday
 * and Friday, absences and valid pins.
 */
import { rng, type OfficeSpec } from './planner-instances.js';

export const NATIONAL_OFFICES = 79_000;

/** Deterministic spec of office number k. */
export function nationalOfficeSpec(k: number): OfficeSpec {
  const r = rng(k * 2654435761 + 17);
  const x = r();
  const size = 1 + Math.floor(x * x * 118.5);
  return {
    size,
    minShare: 0.3 + 0.3 * r(),
    frontDesk: r() < 0.5,
    multiSkill: r() < 0.05,
    preferences: true,
    pins: true,
    absences: true,
  };
}
