import { describe, expect, it } from "vitest";
import { stackInventory } from "../../src/pulumi/stack-inventory-cache";
import { engineResource } from "../helpers/engine";

describe("stack inventory cache", () => {
  it("reuses the inventory for the same resources and rebuilds when anything changes", () => {
    const a = [engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: true })];
    const first = stackInventory(a);
    expect(stackInventory(structuredClone(a))).toBe(first);
    const changed = [engineResource("aws:rds/instance:Instance", "db", { storageEncrypted: false })];
    const second = stackInventory(changed);
    expect(second).not.toBe(first);
    expect((second.stores[0]?.encryption as { enabled: boolean }).enabled).toBe(false);
  });
});
