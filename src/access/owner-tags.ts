import type { Tags } from "../core/classification";
import { isUnknown, type Val } from "../core/value";

/** Tag keys that say who owns a store's data, compared case-insensitively. */
export const OWNER_TAG_KEYS: readonly string[] = ["owner", "team", "contact", "data-owner", "business-owner", "cost-center", "application"];

/** The store's ownership tags as found on it (original key spelling), sorted by key; none when its tags are not known. */
export function ownerTags(tags: Val<Tags | undefined>, keys: readonly string[] = OWNER_TAG_KEYS): Record<string, string> {
  if (isUnknown(tags) || tags === undefined) return {};
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const found = Object.entries(tags)
    .filter(([k]) => wanted.has(k.toLowerCase()))
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(found);
}
