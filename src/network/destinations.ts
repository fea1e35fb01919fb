import { isUnknown, unknown, type Val } from "../core/value";
import type { NetworkRef, RouteDestination } from "../models/network";
import { reachesBeyond, type AddressRanges } from "./address-ranges";
import type { NetworkIndex } from "./network-index";

/** Whether any address of a prefix list lies outside the private ranges. */
export function prefixListReachesBeyond(
  net: NetworkIndex,
  prefixList: Val<NetworkRef>,
  privateRanges: AddressRanges,
  where: string,
): Val<boolean> {
  if (isUnknown(prefixList)) return unknown(prefixList.reason, `${where}: prefix list ${prefixList.detail}`);
  const list = net.find(prefixList, "prefix-list");
  if (!list) return unknown("not-fetched", `${where}: prefix list ${prefixList} is not part of the stack; its entries are not known`);
  if (isUnknown(list.entries)) return unknown(list.entries.reason, `${where}: entries of prefix list ${list.ref.name}: ${list.entries.detail}`);
  let undetermined: Val<boolean> = false;
  for (const entry of list.entries) {
    const beyond = isUnknown(entry) ? entry : reachesBeyond(entry, privateRanges, `${where}, prefix list ${list.ref.name}`);
    if (beyond === true) return true;
    if (isUnknown(beyond)) undetermined = beyond;
  }
  return undetermined;
}

/** Whether a route's destination includes addresses outside the private ranges. */
export function destinationReachesBeyond(
  net: NetworkIndex,
  destination: Val<RouteDestination>,
  privateRanges: AddressRanges,
  where: string,
): Val<boolean> {
  if (isUnknown(destination)) return destination;
  if (destination.kind === "prefix-list") return prefixListReachesBeyond(net, destination.prefixList, privateRanges, where);
  const cidr = destination.cidr;
  if (isUnknown(cidr)) return unknown(cidr.reason, `${where}: destination ${cidr.detail}`);
  return reachesBeyond(cidr, privateRanges, where);
}

export function describeDestination(net: NetworkIndex, destination: RouteDestination): string {
  if (destination.kind !== "prefix-list") return typeof destination.cidr === "string" ? destination.cidr : "an unknown CIDR";
  const ref = destination.prefixList;
  if (isUnknown(ref)) return "an unknown prefix list";
  return `prefix list ${net.find(ref, "prefix-list")?.ref.name ?? ref}`;
}
