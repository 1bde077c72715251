/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether a value may be published, as SDMX's OBS_CONF attribute (F free, C confidential). */
export type Confidentiality =
  /** Too few units contribute to publish it: shown only to callers who may read its unit-level inputs. */
  | 'CONFIDENTIAL'
  /** Published to every caller. */
  | 'FREE';

/**
 * How complete a value over a population (data centres, core machine rooms, enterprises) is, in the spirit of
 * SDMX's OBS_STATUS attribute: COMPLETE is its A (normal), PARTIAL its E (estimated: a ratio over the units
 * that reported, standing for the whole population), INSUFFICIENT its O (missing value) and NOT_APPLICABLE its
 * M (missing value: data cannot exist).
 */
export type CoverageStatus =
  /** Every unit of the population reported every input the value needs. */
  | 'COMPLETE'
  /** The matched units hold less than the indicator's minimum share: the value is null, and `missing` names the units that did not report. */
  | 'INSUFFICIENT'
  /** Nothing is registered in the population (no data centre, room or enterprise in scope in the year): no value can exist. Not a zero, and distinct from a zero denominator of reported figures. */
  | 'NOT_APPLICABLE'
  /** Some units have not reported (yet): the value is computed over the units that reported every input (matched units), which hold at least the indicator's minimum share of the population's weight. */
  | 'PARTIAL';

/** Which way is better. */
export type Direction =
  /** Higher values are better (rates, counts). */
  | 'HIGHER_IS_BETTER'
  /** Lower values are better (PUE). */
  | 'LOWER_IS_BETTER';

/** Where an indicator value is defined. */
export type IndicatorLevel =
  /** A designated data-centre cluster. */
  | 'CLUSTER'
  /** A single data centre. */
  | 'DATA_CENTER'
  /** A region (county, province or the nation), aggregating everything below it. */
  | 'REGION';

/** Quality status of a reported figure, in the spirit of SDMX OBS_STATUS. */
export type ObservationStatus =
  /** Final, published figure (itself still open to a recorded correction). */
  | 'FINAL'
  /** Preliminary figure that may still be revised. */
  | 'PROVISIONAL';

/** Level of an administrative division in the GB/T 2260 hierarchy. */
export type RegionLevel =
  /** County-level units: districts and counties, e.g. `500112` 渝北区. */
  | 'COUNTY'
  /** The whole country (`000000`). */
  | 'NATIONAL'
  /** Prefecture-level cities (none inside the two municipalities). */
  | 'PREFECTURE'
  /** Province-level units, including the municipalities Shanghai (`310000`) and Chongqing (`500000`). */
  | 'PROVINCE';

/** Whom a target binds. */
export type TargetScope =
  /** Each unit (data centre, enterprise, base station) in the jurisdiction, hence every aggregate inside it as well. */
  | 'EACH_UNIT'
  /** The jurisdiction's own figure only (a count or total: 30 zero-carbon factories in Shanghai binds Shanghai, not each district). */
  | 'JURISDICTION'
  /** The jurisdiction and each region or cluster inside it. */
  | 'SUB_REGIONS';

export type PublishedCoverageFragment = { status: CoverageStatus, unitsReporting: number, unitsExpected: number, share: number | null };

export type PublishedTargetFragment = { jurisdiction: string, symbol: string, value: number, year: number, cumulative: boolean, inherited: boolean, scope: TargetScope, binding: boolean, expected: boolean };

export type IndicatorGridQueryVariables = Exact<{
  codes?: Array<string | number> | string | number | null | undefined;
  regions: Array<string | number> | string | number;
  years: Array<number> | number;
  asOf?: string | null | undefined;
}>;


export type IndicatorGridQuery = { indicatorCube: { asOf: string, indicators: Array<{ code: string, unit: string }> | null, regions: Array<{ code: string, nameZh: string, nameEn: string }> | null, cells: Array<{ indicatorCode: string, regionCode: string, year: number, value: number | null, status: ObservationStatus | null, confidentiality: Confidentiality, meetsTarget: boolean | null, gapToTarget: number | null, progress: number | null, coverage: { status: CoverageStatus, unitsReporting: number, unitsExpected: number, share: number | null } | null, target: { jurisdiction: string, symbol: string, value: number, year: number, cumulative: boolean, inherited: boolean, scope: TargetScope, binding: boolean, expected: boolean } | null, missing: Array<{ metric: string, agency: string | null, message: string }> }> | null } | null };

export type PlanPeriodsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanPeriodsQuery = { planPeriods: Array<{ from: number, to: number, baselineYear: number }> | null };

export type ClusterGridQueryVariables = Exact<{
  codes?: Array<string | number> | string | number | null | undefined;
  clusters: Array<string | number> | string | number;
  years: Array<number> | number;
  asOf?: string | null | undefined;
}>;


export type ClusterGridQuery = { clusterIndicatorValues: Array<{ indicatorCode: string, scopeId: string, year: number, value: number | null, unit: string, status: ObservationStatus | null, confidentiality: Confidentiality, meetsTarget: boolean | null, progress: number | null, coverage: { status: CoverageStatus, unitsReporting: number, unitsExpected: number, share: number | null } | null, target: { jurisdiction: string, symbol: string, value: number, year: number, cumulative: boolean, inherited: boolean, scope: TargetScope, binding: boolean, expected: boolean } | null }> | null };

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { indicators: Array<{ code: string, nameZh: string, nameEn: string, unit: string, displayFactor: number, decimals: number, direction: Direction, baselineYear: number | null, levels: Array<IndicatorLevel>, responsibleAgency: string, sources: Array<{ seed: string, clause: string }>, inputs: Array<{ code: string, owner: string }> }> | null };

export type JurisdictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type JurisdictionsQuery = { regions: Array<{ code: string, nameZh: string, nameEn: string, children: Array<{ code: string }> }> | null };

export type JurisdictionQueryVariables = Exact<{
  code: string | number;
}>;


export type JurisdictionQuery = { region: { code: string, nameZh: string, nameEn: string, level: RegionLevel, children: Array<{ code: string, nameZh: string, nameEn: string }> } | null, dataCenterClusters: Array<{ id: string, nameZh: string, nameEn: string, zones: Array<{ id: string, nameZh: string, nameEn: string }> }> | null };

export type ShutdownScreenQueryVariables = Exact<{
  region: string | number;
  year: number;
  asOf?: string | null | undefined;
}>;


export type ShutdownScreenQuery = { dataCenterShutdownCandidates: { criteria: { pueAbove: number, racksAtMost: number, yearsInOperationAtLeast: number }, candidates: Array<{ dataCenter: { id: string } }>, unscreened: Array<{ dataCenter: { id: string } }> } | null };

export type InputRevisionsQueryVariables = Exact<{
  regions: Array<string | number> | string | number;
  years: Array<number> | number;
  asOf?: string | null | undefined;
}>;


export type InputRevisionsQuery = { indicatorValues: Array<{ indicatorCode: string, year: number, inputs: Array<{ agency: string, year: number, updatedAt: string | null, units: number | null, metric: { code: string, nameZh: string, nameEn: string } }> }> | null };

export type DataCentrePueQueryVariables = Exact<{
  region: string | number;
  year: number;
  asOf?: string | null | undefined;
}>;


export type DataCentrePueQuery = { indicatorValues: Array<{ dataCenterPopulation: { dataCenters: Array<{ pue: number | null }> } | null }> | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PublishedCoverageFragmentDoc = new TypedDocumentString(`
    fragment PublishedCoverage on Coverage {
  status
  unitsReporting
  unitsExpected
  share
}
    `, {"fragmentName":"PublishedCoverage"}) as unknown as TypedDocumentString<PublishedCoverageFragment, unknown>;
export const PublishedTargetFragmentDoc = new TypedDocumentString(`
    fragment PublishedTarget on Target {
  jurisdiction
  symbol
  value
  year
  cumulative
  inherited
  scope
  binding
  expected
}
    `, {"fragmentName":"PublishedTarget"}) as unknown as TypedDocumentString<PublishedTargetFragment, unknown>;
export const IndicatorGridDocument = new TypedDocumentString(`
    query IndicatorGrid($codes: [ID!], $regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {
  indicatorCube(codes: $codes, regions: $regions, years: $years, asOf: $asOf) {
    asOf
    indicators {
      code
      unit
    }
    regions {
      code
      nameZh
      nameEn
    }
    cells {
      indicatorCode
      regionCode
      year
      value
      status
      confidentiality
      coverage {
        ...PublishedCoverage
      }
      meetsTarget
      gapToTarget
      progress
      target {
        ...PublishedTarget
      }
      missing {
        metric
        agency
        message
      }
    }
  }
}
    fragment PublishedCoverage on Coverage {
  status
  unitsReporting
  unitsExpected
  share
}
fragment PublishedTarget on Target {
  jurisdiction
  symbol
  value
  year
  cumulative
  inherited
  scope
  binding
  expected
}`) as unknown as TypedDocumentString<IndicatorGridQuery, IndicatorGridQueryVariables>;
export const PlanPeriodsDocument = new TypedDocumentString(`
    query PlanPeriods {
  planPeriods {
    from
    to
    baselineYear
  }
}
    `) as unknown as TypedDocumentString<PlanPeriodsQuery, PlanPeriodsQueryVariables>;
export const ClusterGridDocument = new TypedDocumentString(`
    query ClusterGrid($codes: [ID!], $clusters: [ID!]!, $years: [Int!]!, $asOf: DateTime) {
  clusterIndicatorValues(
    codes: $codes
    clusters: $clusters
    years: $years
    asOf: $asOf
  ) {
    indicatorCode
    scopeId
    year
    value
    unit
    status
    confidentiality
    coverage {
      ...PublishedCoverage
    }
    meetsTarget
    progress
    target {
      ...PublishedTarget
    }
  }
}
    fragment PublishedCoverage on Coverage {
  status
  unitsReporting
  unitsExpected
  share
}
fragment PublishedTarget on Target {
  jurisdiction
  symbol
  value
  year
  cumulative
  inherited
  scope
  binding
  expected
}`) as unknown as TypedDocumentString<ClusterGridQuery, ClusterGridQueryVariables>;
export const CatalogDocument = new TypedDocumentString(`
    query Catalog {
  indicators {
    code
    nameZh
    nameEn
    unit
    displayFactor
    decimals
    direction
    baselineYear
    levels
    responsibleAgency
    sources {
      seed
      clause
    }
    inputs {
      code
      owner
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogQuery, CatalogQueryVariables>;
export const JurisdictionsDocument = new TypedDocumentString(`
    query Jurisdictions {
  regions(level: PROVINCE) {
    code
    nameZh
    nameEn
    children {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<JurisdictionsQuery, JurisdictionsQueryVariables>;
export const JurisdictionDocument = new TypedDocumentString(`
    query Jurisdiction($code: ID!) {
  region(code: $code) {
    code
    nameZh
    nameEn
    level
    children {
      code
      nameZh
      nameEn
    }
  }
  dataCenterClusters(province: $code) {
    id
    nameZh
    nameEn
    zones {
      id
      nameZh
      nameEn
    }
  }
}
    `) as unknown as TypedDocumentString<JurisdictionQuery, JurisdictionQueryVariables>;
export const ShutdownScreenDocument = new TypedDocumentString(`
    query ShutdownScreen($region: ID!, $year: Int!, $asOf: DateTime) {
  dataCenterShutdownCandidates(region: $region, year: $year, asOf: $asOf) {
    criteria {
      pueAbove
      racksAtMost
      yearsInOperationAtLeast
    }
    candidates {
      dataCenter {
        id
      }
    }
    unscreened {
      dataCenter {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ShutdownScreenQuery, ShutdownScreenQueryVariables>;
export const InputRevisionsDocument = new TypedDocumentString(`
    query InputRevisions($regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {
  indicatorValues(regions: $regions, years: $years, asOf: $asOf) {
    indicatorCode
    year
    inputs {
      metric {
        code
        nameZh
        nameEn
      }
      agency
      year
      updatedAt
      units
    }
  }
}
    `) as unknown as TypedDocumentString<InputRevisionsQuery, InputRevisionsQueryVariables>;
export const DataCentrePueDocument = new TypedDocumentString(`
    query DataCentrePue($region: ID!, $year: Int!, $asOf: DateTime) {
  indicatorValues(
    codes: ["DC_PUE"]
    regions: [$region]
    years: [$year]
    asOf: $asOf
  ) {
    dataCenterPopulation {
      dataCenters {
        pue
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DataCentrePueQuery, DataCentrePueQueryVariables>;