import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { expectEncryption, KEY_URN, stackOf, storeOf } from "./store-cases";

const INSTANCE = "aws:rds/instance:Instance";
const primary = engineResource(INSTANCE, "primary", { storageEncrypted: true, kmsKeyId: UNKNOWN }, { kmsKeyId: [KEY_URN] });
const replicaOf = (source: EngineResource, props: Record<string, unknown> = {}) =>
  engineResource(INSTANCE, "replica", { replicateSourceDb: UNKNOWN, ...props }, { replicateSourceDb: [source.urn] });

describe("stores encrypted as another store (encryptionFrom)", () => {
  it("a replica without settings: encrypted as its source, not fetched until joined", () => {
    const alone = storeOf(INSTANCE, { replicateSourceDb: "orders" });
    expect(alone.encryptionFrom).toBe("source");
    expectEncryption(alone.encryption, { unknown: "not-fetched", detail: /^res takes the encryption of the source named in 'replicateSourceDb'$/ });
  });

  it("joined in the stack view, it takes the source's encryption and keeps the marker", () => {
    const s = stackOf(primary, replicaOf(primary)).get("replica");
    expect(s?.encryptionFrom).toBe("source");
    expectEncryption(s!.encryption, { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN, observed: /^inherited from 'primary' \(/ });
  });

  it("a replica with its own settings is not encrypted as its source, in either view", () => {
    const replica = replicaOf(primary, { storageEncrypted: false });
    expect(storeOf(INSTANCE, replica.props).encryptionFrom).toBeUndefined();
    const s = stackOf(primary, replica).get("replica");
    expect([s?.encryptionFrom, s?.copyOf?.sourceRef]).toEqual([undefined, primary.urn]);
    expectEncryption(s!.encryption, { enabled: false, observed: /^storageEncrypted=false$/ });
  });

  it("a source that is itself unknown passes its unknown on", () => {
    const computed = engineResource(INSTANCE, "primary", { storageEncrypted: UNKNOWN });
    const s = stackOf(computed, replicaOf(computed)).get("replica");
    expectEncryption(s!.encryption, { enabled: "preview" });
  });

  it("a logical database is encrypted as its server", () => {
    const db = storeOf("postgresql:index/database:Database", { name: "orders" });
    expect(db.encryptionFrom).toBe("server");
    expectEncryption(db.encryption, { unknown: "not-fetched", detail: /is stored as its database server is/ });
  });
});
