import { isUnknown, unknown, type Unknown } from "../core/value";
import type { DataStore } from "../models/data-store";

/**
 * The encryption of a store that takes another's (`DataStore.encryptionFrom`) until a join sees
 * that store. `detail` says where the encryption comes from.
 */
export const notYetInherited = (detail: string): Unknown => unknown("not-fetched", detail);

/** The encryption a store takes from `source`, its `observed` naming the source. */
export function inheritedFrom(source: DataStore): DataStore["encryption"] {
  const e = source.encryption;
  return isUnknown(e) ? e : { ...e, observed: `inherited from '${source.ref.name}' (${e.observed})` };
}
