/** What listLocations answers when no suffixes are given: shard files and JSON reports. */
export const DEFAULT_LIST_SUFFIXES: readonly string[] = [".jsonl", ".json"];

/**
 * Whether a file (or the last part of an object key) belongs in a listing: its name ends with one of
 * `suffixes`, and it is not hidden (dot files such as macOS `._x.json` and in-flight `.x.json.<pid>.tmp`).
 */
export function isListed(name: string, suffixes: readonly string[]): boolean {
  return !name.startsWith(".") && suffixes.some((s) => name.endsWith(s));
}
