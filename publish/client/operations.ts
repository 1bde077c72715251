// The public GraphQL operations the exports, the annual report and the dashboard send to the gateway.
// `npm run codegen` types them (client preset, over schema/supergraph.graphql) into ./generated/.
import { graphql } from './generated/index.ts';

/** A value's coverage as a published table shows it: the grids' and the clusters' alike. */
export const PublishedCoverageFragment = graphql(`
  fragment PublishedCoverage on Coverage {
    status
    unitsReporting
    unitsExpected
    share
  }
`);

/** The target a value is judged against, as a published table shows it. */
export const PublishedTargetFragment = graphql(`
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
`);

/**
 * One grid of indicator values with what a published table needs: the figure, its status and confidentiality,
 * the target, and the catalog's display rules. Observation attributes a statistical tool reads go here too,
 * each with one row in publish/export/attributes.ts (coverage of a value over units, progress to the target).
 * A grid is read from the cube's rows, one record per cell at a fraction of `indicatorValues`' cost; ./grid.ts
 * names them as `IndicatorValue` does.
 */
export const IndicatorGridDocument = graphql(`
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
`);

/** The plan periods, whose baseline years a grid's progress figures are read against. */
export const PlanPeriodsDocument = graphql(`
  query PlanPeriods {
    planPeriods {
      from
      to
      baselineYear
    }
  }
`);

/** The same per designated cluster or zone (inside versus outside the cluster). */
export const ClusterGridDocument = graphql(`
  query ClusterGrid($codes: [ID!], $clusters: [ID!]!, $years: [Int!]!, $asOf: DateTime) {
    clusterIndicatorValues(codes: $codes, clusters: $clusters, years: $years, asOf: $asOf) {
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
`);

/** The catalog: names, units and display rules of every indicator, with its sources. */
export const CatalogDocument = graphql(`
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
`);

/** The provinces the federation's code list holds, with their districts: the jurisdictions a reader may pick (those with districts). */
export const JurisdictionsDocument = graphql(`
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
`);

/** A jurisdiction with its districts and its designated clusters. */
export const JurisdictionDocument = graphql(`
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
`);

/** The seed 003 shutdown screen, as counts (the candidates themselves are unit-level: reader role). */
export const ShutdownScreenDocument = graphql(`
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
`);

/**
 * Each input as it went into a jurisdiction's values: its owner and the latest revision among the observations
 * read (`updatedAt`: region figures, and the owners' sums over units, which have `units`; null for a register attribute),
 * for the report's per-input revision stamps. The figures themselves are not asked for.
 */
export const InputRevisionsDocument = graphql(`
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
`);

/** Each data centre's PUE in a region and year, as of an instant: unit-level (reader role), for the PUE distribution. */
export const DataCentrePueDocument = graphql(`
  query DataCentrePue($region: ID!, $year: Int!, $asOf: DateTime) {
    indicatorValues(codes: ["DC_PUE"], regions: [$region], years: [$year], asOf: $asOf) {
      dataCenterPopulation {
        dataCenters {
          pue
        }
      }
    }
  }
`);
