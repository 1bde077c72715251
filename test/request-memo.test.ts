import { describe, expect, it } from 'vitest';
import { RequestMemo } from '../lib/request-memo.ts';

describe('RequestMemo', () => {
  it('computes once per function and key object within a request, and afresh in the next request', () => {
    let calls = 0;
    const double = (key: { n: number }, factor: number) => {
      calls += 1;
      return key.n * factor;
    };
    const key = { n: 21 };
    const first = new RequestMemo();
    expect(first.once(double, key, 2)).toBe(42);
    // The extra argument is not part of the key: the request's context passes the same one every time.
    expect(first.once(double, key, 3)).toBe(42);
    expect(calls).toBe(1);
    expect(first.once(double, { n: 21 }, 2)).toBe(42);
    expect(calls).toBe(2);
    // A new request (a new context) computes again: nothing is kept between requests.
    expect(new RequestMemo().once(double, key, 2)).toBe(42);
    expect(calls).toBe(3);
  });

  it('keeps an undefined result rather than computing it again', () => {
    let calls = 0;
    const nothing = (_key: object): undefined => {
      calls += 1;
      return undefined;
    };
    const memo = new RequestMemo();
    const key = {};
    memo.once(nothing, key);
    memo.once(nothing, key);
    expect(calls).toBe(1);
  });
});
