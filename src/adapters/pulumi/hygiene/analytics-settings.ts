import { boundValue } from "../../../core/bounded-text";
import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { DataStore } from "../../../models/data-store";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { typeOfUrn } from "../urn";

/** Setting helpers shared by the analytics hygiene readers. Observed texts name settings, never secret values. */

/** A setting; an Unknown value makes `Setting<never>`, which fits any setting. */
export function setting<T = never>(value: NoInfer<T> | Unknown, observed: string): Setting<T>;
export function setting<T>(value: T | Unknown, observed: string): Setting<T>;
export function setting<T>(value: T | Unknown, observed: string): Setting<T> {
  return { value, observed };
}

/** A setting that is always on for the kind, whatever the program says. */
export const always = (observed: string): Setting<boolean> => setting(true, observed);

/** A boolean property with the provider's (AWS's) default when the program leaves it unset. */
export function boolSetting(p: Props, path: string, defaultValue: boolean, defaultWhy = "AWS default"): Setting<boolean> {
  const v = p.bool(path);
  if (isUnknown(v)) return setting(v, `${path} computed during the update`);
  if (v === undefined) return setting(defaultValue, `${path} not set (${defaultWhy}: ${String(defaultValue)})`);
  return setting(v, `${path}=${String(v)}`);
}

/**
 * `backups` and `backupRetentionDays` from a retention-in-days property where 0 turns automated
 * backups off; the days are set only while backups are on (or unknown).
 */
export function retentionBackups(p: Props, path: string, defaultDays: number): Pick<StoreHygiene, "backups" | "backupRetentionDays"> {
  const v = p.num(path);
  if (isUnknown(v)) {
    const observed = `${path} computed during the update`;
    return { backups: setting(v, observed), backupRetentionDays: setting(v, observed) };
  }
  const days = v ?? defaultDays;
  const observed = v === undefined ? `${path} not set (AWS default ${defaultDays})` : `${path}=${days}`;
  if (days <= 0) return { backups: setting(false, `${observed}: automated backups off`) };
  return { backups: setting(true, observed), backupRetentionDays: setting(days, observed) };
}

/** A string property the observed text may print (an enum, a policy name), bounded. */
export const shown = (v: string): string => boundValue(v, 80);

/** An Unknown for a value of an unexpected shape or enum; the value itself is never printed. */
export const unexpected = (p: Props, path: string, expected: string) =>
  unknown("error", `property '${path}' of ${p.resource.name} should be ${expected}`);

/**
 * Joins a store to the resources that hold its settings: by the property's dependencies first
 * (they exist in preview), else by a known value equal to the store's name, id or ARN.
 */
export class StoreJoin {
  constructor(private readonly resources: readonly EngineResource[]) {}

  /** The resources of `type` whose property `path` names `store` (dependency, or known name/id/ARN). */
  namedBy(type: string, path: string, store: DataStore): EngineResource[] {
    const id = this.resources.find((r) => r.urn === store.ref.id)?.props["id"];
    return this.resources.filter((r) => {
      if (r.type !== type) return false;
      const p = new Props(r);
      if (p.dependenciesOf(path.split(".")[0] as string).includes(store.ref.id)) return true;
      const v = p.str(path);
      return typeof v === "string" && v !== "" && (v === store.physicalName || v === store.arn || v === id);
    });
  }

  /** The resource of `type` the property names (dependency first, else a known value of `nameProperty`). */
  resource(p: Props, path: string, type: string, nameProperty: string): Val<EngineResource | undefined> {
    const candidates = this.resources.filter((r) => r.type === type);
    const deps = p.dependenciesOf(path.split(".")[0] as string).filter((u) => typeOfUrn(u) === type);
    const byDep = candidates.find((r) => deps.includes(r.urn));
    if (byDep) return byDep;
    const v = p.str(path);
    if (isUnknown(v) || v === undefined) return v;
    return candidates.find((r) => r.props[nameProperty] === v);
  }
}
