import type { Fetched } from "./fetched";

/**
 * EC2's answer for a resource deleted between the listing and a call about it
 * (`InvalidSnapshot.NotFound`, `InvalidAMIID.Unavailable`...): the resource is gone, which is
 * not a failure to read it.
 */
export function isGone(error: unknown, codes: readonly string[]): boolean {
  const e = typeof error === "object" && error !== null ? (error as { name?: unknown; Code?: unknown }) : {};
  return codes.some((c) => e.name === c || e.Code === c);
}

/** Runs `call`; undefined when EC2 says the resource is gone, any other error is thrown on. */
export async function unlessGone<T>(codes: readonly string[], call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (isGone(e, codes)) return undefined;
    throw e;
  }
}

/** The answer of a call made through `unlessGone`, or undefined when the resource was gone. */
export function unlessGoneAnswer<T>(f: Fetched<T | undefined>): Fetched<T> | undefined {
  if (!f.ok) return f;
  return f.value === undefined ? undefined : { ok: true, value: f.value };
}
