import type { AliasListEntry } from "@aws-sdk/client-kms";
import { unknown, type Val } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import { isAwsAlias } from "../../fetchers/aws/kms-aliases";
import type { KmsAnswers, KmsKeyAnswers } from "../../fetchers/aws/kms";
import type { KeyManager } from "../../models/data-store";
import type { AdaptContext } from "./context";
import { unknownOf } from "./fetched";
import { kmsKeyModelId, parseKeyName } from "./kms-key-id";

/** Who manages a key a resource names, the key model's id when there is one, and what was found. */
export interface KeyResolution {
  readonly manager: Val<KeyManager>;
  /** The key model's id: a key of the scanned account that KMS lists and that is not AWS-managed. */
  readonly keyRef?: string;
  /** Set when the answer is a presumption a message should mention (e.g. the key no longer exists). */
  readonly note?: string;
}

export type KeyDirectory = Pick<AdaptContext, "keyManager" | "keyRef"> & {
  resolve(key: string, region: string): KeyResolution;
};

interface RegionIndex {
  readonly answers: KmsAnswers;
  readonly keys: ReadonlyMap<string, KmsKeyAnswers>;
  readonly aliases: ReadonlyMap<string, AliasListEntry>;
}

/**
 * The account's KMS keys, from the KMS answers of every scanned region, for adapters whose
 * resources name a key by ARN, id, alias name or alias ARN:
 * - `alias/aws/...` (or its ARN) is AWS-managed, whether or not KMS listed it;
 * - a key or alias of another account is customer-managed (AWS-managed keys serve their own account only);
 * - a key KMS lists is what DescribeKey says (Unknown when it did not answer);
 * - a key or alias KMS does not list, while the listing answered, is taken as customer-managed:
 *   AWS-managed keys are never deleted, so it is a deleted (or mistyped) customer key, and the
 *   resolution's note says so;
 * - a region whose listing failed, or that was not scanned, gives Unknown with the reason.
 */
export function keyDirectory(account: string, partition: string, answers: readonly KmsAnswers[]): KeyDirectory {
  const regions = new Map(answers.map((a) => [a.region, indexRegion(a)]));
  const resolve = (key: string, region: string): KeyResolution => resolveKey(key, region, account, partition, regions);
  return {
    resolve,
    keyManager: (key, region) => resolve(key, region).manager,
    keyRef: (key, region) => resolve(key, region).keyRef,
  };
}

/**
 * The same, from the scanner's raw answers by region (a region whose KMS fetch threw holds
 * undefined, and reads as not scanned).
 */
export function keyDirectoryOfRaw(answers: ReadonlyMap<string, unknown>, account: string, partition = "aws"): KeyDirectory {
  const kms = [...answers].flatMap(([region, raw]) => (isKmsAnswers(raw) ? [{ ...raw, region }] : []));
  return keyDirectory(account, partition, kms);
}

function isKmsAnswers(raw: unknown): raw is KmsAnswers {
  return typeof raw === "object" && raw !== null && "keys" in raw && "aliases" in raw;
}

function indexRegion(answers: KmsAnswers): RegionIndex {
  const keys = new Map<string, KmsKeyAnswers>();
  for (const k of answers.keys.ok ? answers.keys.value : []) if (k.listed.KeyId !== undefined) keys.set(k.listed.KeyId, k);
  const aliases = new Map<string, AliasListEntry>();
  for (const a of answers.aliases.ok ? answers.aliases.value : []) if (a.AliasName !== undefined) aliases.set(a.AliasName, a);
  return { answers, keys, aliases };
}

function resolveKey(key: string, region: string, account: string, partition: string, regions: ReadonlyMap<string, RegionIndex>): KeyResolution {
  const name = parseKeyName(key);
  if (name.by === "alias" && isAwsAlias(name.alias)) return { manager: "aws-managed" };
  if (name.account !== undefined && name.account !== account) {
    return { manager: "customer-managed", note: `a key of account ${name.account}` };
  }
  const where = name.region ?? region;
  const index = regions.get(where);
  if (index === undefined) return { manager: unknown("not-fetched", `the KMS keys of ${where} were not read`) };
  let keyId: string;
  if (name.by === "alias") {
    if (!index.answers.aliases.ok) return { manager: unknownOf(index.answers.aliases.failure) };
    const target = index.aliases.get(name.alias)?.TargetKeyId;
    if (target === undefined) return { manager: "customer-managed", note: `${name.alias} is not an alias in ${where} (deleted?)` };
    keyId = target;
  } else keyId = name.keyId;
  return resolveListed(keyId, where, account, partition, index);
}

function resolveListed(keyId: string, region: string, account: string, partition: string, index: RegionIndex): KeyResolution {
  const listing: Fetched<unknown> = index.answers.keys;
  if (!listing.ok) return { manager: unknownOf(listing.failure) };
  const found = index.keys.get(keyId);
  if (found === undefined) return { manager: "customer-managed", note: `key ${keyId} is not among the KMS keys of ${region} (deleted?)` };
  const manager = managerOf(found, index);
  // The KMS adapter models every listed key that is not AWS-managed, described or not.
  if (manager === "aws-managed") return { manager };
  return { manager, keyRef: kmsKeyModelId(found.listed, partition, region, account) };
}

function managerOf(k: KmsKeyAnswers, index: RegionIndex): Val<KeyManager> {
  if (k.metadata.ok) return k.metadata.value.KeyManager === "AWS" ? "aws-managed" : "customer-managed";
  const awsAlias = [...index.aliases.values()].some((a) => a.TargetKeyId === k.listed.KeyId && a.AliasName !== undefined && isAwsAlias(a.AliasName));
  return awsAlias ? "aws-managed" : unknownOf(k.metadata.failure);
}
