import { describe, expect, it } from "vitest";
import { stackInventory } from "../../src/pulumi/stack-inventory-cache";
import { engineResource } from "../helpers/engine";

const nextMacrotask = () => new Promise((ok) => setImmediate(ok));

describe("stack inventory cache", () => {
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
});
