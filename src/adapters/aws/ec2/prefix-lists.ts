import type { ManagedPrefixList } from "@aws-sdk/client-ec2";
import type { PrefixList } from "../../../models/network";
import { readFetched } from "../fetched";
import type { PrefixListAnswer } from "../../../fetchers/aws/ec2-network";
import { ec2Arn, ec2Ref, type Ec2Scope } from "./scope";

export const prefixListArn = (s: Ec2Scope, l: ManagedPrefixList): string => l.PrefixListArn ?? ec2Arn(s, `prefix-list/${l.PrefixListId ?? ""}`, l.OwnerId);

/** A customer-managed prefix list with its entries (Unknown when they could not be read). */
export function adaptPrefixList(a: PrefixListAnswer & { entries: NonNullable<PrefixListAnswer["entries"]> }, s: Ec2Scope): PrefixList {
  const l = a.list;
  const id = l.PrefixListId ?? "";
  return {
    kind: "prefix-list",
    ref: ec2Ref(s, prefixListArn(s, l), "AWS::EC2::PrefixList", id, "prefix list", l.OwnerId),
    awsId: id,
    name: l.PrefixListName,
    addressFamily: l.AddressFamily,
    entries: readFetched(a.entries, (entries) => entries.flatMap((e) => (e.Cidr ? [e.Cidr] : []))),
  };
}
