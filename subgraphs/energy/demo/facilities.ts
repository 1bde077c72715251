import type { DemoCoreRoom, DemoDataCenter, DemoWorld } from '../../../db/demo/world.ts';
import type { Random } from '../../../db/demo/random.ts';
import type { DemoGaps } from './gaps.ts';
import { hoursIn, monthPeriod, obs, season, type ObservationInsert } from './rows.ts';

const FIRST_YEAR = 2020;
/** Average draw of an installed rack relative to its rating. */
const LOAD_FACTOR = 0.6;
/** Green-power trading (绿电交易) opened in September 2021; before that only certificates and own PV. */
const GREEN_POWER_FROM = 2021;

/** Facility overhead (PUE − 1) in a month: more cooling in summer, a little noise, never below 2 %. */
function overhead(random: Random, base: number, month: number, amplitude: number): number {
  return Math.max(0.02, base * (1 + amplitude * season(month)) * (1 + random.normal(0, 0.03)));
}

function meterPair(
  total: 'DC_TOTAL_ENERGY_KWH' | 'CORE_ROOM_TOTAL_ENERGY_KWH',
  it: 'DC_IT_ENERGY_KWH' | 'CORE_ROOM_IT_ENERGY_KWH',
  id: string,
  period: string,
  itKwh: number,
  pue: number,
) {
  const itRounded = Math.round(itKwh);
  // Total can never be below IT: the IT load is part of the facility's load.
  return [obs(total, id, period, Math.max(itRounded, Math.round(itKwh * pue))), obs(it, id, period, itRounded)];
}

/** Months a data centre reported in 2020–2025: from commissioning (or 2020) to closure (or 2025). */
function* serviceMonths(dc: DemoDataCenter, closingMonth: number, lastYear: number): Generator<[number, number]> {
  const [cy, cm] = dc.commissionedOn.split('-').map(Number) as [number, number];
  const endYear = dc.closedYear ?? lastYear;
  for (let year = Math.max(FIRST_YEAR, cy); year <= endYear; year++) {
    for (let month = 1; month <= 12; month++) {
      if (year === cy && month < cm) continue;
      if (dc.closedYear !== null && year === dc.closedYear && month > closingMonth) continue;
      yield [year, month];
    }
  }
}

/**
 * Monthly meters of every data centre: IT ≈ design racks × utilisation × kW per rack × load
 * factor × hours (ramping up over the first 18 months), total = IT × PUE from the profile with
 * summer peaks, 30 % less overhead after a renovation; then the year's renewable electricity
 * split over green-power trading, certificates and own PV by the profile's renewable share.
 */
export function* dataCenterObservations(world: DemoWorld, random: Random, gaps: DemoGaps): Generator<ObservationInsert> {
  const lastYear = world.years.at(-1) ?? 2025;
  for (const dc of world.dataCenters) {
    const closingMonth = random.int(1, 12);
    // About one in seven buys no renewable electricity and reports zero (a known zero, not a gap).
    const usesRenewables = random.chance(0.85);
    const certificateFraction = random.float(0.15, 0.45);
    const pvFraction = random.chance(0.35) ? random.float(0.03, 0.12) : 0;
    const [cy, cm] = dc.commissionedOn.split('-').map(Number) as [number, number];
    const yearTotals = new Map<number, number>();
    for (const [year, month] of serviceMonths(dc, closingMonth, lastYear)) {
      const period = monthPeriod(year, month);
      if (gaps.dataCenterMissingMonth?.dataCenterId === dc.id && gaps.dataCenterMissingMonth.period === period) continue;
      const ramp = Math.min(1, 0.3 + (0.7 * ((year - cy) * 12 + month - cm)) / 18);
      const growth = dc.buildType === 'EXISTING' ? 1 + 0.01 * (year - FIRST_YEAR) : 1;
      const p = dc.profile;
      const itKwh =
        dc.designRacks *
        p.utilisation *
        p.kwPerRack *
        LOAD_FACTOR *
        hoursIn(year, month) *
        ramp *
        growth *
        (1 + 0.03 * season(month)) *
        (1 + random.normal(0, 0.02));
      const renovated = dc.renovatedYear !== null && (year > dc.renovatedYear || (year === dc.renovatedYear && month >= 7));
      const baseOverhead = (p.pue - 1) * (renovated ? 0.7 : 1) * (1 - 0.01 * (year - FIRST_YEAR));
      const rows = meterPair('DC_TOTAL_ENERGY_KWH', 'DC_IT_ENERGY_KWH', dc.id, period, itKwh, 1 + overhead(random, baseOverhead, month, 0.25));
      yearTotals.set(year, (yearTotals.get(year) ?? 0) + rows[0]!.value);
      yield* rows;
    }
    for (const [year, total] of yearTotals) {
      if (!usesRenewables) {
        yield obs('DC_RENEWABLE_CERTIFICATE_KWH', dc.id, String(year), 0);
        continue;
      }
      const renewable = total * Math.min(0.95, dc.profile.renewableShare * (0.6 + 0.1 * (year - FIRST_YEAR)));
      const period = String(year);
      const certificates = renewable * certificateFraction;
      const pv = renewable * pvFraction;
      if (year >= GREEN_POWER_FROM) {
        const share = year === GREEN_POWER_FROM ? 0.25 : 1;
        yield obs('DC_RENEWABLE_GREEN_POWER_KWH', dc.id, period, Math.round((renewable - certificates - pv) * share));
      }
      yield obs('DC_RENEWABLE_CERTIFICATE_KWH', dc.id, period, Math.round(certificates));
      if (pv > 0) yield obs('DC_RENEWABLE_ONSITE_PV_KWH', dc.id, period, Math.round(pv));
    }
  }
}

/** Monthly meters of core rooms from the profile's yearly IT MWh and PUE; renovation brings PUE to 1.32–1.48 from a month of its year. */
export function* coreRoomObservations(world: DemoWorld, random: Random): Generator<ObservationInsert> {
  for (const room of world.coreRooms) yield* coreRoom(room, world.years, random);
}

function* coreRoom(room: DemoCoreRoom, years: readonly number[], random: Random): Generator<ObservationInsert> {
  const renovatedPue = Math.min(room.profile.pue, random.float(1.32, 1.48));
  const renovatedMonth = random.int(1, 12);
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const renovated = room.renovatedYear !== null && (year > room.renovatedYear || (year === room.renovatedYear && month >= renovatedMonth));
      const pue = renovated ? renovatedPue : room.profile.pue;
      const itKwh =
        ((room.profile.itMwh * 1000 * hoursIn(year, month)) / 8760) * 1.03 ** (year - FIRST_YEAR) * (1 + 0.01 * season(month)) * (1 + random.normal(0, 0.02));
      yield* meterPair(
        'CORE_ROOM_TOTAL_ENERGY_KWH',
        'CORE_ROOM_IT_ENERGY_KWH',
        room.id,
        monthPeriod(year, month),
        itKwh,
        1 + overhead(random, pue - 1, month, 0.2),
      );
    }
  }
}
