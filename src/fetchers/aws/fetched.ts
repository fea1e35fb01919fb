import type { UnknownReason } from "../../core/value";
import type { AwsService } from "./services";

/** Why a call gave no answer; the detail is AWS's error code and a bounded message, never a secret. */
export interface CallFailure {
  readonly reason: Exclude<UnknownReason, "preview" | "not-fetched">;
  readonly service: AwsService;
  /** `s3:GetBucketPolicy`: the IAM action name of the call. */
  readonly action: string;
  readonly region: string;
  readonly detail: string;
}

/** The answer of one call (or of a whole paginated listing), or why there is none. */
export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: CallFailure };

export const fetchedValue = <T>(value: T): Fetched<T> => ({ ok: true, value });

/** The value, or `otherwise(failure)`. */
export function valueOr<T, U>(f: Fetched<T>, otherwise: (failure: CallFailure) => U): T | U {
  return f.ok ? f.value : otherwise(f.failure);
}

/** Each item of a listing that answered, read by `read` (all at once); a listing that failed stays its failure. */
export async function eachListed<T, R>(listed: Fetched<readonly T[]>, read: (item: T) => Promise<R>): Promise<Fetched<R[]>> {
  if (!listed.ok) return listed;
  return fetchedValue(await Promise.all(listed.value.map(read)));
}
