/** The error code an S3 or S3 Control call failed with (the SDK's `name`, or the XML `Code`). */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { name?: unknown; Code?: unknown };
  if (typeof e.Code === "string") return e.Code;
  return typeof e.name === "string" ? e.name : undefined;
}

/**
 * Runs one call; the error codes S3 answers for a setting that is not configured
 * (`NoSuchBucketPolicy`, `NoSuchTagSet`...) are "not set" (undefined), not failures.
 */
export async function unlessNotSet<T>(notSetCodes: readonly string[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    const code = codeOf(e);
    if (code !== undefined && notSetCodes.includes(code)) return undefined;
    throw e;
  }
}
