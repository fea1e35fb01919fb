/**
 * Why a value could not be judged. `preview`: computed later by the engine; `not-fetched`: outside
 * what this view holds; `access-denied`, `timeout`, `throttled` (retries exhausted) and `unavailable`
 * (a region not enabled, a service absent from a region): a scanner's call that did not answer;
 * `error`: anything else, including a malformed value.
 */
export type UnknownReason = "preview" | "not-fetched" | "access-denied" | "timeout" | "throttled" | "unavailable" | "error";

const BRAND = Symbol.for("customer-data-guard.unknown");

/** A value that is not known: never judged compliant, never a violation. */
export interface Unknown {
  readonly [BRAND]: true;
  readonly reason: UnknownReason;
  /** Human-readable explanation, e.g. which property was unknown. Never holds a secret. */
  readonly detail: string;
}

/** A known value, or the reason it is not known. */
export type Val<T> = T | Unknown;

export function unknown(reason: UnknownReason, detail: string): Unknown {
  return { [BRAND]: true, reason, detail };
}

export function isUnknown(v: unknown): v is Unknown {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[BRAND] === true;
}

export function isKnown<T>(v: Val<T>): v is T {
  return !isUnknown(v);
}

/** Applies `f` to a known value; passes an Unknown through. */
export function mapVal<T, U>(v: Val<T>, f: (t: T) => Val<U>): Val<U> {
  return isUnknown(v) ? v : f(v);
}

/** The first Unknown among the values, if any. */
export function firstUnknown(...vs: readonly unknown[]): Unknown | undefined {
  for (const v of vs) if (isUnknown(v)) return v;
  return undefined;
}
