import type { Agency } from './agencies.ts';
import { capitalised } from './names.ts';

/** What varies with the kind of unit an indicator sums over. */
export interface UnitKind {
  /** The agency whose register lists the units and places them in regions (and clusters). */
  register: Agency;
  /** The field of a unit-year that names its unit: what `missing` lists for units that did not report. */
  idField: string;
  /** How messages name one unit. */
  noun: string;
  /** Prefix of the kind's fields on an indicator cube: `<prefix>Populations`, `<prefix>Years`, `<prefix><Field>` columns. */
  cubePrefix: string;
  /**
   * The field of the kind's population entity (`populationType`, e.g. `CoreMachineRoomPopulation.coreMachineRooms`) that lists
   * a value's units as entities; null where they travel as the entity's columns instead (data centres:
   * `DataCenterPopulation`, shared by indicators over the same units).
   */
  valueList: string | null;
  /**
   * The register's public fields that say which months of a year a unit was in service (a monthly flow must cover them to
   * count as reported, lib/indicators/months-in-service.ts): the day it went into service and the year it closed (the
   * register keeps no closing month). Null where the register keeps neither: its units are in service all year.
   */
  inService: { since: string; closedYear: string } | null;
}

/** The kinds of unit, one row each: the engine, the cube and the generated `@requires` iterate this table. */
export const UNIT_KINDS = {
  DATA_CENTER: {
    register: 'bigdata',
    idField: 'dataCenterId',
    noun: 'data centre',
    cubePrefix: 'dataCenter',
    valueList: null,
    inService: { since: 'commissionedOn', closedYear: 'closedYear' },
  },
  CORE_ROOM: {
    register: 'comms',
    idField: 'coreMachineRoomId',
    noun: 'core machine room',
    cubePrefix: 'coreMachineRoom',
    valueList: 'coreMachineRooms',
    inService: null,
  },
  ENTERPRISE: { register: 'econ', idField: 'uscc', noun: 'enterprise', cubePrefix: 'enterprise', valueList: 'enterprises', inService: null },
} as const satisfies Record<string, UnitKind>;

export type UnitKindCode = keyof typeof UNIT_KINDS;
export const UNIT_KIND_CODES = Object.keys(UNIT_KINDS) as UnitKindCode[];

/** A unit field as a cube column of its kind: `designRacks` of data centres → `dataCenterDesignRacks`. */
export const unitColumn = (kind: UnitKindCode, field: string): string => `${UNIT_KINDS[kind].cubePrefix}${capitalised(field)}`;

/** The field of an IndicatorValue that refers to its population of a kind of unit: `dataCenterPopulation`, `coreMachineRoomPopulation`. */
export const populationField = (kind: UnitKindCode): string => `${UNIT_KINDS[kind].cubePrefix}Population`;
/** The per-value entity that carries a population of a kind of unit (keyed like the value): `DataCenterPopulation`, `EnterprisePopulation`. */
export const populationType = (kind: UnitKindCode): string => capitalised(populationField(kind));
