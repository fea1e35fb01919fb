/** An SDK exception class (`ResourceNotFoundException`...). */
type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs `call`; undefined when it fails with one of `notFound` (the resource went away since it was
 * listed, or has no such part), any other error is thrown on.
 */
export async function unlessNotFound<T>(notFound: readonly ErrorClass[], call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (notFound.some((c) => e instanceof c)) return undefined;
    throw e;
  }
}

/** Awaits the named calls, made at once (in the order named), and answers each by its name. */
export async function inParallel<T extends Record<string, Promise<unknown>>>(calls: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const answers = await Promise.all(Object.entries(calls).map(async ([name, call]) => [name, await call] as const));
  return Object.fromEntries(answers) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
