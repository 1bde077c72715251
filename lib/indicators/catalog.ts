import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AGENCIES, type Agency } from '../agencies.ts';
import { capitalised } from '../names.ts';
import { projectPath } from '../paths.ts';
import { UNIT_KINDS, type UnitKind, type UnitKindCode } from '../unit-kinds.ts';
import { parseYaml } from '../yaml.ts';
import { GRAPHQL_INT_MAX } from '../writes/fields.ts';
import { parseFormula, references, FormulaError, type FormulaNode, type FormulaReferences } from './formula.ts';

const CATALOG_DIR = projectPath('catalog');

export const SUBJECT_KINDS = ['REGION', 'DATA_CENTER', 'CORE_ROOM', 'ENTERPRISE'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type UnitSubject = Exclude<SubjectKind, 'REGION'>;

// Every kind of unit has its row in the unit-kinds table (lib/unit-kinds.ts), and nothing else is a unit.
const KINDS: Record<UnitSubject, UnitKind> & Record<UnitKindCode, unknown> = UNIT_KINDS;

/** The field of a unit-year that names its unit, per kind of unit: what `missing` lists for units that did not report. */
export const UNIT_ID_FIELD = Object.fromEntries(Object.entries(KINDS).map(([kind, { idField }]) => [kind, idField])) as Record<UnitSubject, string>;

/** Least coverage (by weight) a value over a population needs to be published, unless the indicator says otherwise. */
export const DEFAULT_MINIMUM_COVERAGE = 0.9;
/** Relative difference between a region's own figure and the sum of its parts that is still agreement: 1 %. */
export const DEFAULT_REGION_TOLERANCE = 0.01;
/** Weighing units by number rather than by a register attribute. */
export const COUNT_WEIGHT = 'COUNT';
/** What its owner's submit mutation accepts for a metric agencies push as observations. */
const Observation = z
  .object({
    periodicity: z.enum(['ANNUAL', 'MONTHLY']),
    /** REGION metrics: the only level values are reported at; higher levels are sums. */
    subjectLevel: z.enum(['PROVINCE', 'PREFECTURE', 'COUNTY']).optional(),
    integer: z.boolean().default(false),
    /** The largest plausible value of one observation; a wrong unit or decimal point goes beyond it. */
    max: z.number().positive(),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
    source: z.string().optional(),
  })
  .strict()
  .refine((o) => !o.integer || o.max <= GRAPHQL_INT_MAX, { message: `an integer metric's max must fit GraphQL's Int (${GRAPHQL_INT_MAX})` });

const Metric = z
  .object({
    owner: z.enum(AGENCIES),
    subject: z.enum(SUBJECT_KINDS),
    field: z.string().optional(),
    statusField: z.string().optional(),
    unitLevel: z.boolean().default(false),
    unit: z.string(),
    aggregation: z.enum(['FLOW', 'STOCK']),
    nameZh: z.string(),
    nameEn: z.string(),
    /**
     * Region metrics: how far (a fraction of the region's own figure) the sum of its parts may differ from a
     * figure the region reported itself before the value carries REGION_TOTAL_DISAGREES_WITH_PARTS.
     */
    tolerance: z.number().min(0).default(DEFAULT_REGION_TOLERANCE),
    /** Pushed as observations through `submit<Owner>Observations`. */
    observation: Observation.optional(),
    /** An observed metric indicators do not read directly: its owner adds it into this catalog metric. */
    feeds: z.string().optional(),
    /** Derived from a register of its owner, kept through this mutation (`upsertSites5G`). */
    register: z.string().optional(),
    /**
     * A count of the owner's designations of data centres, counted where this agency's register places each
     * data centre rather than where the owner recorded the designation: this agency computes the region fact.
     */
    placedBy: z.enum(AGENCIES).optional(),
    /**
     * A unit's figure cannot exceed this register metric of the same unit (racks in use ≤ design racks). The owner checks
     * its own figures against it and answers the count of units above it on a population as `check` (a `UnitCheck`
     * field of its SDL, whose `@requires` `npm run codegen` writes); values over the population carry the quality flag
     * `<CODE>_ABOVE_REGISTERED`.
     */
    atMost: z.object({ metric: z.string(), check: z.string() }).strict().optional(),
  })
  .strict()
  .refine((m) => m.feeds !== undefined || (m.subject === 'REGION') === (m.field === undefined), {
    message: 'unit-level metrics need `field`, region metrics must not have one',
  })
  .refine((m) => m.subject !== 'REGION' || m.statusField === undefined, { message: 'only unit-level metrics have a `statusField`' })
  .refine((m) => m.subject !== 'REGION' || !m.unitLevel, { message: 'a region metric is an aggregate, not `unitLevel`' })
  .refine((m) => m.feeds === undefined || (m.observation !== undefined && m.field === undefined), {
    message: 'a metric that `feeds` another is observed and has no `field` of its own',
  })
  .refine((m) => m.observation === undefined || m.register === undefined, { message: 'a metric is either observed or read from a register, not both' })
  .refine((m) => m.observation?.subjectLevel === undefined || m.subject === 'REGION', { message: '`subjectLevel` is for REGION metrics' })
  .refine((m) => m.placedBy === undefined || (m.subject === 'REGION' && m.register !== undefined && m.placedBy !== m.owner), {
    message: "`placedBy` is for a region count of the owner's register, placed by another agency",
  });

/** A plan period (catalog/periods.yaml): its targets judge years from `from` to `to`, against `baselineYear`. */
const Period = z
  .object({
    nameZh: z.string(),
    nameEn: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    baselineYear: z.number().int(),
  })
  .strict()
  .refine((p) => p.baselineYear < p.from && p.from <= p.to, { message: 'a period needs baselineYear < from <= to' });

/** Who a target binds (DOMAIN.md semantics 10): its jurisdiction alone, also each sub-region or cluster in it, or each unit. */
export const TARGET_SCOPES = ['JURISDICTION', 'SUB_REGIONS', 'EACH_UNIT'] as const;
/** LEVEL: the year's value is compared as it stands; CHANGE: the value is itself a change since the period's baseline (zero in the baseline year). */
export const TARGET_MEASURES = ['LEVEL', 'CHANGE'] as const;

const Target = z
  .object({
    jurisdiction: z.string(),
    comparator: z.enum(['<', '<=', '>=', '>']),
    value: z.number(),
    year: z.number().int(),
    period: z.string(),
    scope: z.enum(TARGET_SCOPES),
    measure: z.enum(TARGET_MEASURES),
    /** Interim values the seed states for years before `year` (display units), e.g. a retrofit schedule. */
    milestones: z.array(z.object({ year: z.number().int(), value: z.number() }).strict()).default([]),
    /** The seed clause that sets this target, and why the scope and measure read as they do. */
    source: z.string(),
    /** The seed calls the value expected (预期值) rather than binding. */
    expected: z.boolean().default(false),
  })
  .strict();

const Indicator = z
  .object({
    nameZh: z.string(),
    nameEn: z.string(),
    definition: z.string(),
    unit: z.string(),
    displayFactor: z.number().positive(),
    decimals: z.number().int().min(0),
    formula: z.string(),
    baselineYear: z.number().int().optional(),
    population: z
      .object({ subject: z.enum(['DATA_CENTER', 'CORE_ROOM', 'ENTERPRISE']), where: z.record(z.array(z.union([z.string(), z.boolean()]))).default({}) })
      .strict()
      .optional(),
    /**
     * For values over a population: the least share of the population's weight the matched units (those that
     * reported every input) must hold for the value to be published, and what weighs a unit: a register metric
     * of the population (design racks) or `COUNT` (each unit weighs one).
     */
    coverage: z
      .object({ minimum: z.number().gt(0).max(1).default(DEFAULT_MINIMUM_COVERAGE), weight: z.string().default(COUNT_WEIGHT) })
      .strict()
      .optional(),
    direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
    levels: z.array(z.enum(['DATA_CENTER', 'CLUSTER', 'REGION'])).nonempty(),
    /** The only regions the value exists for (a national count has no provincial value); absent: every region. */
    regions: z.array(z.string()).nonempty().optional(),
    responsibleAgency: z.enum(AGENCIES),
    source: z.array(z.object({ seed: z.string(), clause: z.string() }).strict()).nonempty(),
    notes: z.string().optional(),
    targets: z.array(Target),
  })
  .strict();

export type MetricDefinition = z.infer<typeof Metric> & {
  code: string;
  /** The observed metrics that feed this one (`feeds`), in catalog order. */
  fedBy: string[];
};
export type TargetDefinition = z.infer<typeof Target>;
export type PeriodDefinition = z.infer<typeof Period> & { code: string };
export type TargetScope = (typeof TARGET_SCOPES)[number];
export type IndicatorDefinition = z.infer<typeof Indicator> & {
  code: string;
  ast: FormulaNode;
  refs: FormulaReferences;
  /** Region-level metrics this indicator needs, its own and those of indicators it uses. */
  regionMetrics: string[];
  /** The `unitLevel` metrics its sums read: what makes a small aggregate of it confidential. */
  unitLevelInputs: MetricDefinition[];
  /**
   * The one agency that owns those unit-level metrics, and so sums them over the matched units itself (the
   * owner's aggregate): only sums, counts and public unit ids then leave it. Undefined without unit-level inputs.
   */
  unitLevelOwner?: Agency;
  /** For values over a population: the coverage rule, defaults filled in. */
  coverageRule?: CoverageRule;
  /** The unit metrics its sums read, by code: what a unit must have reported to be matched. */
  unitInputs: MetricDefinition[];
  /**
   * The indicator whose population stands for this one's: the first by code with the same population definition and
   * baseline. Values of indicators over the same data centres (PUE, rack utilisation, renewable share) then name one
   * population, which the gateway fetches once.
   */
  populationCode: string;
  /** The agencies a value of it reads: owners (and placers) of its metrics, and the keeper of its population's register. */
  agenciesRead: ReadonlySet<Agency>;
};

/** When a value over a population is published: `weight` is a register metric of its units, or null for a count. */
export interface CoverageRule {
  minimum: number;
  weight: MetricDefinition | null;
}

export interface Catalog {
  metrics: Map<string, MetricDefinition>;
  indicators: Map<string, IndicatorDefinition>;
  /** Plan periods, earliest first. */
  periods: Map<string, PeriodDefinition>;
}

export class CatalogError extends Error {}

/** Loads and validates the catalog; every problem is reported at once, each naming its entry. */
export function loadCatalog(dir = CATALOG_DIR, agencies: readonly string[] = AGENCIES): Catalog {
  const problems: string[] = [];
  const read = (file: string) => parseYaml(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

  const periods = new Map<string, PeriodDefinition>();
  for (const [code, raw] of Object.entries(read('periods.yaml'))) {
    const parsed = Period.safeParse(raw);
    if (!parsed.success) problems.push(`period ${code}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    else periods.set(code, { ...parsed.data, code });
  }

  const metrics = new Map<string, MetricDefinition>();
  for (const [code, raw] of Object.entries(read('metrics.yaml'))) {
    const parsed = Metric.safeParse(raw);
    if (!parsed.success) problems.push(`metric ${code}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    else if (!agencies.includes(parsed.data.owner)) problems.push(`metric ${code}: owner ${parsed.data.owner} is not a subgraph of the supergraph`);
    else metrics.set(code, { ...parsed.data, code, fedBy: [] });
  }

  for (const metric of metrics.values()) {
    if (metric.feeds === undefined) continue;
    const fed = metrics.get(metric.feeds);
    if (!fed || fed.owner !== metric.owner) problems.push(`metric ${metric.code}: feeds "${metric.feeds}", which is not a ${metric.owner} metric`);
    else fed.fedBy.push(metric.code);
  }
  for (const metric of metrics.values()) {
    if (!metric.atMost) continue;
    const bound = metrics.get(metric.atMost.metric);
    if (metric.field === undefined || !bound?.field || bound.subject !== metric.subject || bound.register === undefined) {
      problems.push(`metric ${metric.code}: atMost ${metric.atMost.metric} must be a register metric of the same units`);
    }
  }
  for (const metric of metrics.values()) {
    const writable = metric.observation !== undefined || metric.register !== undefined || metric.fedBy.length > 0;
    if (!writable) problems.push(`metric ${metric.code}: no way to write it; give it \`observation\`, \`register\` or a metric that \`feeds\` it`);
  }

  const indicators = new Map<string, IndicatorDefinition>();
  for (const [code, raw] of Object.entries(read('indicators.yaml'))) {
    const parsed = Indicator.safeParse(raw);
    if (!parsed.success) {
      problems.push(`indicator ${code}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      continue;
    }
    try {
      const ast = parseFormula(parsed.data.formula);
      indicators.set(code, {
        ...parsed.data,
        code,
        ast,
        refs: references(ast),
        regionMetrics: [],
        unitLevelInputs: [],
        unitInputs: [],
        populationCode: code,
        agenciesRead: new Set(),
      });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.push(`indicator ${code}: ${error.message}`);
    }
  }

  for (const indicator of indicators.values()) {
    for (const name of indicator.refs.scalar) {
      const metric = metrics.get(name);
      if (!metric && !indicators.has(name)) problems.push(`indicator ${indicator.code}: "${name}" is neither a metric nor an indicator`);
      if (metric?.feeds !== undefined) problems.push(`indicator ${indicator.code}: ${name} feeds ${metric.feeds}; read ${metric.feeds}`);
      else if (metric && metric.subject !== 'REGION') problems.push(`indicator ${indicator.code}: unit-level metric ${name} must be inside sum()`);
    }
    for (const name of [...indicator.refs.unit].sort()) {
      const metric = metrics.get(name);
      if (metric) indicator.unitInputs.push(metric);
      if (!metric) problems.push(`indicator ${indicator.code}: "${name}" inside sum() is not a metric`);
      else if (metric.feeds !== undefined) problems.push(`indicator ${indicator.code}: ${name} feeds ${metric.feeds}; read ${metric.feeds}`);
      else if (metric.subject !== indicator.population?.subject)
        problems.push(`indicator ${indicator.code}: ${name} describes ${metric.subject}, but the population is ${indicator.population?.subject ?? 'missing'}`);
      else if (metric.unitLevel) indicator.unitLevelInputs.push(metric);
    }
    for (const target of indicator.targets) {
      const where = `indicator ${indicator.code}: target ${target.jurisdiction} ${target.year}`;
      const period = periods.get(target.period);
      if (!period) problems.push(`${where}: unknown period "${target.period}"`);
      else if (target.year < period.from || target.year > period.to)
        problems.push(`${where}: year outside period ${period.code} (${period.from}–${period.to})`);
      for (const m of target.milestones)
        if (m.year >= target.year || (period && m.year < period.from))
          problems.push(`${where}: milestone ${m.year} is not a year of the period before the target year`);
      const twin = indicator.targets.filter((t) => t.jurisdiction === target.jurisdiction && t.period === target.period);
      if (twin.length > 1) problems.push(`${where}: two targets for one jurisdiction in period ${target.period}`);
    }
    // The owner of the confidential figures aggregates them; it can receive public register attributes (design racks,
    // flags) from other agencies, but not another agency's confidential figures, so one agency owns them all.
    const owners = [...new Set(indicator.unitLevelInputs.map((m) => m.owner))].sort();
    if (owners.length > 1) {
      problems.push(
        `indicator ${indicator.code}: its sums read unit-level (confidential) metrics of ${owners.join(' and ')}; one agency must own all of them, since it aggregates them itself`,
      );
    } else if (owners.length === 1) indicator.unitLevelOwner = owners[0] as Agency;
    if (indicator.refs.usesPopulation && !indicator.population) problems.push(`indicator ${indicator.code}: sum()/count() need a population`);
    if (indicator.coverage && !indicator.population) problems.push(`indicator ${indicator.code}: coverage needs a population`);
    if (indicator.population) {
      const { minimum = DEFAULT_MINIMUM_COVERAGE, weight = COUNT_WEIGHT } = indicator.coverage ?? {};
      const metric = weight === COUNT_WEIGHT ? null : metrics.get(weight);
      // The weight must be known for every unit, reported or not: a register attribute of the population's units.
      if (metric === undefined || (metric && (metric.subject !== indicator.population.subject || metric.statusField !== undefined))) {
        problems.push(
          `indicator ${indicator.code}: coverage weight ${weight} must be ${COUNT_WEIGHT} or a register metric (no statusField) of ${indicator.population.subject}`,
        );
      } else indicator.coverageRule = { minimum, weight: metric };
    }
    if (indicator.refs.usesBaseline && indicator.baselineYear === undefined) problems.push(`indicator ${indicator.code}: baseline() needs baselineYear`);
  }

  // Cycles through indicator references, and each indicator's full set of region metrics.
  const visiting = new Set<string>();
  const done = new Map<string, Set<string>>();
  const regionMetricsOf = (code: string, trail: string[]): Set<string> => {
    const cached = done.get(code);
    if (cached) return cached;
    if (visiting.has(code)) {
      problems.push(`indicator ${code}: depends on itself via ${[...trail, code].join(' → ')}`);
      return new Set();
    }
    visiting.add(code);
    const out = new Set<string>();
    for (const name of indicators.get(code)?.refs.scalar ?? []) {
      if (metrics.has(name)) out.add(name);
      else if (indicators.has(name)) for (const m of regionMetricsOf(name, [...trail, code])) out.add(m);
    }
    visiting.delete(code);
    done.set(code, out);
    return out;
  };
  for (const indicator of indicators.values()) indicator.regionMetrics = [...regionMetricsOf(indicator.code, [])].sort();

  const firstBySpec = new Map<string, string>();
  for (const code of [...indicators.keys()].sort()) {
    const indicator = indicators.get(code)!;
    const spec = JSON.stringify([indicator.population, indicator.baselineYear ?? null]);
    if (!firstBySpec.has(spec)) firstBySpec.set(spec, code);
    indicator.populationCode = firstBySpec.get(spec)!;
    const owners = [...indicator.regionMetrics, ...indicator.refs.unit].flatMap((name) => {
      const metric = metrics.get(name);
      return metric ? [metric.owner, ...(metric.placedBy ? [metric.placedBy] : [])] : [];
    });
    indicator.agenciesRead = new Set([...owners, ...(indicator.population ? [UNIT_KINDS[indicator.population.subject].register] : [])]);
  }

  if (problems.length > 0) throw new CatalogError(`The indicator catalog is invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return { metrics, indicators, periods: new Map([...periods].sort(([, a], [, b]) => a.from - b.from)) };
}

/** Unit metrics of a kind that their owner checks against a register bound (`atMost`), with the bound. */
export function boundedMetrics(
  subject: UnitSubject,
  metrics: Map<string, MetricDefinition> = catalog().metrics,
): { metric: MetricDefinition; bound: MetricDefinition; check: string }[] {
  return [...metrics.values()].flatMap((metric) =>
    metric.subject === subject && metric.atMost ? [{ metric, bound: metrics.get(metric.atMost.metric)!, check: metric.atMost.check }] : [],
  );
}

/** The agency that computes a region metric's facts: the one that places its units (`placedBy`), else its owner. */
export const factProvider = (metric: MetricDefinition): Agency => metric.placedBy ?? metric.owner;

/**
 * How a writer supplies a metric, naming what it must send: the metric itself, the observed metrics
 * that feed it, or the register mutation it is counted from. Used by every "missing" message.
 */
export function howToWrite(metric: MetricDefinition): string {
  const submit = `submit${capitalised(metric.owner)}Observations`;
  if (metric.observation) return `${submit} with metric ${metric.code}`;
  if (metric.fedBy.length > 0)
    return `${submit} with metric ${metric.fedBy.slice(0, -1).join(', ')}${metric.fedBy.length > 1 ? ' or ' : ''}${metric.fedBy.at(-1)}`;
  return `the ${metric.register} mutation (it is counted from ${metric.owner}'s register)`;
}

/** The metrics an agency takes as observations, in catalog order: what its submit mutation accepts. */
export function observedMetrics(agency: Agency, metrics: Map<string, MetricDefinition> = catalog().metrics): MetricDefinition[] {
  return [...metrics.values()].filter((m) => m.owner === agency && m.observation !== undefined);
}

let cached: Catalog | undefined;
/** The repository's catalog, loaded once per process. */
export function catalog(): Catalog {
  cached ??= loadCatalog();
  return cached;
}
