import { isUnknown, unknown, type Val } from "../../../core/value";
import type { DataStore } from "../../../models/data-store";
import type { Setting } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { strList } from "../network/values";
import type { Props } from "../props";

/** Small readers shared by the watch adapters (trails, detectors, flow logs, backup selections). */

/** A boolean with the provider's default when unset; `observed` names the property, never another value. */
export function boolSetting(p: Props, path: string, otherwise: boolean): Setting<boolean> {
  const v = p.bool(path);
  if (isUnknown(v)) return { value: v, observed: `${path} not known until the update` };
  return v === undefined ? { value: otherwise, observed: `${path} not set (default ${otherwise})` } : { value: v, observed: `${path}=${v}` };
}

/** Whether a string property is set (its value is not printed: a key ARN says nothing a message needs). */
export function presenceSetting(p: Props, path: string): Setting<string | undefined> {
  const v = p.str(path);
  if (isUnknown(v)) return { value: v, observed: `${path} not known until the update` };
  const set = v === undefined || v === "" ? undefined : v;
  return { value: set, observed: set === undefined ? `${path} not set` : `${path} set` };
}

/** A list of strings as one value: Unknown if the list or any element is not known. */
export function knownStrings(p: Props, path: string): Val<readonly string[]> {
  const list = strList(p, path);
  if (isUnknown(list)) return list;
  const pending = list.filter(isUnknown);
  if (pending.length > 0) return unknown("preview", `${pending.length} element(s) of ${path} of ${p.resource.name} are not known until the update`);
  return list as readonly string[];
}

/** URNs among the property's dependencies that are resources of the stack in `urns`. */
export function dependenciesAmong(p: Props, property: string, urns: ReadonlySet<string>): string[] {
  return [...new Set(p.dependenciesOf(property).filter((u) => urns.has(u)))];
}

/** Stores whose known ARN (or S3 bucket name) a value names exactly or as a prefix (`<arn>/...`). */
export function storesNamedBy(value: string, stores: readonly DataStore[]): string[] {
  const v = anyPartition(value);
  return stores
    .filter((s) => {
      const arns = [typeof s.arn === "string" ? s.arn : undefined, s.kind === "s3-bucket" && s.physicalName ? `arn:aws:s3:::${s.physicalName}` : undefined];
      return arns.some((a) => a !== undefined && a !== "" && (v === anyPartition(a) || v.startsWith(`${anyPartition(a)}/`)));
    })
    .map((s) => s.ref.id);
}

const anyPartition = (arn: string): string => arn.replace(/^arn:[^:]+:/, "arn:aws:");

/** The resource one of `candidates` whose known `id` equals `value`. */
export function resourceById(value: string, candidates: readonly EngineResource[]): EngineResource | undefined {
  return candidates.find((r) => r.props.id === value);
}
