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
export interface EvaluationScope<U = unknown> {
  year: number;
  baselineYear: number | undefined;
  /** A region-level metric or another indicator's value in a year; null when unknown. */
  scalar(name: string, year: number): number | null;
  /** The population's units in a year. */
  units(year: number): readonly U[];
  /** A unit's unit-level metric; null when unknown. */
  unitValue(unit: U, metric: string): number | null;
  /** Records why a value is unknown (missing input, empty denominator, …). */
  unknown(reason: UnknownReason): void;
  /**
   * A sum() the units' owner has already added up over the matched units (the owner's aggregate): its total, null
   * when withheld; undefined to add it up here from `units`.
   */
  sumOf?(node: FormulaNode, year: number): number | null | undefined;
}

export type UnknownReason =
  { kind: 'MISSING_INPUT'; name: string; year: number; units?: number } | { kind: 'ZERO_DENOMINATOR'; year: number } | { kind: 'NO_BASELINE_YEAR' };

/** Within sum(): the unit being read, and how many units lacked each metric. */
interface UnitFrame<U> {
  unit: U;
  missing: Map<string, number> | null;
}

/** Evaluates to a number, or null when an input is unknown (missing is never zero). */
export function evaluate<U>(node: FormulaNode, scope: EvaluationScope<U>): number | null {
  return ev(node, scope, scope.year, null);
}

// A plain recursive function rather than closures: a dashboard grid evaluates thousands of cells, each summing over its units.
function ev<U>(n: FormulaNode, scope: EvaluationScope<U>, year: number, frame: UnitFrame<U> | null): number | null {
  switch (n.kind) {
    case 'number':
      return n.value;
    case 'ref': {
      if (frame) {
        const value = scope.unitValue(frame.unit, n.name);
        if (value === null) (frame.missing ??= new Map()).set(n.name, (frame.missing.get(n.name) ?? 0) + 1);
        return value;
      }
      const value = scope.scalar(n.name, year);
      if (value === null) scope.unknown({ kind: 'MISSING_INPUT', name: n.name, year });
      return value;
    }
    case 'negate': {
      const v = ev(n.arg, scope, year, frame);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = ev(n.left, scope, year, frame);
      const r = ev(n.right, scope, year, frame);
      if (l === null || r === null) return null;
      if (n.op === '/' && r === 0) {
        scope.unknown({ kind: 'ZERO_DENOMINATOR', year });
        return null;
      }
      return applyBinary(n.op, l, r);
    }
    case 'sum': {
      const summed = scope.sumOf?.(n, year);
      if (summed !== undefined) return summed;
      let total = 0;
      const inner: UnitFrame<U> = { unit: undefined as U, missing: null };
      for (const unit of scope.units(year)) {
        inner.unit = unit;
        const v = ev(n.arg, scope, year, inner);
        if (v !== null) total += v;
      }
      if (!inner.missing) return total;
      for (const [name, units] of inner.missing) scope.unknown({ kind: 'MISSING_INPUT', name, year, units });
      return null;
    }
    case 'count':
      return scope.units(year).length;
    case 'baseline':
      if (scope.baselineYear === undefined) {
        scope.unknown({ kind: 'NO_BASELINE_YEAR' });
        return null;
      }
      return ev(n.arg, scope, scope.baselineYear, frame);
  }
}

/** A binary operation on known operands; division by zero is caught before. */
function applyBinary(op: BinaryOp, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
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

/** The sum() terms of a formula in the order they appear (baseline() included): how an owner's aggregate lists its totals. */
export function sumTerms(node: FormulaNode): FormulaNode[] {
  const terms: FormulaNode[] = [];
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'sum') terms.push(n);
    else if (n.kind === 'negate' || n.kind === 'baseline') walk(n.arg);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return terms;
}
