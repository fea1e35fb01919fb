import { describe, expect, it } from "vitest";
import { resourceInventory, stackInventory } from "../../src/pulumi/request-inventory";
import { engineResource } from "../helpers/engine";

const nextMacrotask = () => new Promise((ok) => setImmediate(ok));

describe("request inventory", () => {
  it("serves the policies of one request from one inventory, and a later request from a new one", async () => {
    const a = [engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: true })];
    const first = stackInventory(a);
    await Promise.resolve();
    expect(stackInventory(structuredClone(a))).toBe(first);
    await nextMacrotask();
    const changed = [engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: false })];
    const second = stackInventory(changed);
    expect(second).not.toBe(first);
    expect((second.stores[0]?.encryption as { enabled: boolean }).enabled).toBe(false);
  });

  it("never serves a different stack within the same request", () => {
    const one = stackInventory([engineResource("aws:rds/instance:Instance", "a", {})]);
    const two = stackInventory([engineResource("aws:rds/instance:Instance", "b", {})]);
    expect(two).not.toBe(one);
  });

  it("shares one resource's inventory among the resource policies of one Analyze request only", async () => {
    const db = engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: true });
    const first = resourceInventory(db);
    expect(resourceInventory(structuredClone(db))).toBe(first);
    expect(resourceInventory(engineResource("aws:rds/instance:Instance", "other", {}))).not.toBe(first);
    await nextMacrotask();
    expect(resourceInventory(db)).not.toBe(first);
  });

  it("builds each part of an inventory once, when first read", () => {
    const inv = stackInventory([engineResource("aws:rds/instance:Instance", "lazy", { storageEncrypted: true })]);
    expect(inv.network).toBe(inv.network);
    expect(inv.iam).toBe(inv.iam);
    expect(inv.stores).toBe(inv.stores);
  });
});
