import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../src/adapters/pulumi/engine-resource";
import { resourceInventory, stackInventory } from "../../src/pulumi/request-inventory";
import { engineResource } from "../helpers/engine";

const same = (rs: readonly EngineResource[]) => rs;

describe("request inventory", () => {
  it("serves the stack policies of one request (same decoded properties) from one inventory", () => {
    const a = [engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: true })];
    const first = stackInventory(a, same);
    // The next policy of the same request: new resource objects around the same decoded properties.
    expect(stackInventory(a.map((r) => ({ ...r })), same)).toBe(first);
  });

  it("never serves another request's inventory, even for the same URNs in the same tick", () => {
    const one = stackInventory([engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: true })], same);
    const two = stackInventory([engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: false })], same);
    expect(two).not.toBe(one);
    expect((two.stores[0]?.encryption as { enabled: boolean }).enabled).toBe(false);
  });

  it("converts the engine's resources once per request", () => {
    const a = [engineResource("aws:rds/instance:Instance", "db", {})];
    let conversions = 0;
    const count = (rs: readonly EngineResource[]) => (conversions++, rs);
    const first = stackInventory(a, count).stores;
    expect(stackInventory(a, count).stores).toBe(first);
    expect(conversions).toBe(1);
  });

  it("shares one resource's inventory among the resource policies of one Analyze request only", () => {
    const db = engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: true });
    const first = resourceInventory(db);
    expect(resourceInventory({ ...db })).toBe(first);
    const changed = engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: false });
    expect(resourceInventory(changed)).not.toBe(first);
  });

  it("builds each part of an inventory once, when first read", () => {
    const inv = stackInventory([engineResource("aws:rds/instance:Instance", "lazy", { storageEncrypted: true })], same);
    expect(inv.network).toBe(inv.network);
    expect(inv.iam).toBe(inv.iam);
    expect(inv.stores).toBe(inv.stores);
  });
});
