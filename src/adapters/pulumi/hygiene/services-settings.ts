import { isUnknown, unknown, type Val } from "../../../core/value";
import type { Setting } from "../../../models/hygiene";
import type { Props } from "../props";

/** Reads hygiene settings from engine properties; messages name paths and numbers, never strings of the program. */

/** A switch the provider defaults to `byDefault` when the program leaves it unset. */
export function flag(p: Props, path: string, byDefault: boolean): Setting<boolean> {
  const v = p.bool(path);
  if (isUnknown(v)) return { value: v, observed: `${path} unknown` };
  if (v === undefined) return { value: byDefault, observed: `${path} not set (default ${String(byDefault)})` };
  return { value: v, observed: `${path}=${String(v)}` };
}

/**
 * A number of `unit`s (default `byDefault` when unset) turned into the setting's value by `toValue`;
 * a negative number is malformed.
 */
export function amount<T>(p: Props, path: string, unit: string, byDefault: number, toValue: (n: number) => T): Setting<T> {
  const v = p.num(path);
  if (isUnknown(v)) return { value: v, observed: `${path} unknown` };
  if (v === undefined) return { value: toValue(byDefault), observed: `${path} not set (default ${byDefault} ${unit})` };
  if (v < 0) return { value: unknown("error", `property '${path}' of ${p.resource.name} should be zero or more, got a negative number`), observed: `${path}=${v} ${unit}` };
  return { value: toValue(v), observed: `${path}=${v} ${unit}` };
}

/** Days as a possibly fractional number, rounded to a thousandth (1 h = 0.042 days). */
export const daysOf = (n: number, perDay: number): number => Math.round((n / perDay) * 1000) / 1000;

/**
 * A switch over a store and its parts (table replicas): off when any is off, unknown when none is off
 * but one is unknown, else on. Observed lists every part.
 */
export function weakest(settings: readonly Setting<boolean>[]): Setting<boolean> {
  const observed = settings.map((s) => s.observed).join("; ");
  const off = settings.find((s) => s.value === false);
  const unsure = settings.find((s) => isUnknown(s.value));
  const value: Val<boolean> = off ? false : (unsure?.value ?? true);
  return { value, observed };
}
