import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { DataEventSelection, Trail } from "../../models/hygiene";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { isTrue, type AnyCheck } from "./transit-facts";

/**
 * The account a scan judges, named as the scanner names it (`arn:<partition>:::<account>`, type
 * AWS::Account), so an account-level finding joins the scan's other account findings. Without a
 * known account id: `{ id: "account" }`.
 */
export function accountRef(inventory: Inventory, account = inventory.ownAccountIds?.[0]): ResourceRef {
  if (account === undefined) return { id: "account", type: "AWS::Account", name: "this account", label: "AWS account" };
  const partition = partitionOf(inventory);
  return { id: `arn:${partition}:::${account}`, type: "AWS::Account", name: account, label: "AWS account", account };
}

/** The partition of the scanned ARNs (aws, aws-cn, aws-us-gov), "aws" when none says. */
function partitionOf(inventory: Inventory): string {
  const ids = [...(inventory.hygiene?.trails ?? []).map((t) => t.ref.id), ...inventory.stores.map((s) => s.ref.id)];
  for (const id of ids) {
    const m = /^arn:(aws[a-z-]*):/.exec(id);
    if (m?.[1]) return m[1];
  }
  return "aws";
}

/** What CIS 3.1/3.2/3.5 ask of a trail: recording, in every region, validated and KMS-encrypted log files. */
export function trailChecks(t: Trail): AnyCheck[] {
  return [
    { setting: t.logging, name: "whether it is logging", required: "logging on", ok: isTrue },
    { setting: t.multiRegion, name: "whether it records every region", required: "multi-region", ok: isTrue },
    { setting: t.logFileValidation, name: "whether its log files are validated", required: "log file validation on", ok: isTrue },
    { setting: t.kmsKey, name: "the key of its log files", required: "log files encrypted with a KMS key", ok: (k: string | undefined) => k !== undefined && k !== "" },
  ];
}

/** What a trail records of reads on one store: a description when it does, false when not, Unknown when not known. */
export function trailRecordsReads(t: Trail, store: DataStore, resourceType: "s3-object" | "dynamodb-table"): Val<string | false> {
  const logging = t.logging.value;
  if (logging === false) return false;
  const events = t.dataEvents;
  if (isUnknown(events)) return unknown(events.reason, `the data events of trail ${t.ref.name}: ${events.detail}`);
  let undetermined: Unknown | undefined;
  for (const s of events) {
    if (s.resourceType !== resourceType || s.readWrite === "write") continue;
    const covered = selectionCovers(s, store, resourceType);
    if (isUnknown(covered)) undetermined ??= unknown(covered.reason, `trail ${t.ref.name}: ${covered.detail}`);
    else if (covered) {
      if (isUnknown(logging)) undetermined ??= unknown(logging.reason, `whether trail ${t.ref.name} is logging: ${logging.detail}`);
      else return `trail ${t.ref.name} records its ${resourceType === "s3-object" ? "object" : "item"} reads (${covered})`;
    }
  }
  return undetermined ?? false;
}

function selectionCovers(s: DataEventSelection, store: DataStore, resourceType: "s3-object" | "dynamodb-table"): Val<string | false> {
  if (s.resources === "all") return `every ${resourceType === "s3-object" ? "bucket" : "table"}`;
  if (s.resourceRefs?.includes(store.ref.id)) return "it names this store";
  const prefixes = s.resources;
  if (isUnknown(prefixes)) return unknown(prefixes.reason, `its ${resourceType} data event resources: ${prefixes.detail}`);
  if (prefixes.length === 0) return false;
  const arn = arnOf(store, resourceType);
  if (isUnknown(arn)) return arn;
  const found = prefixes.find((p) => covers(p, arn));
  return found === undefined ? false : `prefix ${found}`;
}

/** A CloudTrail data resource value covers every object of the store when the store's ARN starts with it. */
const covers = (prefix: string, arn: string): boolean => arn.startsWith(prefix) || `${arn}/`.startsWith(prefix);

/** The ARN a data event prefix must cover: a bucket's objects (`arn:aws:s3:::name/`), a table's ARN. */
function arnOf(store: DataStore, resourceType: "s3-object" | "dynamodb-table"): Val<string> {
  const known = typeof store.arn === "string" ? store.arn : store.ref.id.startsWith("arn:") ? store.ref.id : undefined;
  if (resourceType === "s3-object") {
    const base = known ?? (store.physicalName !== undefined ? `arn:aws:s3:::${store.physicalName}` : undefined);
    if (base !== undefined) return `${base}/`;
  } else if (known !== undefined) return known;
  return isUnknown(store.arn) ? unknown(store.arn.reason, `the ARN of ${store.ref.name}: ${store.arn.detail}`) : unknown("not-fetched", `the ARN of ${store.ref.name} is not known`);
}
