import { unknown, type Unknown } from "../../../core/value";
import type { Setting } from "../../../models/hygiene";
import type { Fetched } from "../../../fetchers/aws/fetched";
import { unknownOf } from "../fetched";

/** A flag an API reports (absent = `otherwise`), observed as `Field=value`. */
export function flag(field: string, value: boolean | undefined, otherwise = false): Setting<boolean> {
  return value === undefined ? { value: otherwise, observed: `${field} not reported (${otherwise})` } : { value, observed: `${field}=${value}` };
}

/** The setting a call answered, read by `read`; a call that did not answer is that Unknown. */
export function fetchedSetting<T, U>(f: Fetched<T>, read: (value: T) => Setting<U>): Setting<U> {
  return f.ok ? read(f.value) : { value: unknownOf(f.failure), observed: `${f.failure.action} did not answer` };
}


/** A value the model cannot hold exactly: not assessed, never guessed. */
export const notModelled = (what: string): Unknown => unknown("error", `${what}, which is not assessed`);

/** The account in an ARN (`arn:partition:service:region:account:...`), when it has one. */
export const accountOfArn = (arn: string): string | undefined => arn.split(":")[4] || undefined;
