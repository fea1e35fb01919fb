import { isUnknown, unknown, type Val } from "../../../core/value";
import type { NetworkRef, PrefixList } from "../../../models/network";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { withAwsId, type References } from "./references";
import { PREFIX_LIST_TYPES } from "./types";
import { inlineItems, optStr } from "./values";

/** `ManagedPrefixList` with its inline entries (separate entries are joined later). */
export function adaptPrefixList(p: Props): PrefixList & { entries: Val<Val<string>[]> } {
  const items = inlineItems(p, "entries");
  return {
    kind: "prefix-list",
    ref: refOf(p, "prefix list"),
    ...withAwsId(p),
    name: optStr(p, "name"),
    addressFamily: optStr(p, "addressFamily"),
    entries: isUnknown(items) ? items : items.map((base) => entryCidr(p, `${base}.cidr`)),
  };
}

/** `ManagedPrefixListEntry`: one CIDR of a list. */
export function adaptPrefixListEntry(p: Props, refs: References): { prefixList: Val<NetworkRef | undefined>; cidr: Val<string> } {
  return { prefixList: refs.ref(p, "prefixListId", PREFIX_LIST_TYPES), cidr: entryCidr(p, "cidr") };
}

function entryCidr(p: Props, path: string): Val<string> {
  return optStr(p, path) ?? unknown("error", `${path} of ${p.resource.name} is empty`);
}
