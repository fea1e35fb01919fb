import { DEFAULT_CONFIG, type GuardConfig } from "../../src/core/config";
import { resolveOptions, type AnyRule, type Outcome } from "../../src/core/rule";
import type { DataStore, EncryptionAtRest } from "../../src/models/data-store";
import type { Inventory } from "../../src/models/inventory";
import type { KmsKey } from "../../src/models/kms-key";

export const CMK: EncryptionAtRest = {
  enabled: true,
  keyManager: "customer-managed",
  keyRef: "urn:key",
  observed: "storageEncrypted=true with kmsKeyId",
};

/** A compliant restricted RDS instance encrypted with a customer-managed key; override one thing per case. */
export function store(over: Partial<DataStore> = {}): DataStore {
  return {
    model: "data-store",
    ref: { id: `urn:${over.ref?.name ?? "db"}`, type: "aws:rds/instance:Instance", name: "db", label: "RDS instance" },
    kind: "rds-instance",
    tags: { "data-classification": "restricted" },
    encryption: CMK,
    parts: [],
    ...over,
  };
}

/** A compliant symmetric customer-managed key with rotation and the AWS default window. */
export function key(over: Partial<KmsKey> = {}): KmsKey {
  return {
    model: "kms-key",
    ref: { id: "urn:key", type: "aws:kms/key:Key", name: "key", label: "KMS key" },
    arn: undefined,
    manager: "customer",
    spec: "SYMMETRIC_DEFAULT",
    usage: "ENCRYPT_DECRYPT",
    origin: "AWS_KMS",
    rotationEnabled: true,
    deletionWindowDays: undefined,
    tags: {},
    ...over,
  };
}

export function run(
  rule: AnyRule,
  inv: Partial<Inventory>,
  options: Record<string, unknown> = {},
  config: GuardConfig = DEFAULT_CONFIG,
): Outcome[] {
  return rule.evaluate({ stores: [], keys: [], ...inv }, { config, options: resolveOptions(rule, options) });
}

export const statuses = (outcomes: Outcome[]): string[] => outcomes.map((o) => o.status);
