/**
 * Values computed once per request: several resolvers of one request read the same computation (every field of an
 * indicator value its evaluation, every column of a cube its cells, every column of a population its members). The
 * request's context holds one, created with the context, so no cache lives in domain code or outlives its request.
 */
export class RequestMemo {
  private readonly byFunction = new Map<(...args: never[]) => unknown, Map<object, unknown>>();

  /** `compute(key, ...rest)`, computed the first time this request asks for it with this key object; `rest` is not part of the key. */
  once<K extends object, R extends unknown[], V>(compute: (key: K, ...rest: R) => V, key: K, ...rest: R): V {
    let values = this.byFunction.get(compute);
    if (!values) this.byFunction.set(compute, (values = new Map()));
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key, ...rest);
    values.set(key, value);
    return value;
  }
}
