import jsep from 'jsep';

/**
 * Indicator formulas: parsed by jsep (a parser only; it evaluates nothing) into a small typed
 * tree, then evaluated by `evaluate` below. Anything outside the grammar is a FormulaError at
 * catalog load, so a bad formula never reaches a request.
 */
export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; name: string }
  | { kind: 'negate'; arg: FormulaNode }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { kind: 'sum'; arg: FormulaNode }
  | { kind: 'count' }
  | { kind: 'baseline'; arg: FormulaNode };

const BINARY_OPS = ['+', '-', '*', '/', '>=', '>', '<=', '<', '=='] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];

export class FormulaError extends Error {}

export function parseFormula(source: string): FormulaNode {
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (error) {
    throw new FormulaError(`cannot parse "${source}": ${(error as Error).message}`);
  }
  return toNode(ast, source);
}

function toNode(e: jsep.Expression, source: string): FormulaNode {
  switch (e.type) {
    case 'Literal': {
      const value = (e as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new FormulaError(`only numbers are allowed as literals in "${source}"`);
      return { kind: 'number', value };
    }
    case 'Identifier':
      return { kind: 'ref', name: (e as jsep.Identifier).name };
    case 'UnaryExpression': {
      const u = e as jsep.UnaryExpression;
      if (u.operator === '-') return { kind: 'negate', arg: toNode(u.argument, source) };
      if (u.operator === '+') return toNode(u.argument, source);
      throw new FormulaError(`operator "${u.operator}" is not allowed in "${source}"`);
    }
    case 'BinaryExpression': {
      const b = e as jsep.BinaryExpression;
      if (!(BINARY_OPS as readonly string[]).includes(b.operator)) throw new FormulaError(`operator "${b.operator}" is not allowed in "${source}"`);
      return { kind: 'binary', op: b.operator as BinaryOp, left: toNode(b.left, source), right: toNode(b.right, source) };
    }
    case 'CallExpression': {
      const c = e as jsep.CallExpression;
      const name = c.callee.type === 'Identifier' ? (c.callee as jsep.Identifier).name : '';
      if (name === 'count' && c.arguments.length === 0) return { kind: 'count' };
      if ((name === 'sum' || name === 'baseline') && c.arguments.length === 1) return { kind: name, arg: toNode(c.arguments[0]!, source) };
      throw new FormulaError(`unknown function call in "${source}": use sum(x), count() or baseline(x)`);
    }
    default:
      throw new FormulaError(`"${e.type}" is not allowed in "${source}"`);
  }
}

export interface FormulaReferences {
  /** Names used outside sum(): region-level metrics or other indicators. */
  scalar: Set<string>;
  /** Names used inside sum(): unit-level metrics of the population. */
  unit: Set<string>;
  usesBaseline: boolean;
  usesPopulation: boolean;
}

export function references(node: FormulaNode): FormulaReferences {
  const refs: FormulaReferences = { scalar: new Set(), unit: new Set(), usesBaseline: false, usesPopulation: false };
  const walk = (n: FormulaNode, inSum: boolean): void => {
    switch (n.kind) {
      case 'ref':
        (inSum ? refs.unit : refs.scalar).add(n.name);
        return;
      case 'negate':
        return walk(n.arg, inSum);
      case 'binary':
        walk(n.left, inSum);
        return walk(n.right, inSum);
      case 'sum':
        refs.usesPopulation = true;
        return walk(n.arg, true);
      case 'count':
        refs.usesPopulation = true;
        return;
      case 'baseline':
        refs.usesBaseline = true;
        return walk(n.arg, inSum);
      case 'number':
        return;
    }
  };
  walk(node, false);
  return refs;
}

/** What a formula reads while evaluating; implementations record what was missing. */
export interface EvaluationScope {
  year: number;
  baselineYear: number | undefined;
  /** A region-level metric or another indicator's value in a year; null when unknown. */
  scalar(name: string, year: number): number | null;
  /** The population's units in a year, each able to read its unit-level metrics. */
  units(year: number): readonly { value(metric: string): number | null }[];
  /** Records why a value is unknown (missing input, empty denominator, …). */
  unknown(reason: UnknownReason): void;
}

export type UnknownReason =
  | { kind: 'MISSING_INPUT'; name: string; year: number; units?: number }
  | { kind: 'ZERO_DENOMINATOR'; year: number }
  | { kind: 'NO_BASELINE_YEAR' };

/** Evaluates to a number, or null when an input is unknown (missing is never zero). */
export function evaluate(node: FormulaNode, scope: EvaluationScope): number | null {
  const ev = (n: FormulaNode, year: number, unit?: { value(metric: string): number | null }): number | null => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'ref': {
        const value = unit ? unit.value(n.name) : scope.scalar(n.name, year);
        if (value === null && !unit) scope.unknown({ kind: 'MISSING_INPUT', name: n.name, year });
        return value;
      }
      case 'negate': {
        const v = ev(n.arg, year, unit);
        return v === null ? null : -v;
      }
      case 'binary': {
        const l = ev(n.left, year, unit);
        const r = ev(n.right, year, unit);
        if (l === null || r === null) return null;
        return applyBinary(n.op, l, r, () => scope.unknown({ kind: 'ZERO_DENOMINATOR', year }));
      }
      case 'sum': {
        let total = 0;
        const missing = new Map<string, number>();
        for (const u of scope.units(year)) {
          const tracking = { value: (metric: string) => {
            const v = u.value(metric);
            if (v === null) missing.set(metric, (missing.get(metric) ?? 0) + 1);
            return v;
          } };
          const v = ev(n.arg, year, tracking);
          if (v !== null) total += v;
        }
        for (const [name, units] of missing) scope.unknown({ kind: 'MISSING_INPUT', name, year, units });
        return missing.size > 0 ? null : total;
      }
      case 'count':
        return scope.units(year).length;
      case 'baseline':
        if (scope.baselineYear === undefined) {
          scope.unknown({ kind: 'NO_BASELINE_YEAR' });
          return null;
        }
        return ev(n.arg, scope.baselineYear, unit);
    }
  };
  return ev(node, scope.year);
}

function applyBinary(op: BinaryOp, l: number, r: number, onZero: () => void): number | null {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      if (r === 0) {
        onZero();
        return null;
      }
      return l / r;
    case '>=':
      return l >= r ? 1 : 0;
    case '>':
      return l > r ? 1 : 0;
    case '<=':
      return l <= r ? 1 : 0;
    case '<':
      return l < r ? 1 : 0;
    case '==':
      return l === r ? 1 : 0;
  }
}

/** The top-level division's two sides, if the formula is a ratio: reported as numerator/denominator. */
export function ratioParts(node: FormulaNode): { numerator: FormulaNode; denominator: FormulaNode } | null {
  return node.kind === 'binary' && node.op === '/' ? { numerator: node.left, denominator: node.right } : null;
}
