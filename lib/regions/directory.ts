import { REGION_CODE_PATTERN, type RegionCode, type RegionLevel } from './codes.ts';
import { ErrorCode, UserInputError, unknownRegion } from '../errors.ts';

/**
 * The region hierarchy held in memory. Each subgraph loads its copy of the code list once at
 * start (a few thousand rows even at national scale), so hierarchy questions cost no SQL.
 */
export class RegionDirectory {
  private readonly byCode = new Map<string, RegionCode>();
  private readonly childrenOf = new Map<string, RegionCode[]>();

  constructor(regions: readonly RegionCode[]) {
    const sorted = [...regions].sort((a, b) => a.code.localeCompare(b.code));
    for (const region of sorted) this.byCode.set(region.code, region);
    for (const region of sorted) {
      if (region.parentCode === null) continue;
      const siblings = this.childrenOf.get(region.parentCode) ?? [];
      siblings.push(region);
      this.childrenOf.set(region.parentCode, siblings);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  find(code: string): RegionCode | undefined {
    return this.byCode.get(code);
  }

  /** Resolves a code given by a caller, or throws an error that names the argument. */
  require(code: string, argument = 'region'): RegionCode {
    if (!REGION_CODE_PATTERN.test(code)) {
      throw new UserInputError(ErrorCode.INVALID_REGION_CODE, `\`${argument}\` must be a six-digit GB/T 2260 code such as "310000", got "${code}".`, {
        argument,
        value: code,
      });
    }
    const region = this.byCode.get(code);
    if (!region) throw unknownRegion(code, argument);
    return region;
  }

  children(code: string): RegionCode[] {
    return this.childrenOf.get(code) ?? [];
  }

  parent(code: string): RegionCode | undefined {
    const parentCode = this.byCode.get(code)?.parentCode;
    return parentCode ? this.byCode.get(parentCode) : undefined;
  }

  /** The codes of the regions above `code`, nearest first. */
  ancestors(code: string): string[] {
    const out: string[] = [];
    for (let at = this.parent(code); at; at = this.parent(at.code)) out.push(at.code);
    return out;
  }

  /** True when region `code` is `ancestor` or lies below it in the code list. */
  within(code: string, ancestor: string): boolean {
    return code === ancestor || this.ancestors(code).includes(ancestor);
  }

  /** The region itself and everything below it: what a region filter matches. */
  selfAndDescendants(code: string): string[] {
    const out: string[] = [];
    const stack = [code];
    while (stack.length > 0) {
      const current = stack.pop()!;
      out.push(current);
      for (const child of this.children(current)) stack.push(child.code);
    }
    return out;
  }

  /** The codes a region filter argument matches (the region and everything below it); undefined for no filter. */
  filterCodes(code: string | null | undefined, argument = 'region'): string[] | undefined {
    return code ? this.selfAndDescendants(this.require(code, argument).code) : undefined;
  }

  list(filter: { level?: RegionLevel | null; parent?: string | null } = {}): RegionCode[] {
    const base = filter.parent ? this.children(this.require(filter.parent, 'parent').code) : [...this.byCode.values()];
    return filter.level ? base.filter((r) => r.level === filter.level) : base;
  }
}
