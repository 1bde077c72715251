import { SHANGHAI } from '../../lib/regions/codes.ts';
import type { pilotDomain, pilotType } from './tables.ts';

/**
 * The commission's yes/no rules, kept apart from the resolvers so each one is written (and
 * tested) once. Years are calendar years.
 */

/**
 * An audit or diagnosis covers its enterprise from the year it was completed on. Seed 003 (三 表 第2行,
 * 六.1–2) asks for full coverage and sets no validity period, so none is invented here: an enterprise
 * audited once is covered in every later year.
 */
export function coveredInYear(completedYears: readonly number[], year: number): boolean {
  return completedYears.some((completed) => completed <= year);
}

export type PilotType = (typeof pilotType)[number];
export type PilotDomain = (typeof pilotDomain)[number];

/**
 * Minimum number of the eight domains a pilot's plan must cover, by pilot type (seed 001 §四.3
 * 申报要求 (4)). The same clause's size thresholds (area in km², households, floor area, tonnes of
 * CO₂e) lost their digits in the seed's text extraction, so they are deliberately not encoded.
 */
export const PILOT_MINIMUM_DOMAINS: Readonly<Record<PilotType, number>> = {
  REGION: 5,
  PARK: 4,
  COMMUNITY: 4,
  BUILDING: 3,
  ENTERPRISE: 3,
};

export function meetsMinimumDomains(type: PilotType, domains: readonly PilotDomain[]): boolean {
  return new Set(domains).size >= PILOT_MINIMUM_DOMAINS[type];
}

/** Seed 003 is Shanghai's plan: its retrofit schedule binds Shanghai's districts only. */
export const RETROFIT_SCHEDULE_JURISDICTION = SHANGHAI;

/**
 * Share of a district's listed retrofit projects that must be completed within each year
 * (seed 003 §四.4): at least 20% in 2022 and 2025, 30% in 2023 and 2024.
 */
export const RETROFIT_YEARLY_MINIMUM: Readonly<Record<number, number>> = { 2022: 0.2, 2023: 0.3, 2024: 0.3, 2025: 0.2 };

/** Cumulative share required by the end of `year`: 0 before 2022, then 0.2 / 0.5 / 0.8 / 1.0. */
export function retrofitRequiredShare(year: number): number {
  const sum = Object.entries(RETROFIT_YEARLY_MINIMUM)
    .filter(([y]) => Number(y) <= year)
    .reduce((total, [, share]) => total + share, 0);
  // Summing tenths in floating point gives 0.7999…; the schedule is in whole percent.
  return Math.min(1, Math.round(sum * 100) / 100);
}
