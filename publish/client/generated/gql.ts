/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PublishedCoverage on Coverage {\n    status\n    unitsReporting\n    unitsExpected\n    share\n  }\n": typeof types.PublishedCoverageFragmentDoc,
    "\n  fragment PublishedTarget on Target {\n    jurisdiction\n    symbol\n    value\n    year\n    cumulative\n    inherited\n    scope\n    binding\n    expected\n  }\n": typeof types.PublishedTargetFragmentDoc,
    "\n  query IndicatorGrid($codes: [ID!], $regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    indicatorCube(codes: $codes, regions: $regions, years: $years, asOf: $asOf) {\n      asOf\n      indicators {\n        code\n        unit\n      }\n      regions {\n        code\n        nameZh\n        nameEn\n      }\n      cells {\n        indicatorCode\n        regionCode\n        year\n        value\n        status\n        confidentiality\n        coverage {\n          ...PublishedCoverage\n        }\n        meetsTarget\n        gapToTarget\n        progress\n        target {\n          ...PublishedTarget\n        }\n        missing {\n          metric\n          agency\n          message\n        }\n      }\n    }\n  }\n": typeof types.IndicatorGridDocument,
    "\n  query PlanPeriods {\n    planPeriods {\n      from\n      to\n      baselineYear\n    }\n  }\n": typeof types.PlanPeriodsDocument,
    "\n  query ClusterGrid($codes: [ID!], $clusters: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    clusterIndicatorValues(codes: $codes, clusters: $clusters, years: $years, asOf: $asOf) {\n      indicatorCode\n      scopeId\n      year\n      value\n      unit\n      status\n      confidentiality\n      coverage {\n        ...PublishedCoverage\n      }\n      meetsTarget\n      progress\n      target {\n        ...PublishedTarget\n      }\n    }\n  }\n": typeof types.ClusterGridDocument,
    "\n  query Catalog {\n    indicators {\n      code\n      nameZh\n      nameEn\n      unit\n      displayFactor\n      decimals\n      direction\n      baselineYear\n      levels\n      responsibleAgency\n      sources {\n        seed\n        clause\n      }\n      inputs {\n        code\n        owner\n      }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  query Jurisdictions {\n    regions(level: PROVINCE) {\n      code\n      nameZh\n      nameEn\n      children {\n        code\n      }\n    }\n  }\n": typeof types.JurisdictionsDocument,
    "\n  query Jurisdiction($code: ID!) {\n    region(code: $code) {\n      code\n      nameZh\n      nameEn\n      level\n      children {\n        code\n        nameZh\n        nameEn\n      }\n    }\n    dataCenterClusters(province: $code) {\n      id\n      nameZh\n      nameEn\n      zones {\n        id\n        nameZh\n        nameEn\n      }\n    }\n  }\n": typeof types.JurisdictionDocument,
    "\n  query ShutdownScreen($region: ID!, $year: Int!, $asOf: DateTime) {\n    dataCenterShutdownCandidates(region: $region, year: $year, asOf: $asOf) {\n      criteria {\n        pueAbove\n        racksAtMost\n        yearsInOperationAtLeast\n      }\n      candidates {\n        dataCenter {\n          id\n        }\n      }\n      unscreened {\n        dataCenter {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ShutdownScreenDocument,
    "\n  query InputRevisions($regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    indicatorValues(regions: $regions, years: $years, asOf: $asOf) {\n      indicatorCode\n      year\n      inputs {\n        metric {\n          code\n          nameZh\n          nameEn\n        }\n        agency\n        year\n        updatedAt\n        units\n      }\n    }\n  }\n": typeof types.InputRevisionsDocument,
    "\n  query DataCentrePue($region: ID!, $year: Int!, $asOf: DateTime) {\n    indicatorValues(codes: [\"DC_PUE\"], regions: [$region], years: [$year], asOf: $asOf) {\n      dataCenterPopulation {\n        dataCenters {\n          pue\n        }\n      }\n    }\n  }\n": typeof types.DataCentrePueDocument,
};
const documents: Documents = {
    "\n  fragment PublishedCoverage on Coverage {\n    status\n    unitsReporting\n    unitsExpected\n    share\n  }\n": types.PublishedCoverageFragmentDoc,
    "\n  fragment PublishedTarget on Target {\n    jurisdiction\n    symbol\n    value\n    year\n    cumulative\n    inherited\n    scope\n    binding\n    expected\n  }\n": types.PublishedTargetFragmentDoc,
    "\n  query IndicatorGrid($codes: [ID!], $regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    indicatorCube(codes: $codes, regions: $regions, years: $years, asOf: $asOf) {\n      asOf\n      indicators {\n        code\n        unit\n      }\n      regions {\n        code\n        nameZh\n        nameEn\n      }\n      cells {\n        indicatorCode\n        regionCode\n        year\n        value\n        status\n        confidentiality\n        coverage {\n          ...PublishedCoverage\n        }\n        meetsTarget\n        gapToTarget\n        progress\n        target {\n          ...PublishedTarget\n        }\n        missing {\n          metric\n          agency\n          message\n        }\n      }\n    }\n  }\n": types.IndicatorGridDocument,
    "\n  query PlanPeriods {\n    planPeriods {\n      from\n      to\n      baselineYear\n    }\n  }\n": types.PlanPeriodsDocument,
    "\n  query ClusterGrid($codes: [ID!], $clusters: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    clusterIndicatorValues(codes: $codes, clusters: $clusters, years: $years, asOf: $asOf) {\n      indicatorCode\n      scopeId\n      year\n      value\n      unit\n      status\n      confidentiality\n      coverage {\n        ...PublishedCoverage\n      }\n      meetsTarget\n      progress\n      target {\n        ...PublishedTarget\n      }\n    }\n  }\n": types.ClusterGridDocument,
    "\n  query Catalog {\n    indicators {\n      code\n      nameZh\n      nameEn\n      unit\n      displayFactor\n      decimals\n      direction\n      baselineYear\n      levels\n      responsibleAgency\n      sources {\n        seed\n        clause\n      }\n      inputs {\n        code\n        owner\n      }\n    }\n  }\n": types.CatalogDocument,
    "\n  query Jurisdictions {\n    regions(level: PROVINCE) {\n      code\n      nameZh\n      nameEn\n      children {\n        code\n      }\n    }\n  }\n": types.JurisdictionsDocument,
    "\n  query Jurisdiction($code: ID!) {\n    region(code: $code) {\n      code\n      nameZh\n      nameEn\n      level\n      children {\n        code\n        nameZh\n        nameEn\n      }\n    }\n    dataCenterClusters(province: $code) {\n      id\n      nameZh\n      nameEn\n      zones {\n        id\n        nameZh\n        nameEn\n      }\n    }\n  }\n": types.JurisdictionDocument,
    "\n  query ShutdownScreen($region: ID!, $year: Int!, $asOf: DateTime) {\n    dataCenterShutdownCandidates(region: $region, year: $year, asOf: $asOf) {\n      criteria {\n        pueAbove\n        racksAtMost\n        yearsInOperationAtLeast\n      }\n      candidates {\n        dataCenter {\n          id\n        }\n      }\n      unscreened {\n        dataCenter {\n          id\n        }\n      }\n    }\n  }\n": types.ShutdownScreenDocument,
    "\n  query InputRevisions($regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    indicatorValues(regions: $regions, years: $years, asOf: $asOf) {\n      indicatorCode\n      year\n      inputs {\n        metric {\n          code\n          nameZh\n          nameEn\n        }\n        agency\n        year\n        updatedAt\n        units\n      }\n    }\n  }\n": types.InputRevisionsDocument,
    "\n  query DataCentrePue($region: ID!, $year: Int!, $asOf: DateTime) {\n    indicatorValues(codes: [\"DC_PUE\"], regions: [$region], years: [$year], asOf: $asOf) {\n      dataCenterPopulation {\n        dataCenters {\n          pue\n        }\n      }\n    }\n  }\n": types.DataCentrePueDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublishedCoverage on Coverage {\n    status\n    unitsReporting\n    unitsExpected\n    share\n  }\n"): typeof import('./graphql.js').PublishedCoverageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublishedTarget on Target {\n    jurisdiction\n    symbol\n    value\n    year\n    cumulative\n    inherited\n    scope\n    binding\n    expected\n  }\n"): typeof import('./graphql.js').PublishedTargetFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorGrid($codes: [ID!], $regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    indicatorCube(codes: $codes, regions: $regions, years: $years, asOf: $asOf) {\n      asOf\n      indicators {\n        code\n        unit\n      }\n      regions {\n        code\n        nameZh\n        nameEn\n      }\n      cells {\n        indicatorCode\n        regionCode\n        year\n        value\n        status\n        confidentiality\n        coverage {\n          ...PublishedCoverage\n        }\n        meetsTarget\n        gapToTarget\n        progress\n        target {\n          ...PublishedTarget\n        }\n        missing {\n          metric\n          agency\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').IndicatorGridDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanPeriods {\n    planPeriods {\n      from\n      to\n      baselineYear\n    }\n  }\n"): typeof import('./graphql.js').PlanPeriodsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterGrid($codes: [ID!], $clusters: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    clusterIndicatorValues(codes: $codes, clusters: $clusters, years: $years, asOf: $asOf) {\n      indicatorCode\n      scopeId\n      year\n      value\n      unit\n      status\n      confidentiality\n      coverage {\n        ...PublishedCoverage\n      }\n      meetsTarget\n      progress\n      target {\n        ...PublishedTarget\n      }\n    }\n  }\n"): typeof import('./graphql.js').ClusterGridDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    indicators {\n      code\n      nameZh\n      nameEn\n      unit\n      displayFactor\n      decimals\n      direction\n      baselineYear\n      levels\n      responsibleAgency\n      sources {\n        seed\n        clause\n      }\n      inputs {\n        code\n        owner\n      }\n    }\n  }\n"): typeof import('./graphql.js').CatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jurisdictions {\n    regions(level: PROVINCE) {\n      code\n      nameZh\n      nameEn\n      children {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql.js').JurisdictionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jurisdiction($code: ID!) {\n    region(code: $code) {\n      code\n      nameZh\n      nameEn\n      level\n      children {\n        code\n        nameZh\n        nameEn\n      }\n    }\n    dataCenterClusters(province: $code) {\n      id\n      nameZh\n      nameEn\n      zones {\n        id\n        nameZh\n        nameEn\n      }\n    }\n  }\n"): typeof import('./graphql.js').JurisdictionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShutdownScreen($region: ID!, $year: Int!, $asOf: DateTime) {\n    dataCenterShutdownCandidates(region: $region, year: $year, asOf: $asOf) {\n      criteria {\n        pueAbove\n        racksAtMost\n        yearsInOperationAtLeast\n      }\n      candidates {\n        dataCenter {\n          id\n        }\n      }\n      unscreened {\n        dataCenter {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ShutdownScreenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputRevisions($regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {\n    indicatorValues(regions: $regions, years: $years, asOf: $asOf) {\n      indicatorCode\n      year\n      inputs {\n        metric {\n          code\n          nameZh\n          nameEn\n        }\n        agency\n        year\n        updatedAt\n        units\n      }\n    }\n  }\n"): typeof import('./graphql.js').InputRevisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataCentrePue($region: ID!, $year: Int!, $asOf: DateTime) {\n    indicatorValues(codes: [\"DC_PUE\"], regions: [$region], years: [$year], asOf: $asOf) {\n      dataCenterPopulation {\n        dataCenters {\n          pue\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DataCentrePueDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
