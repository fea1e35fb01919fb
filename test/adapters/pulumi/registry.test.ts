import { describe, expect, it } from "vitest";
import { SUPPORTED_TYPES } from "../../../src/adapters/pulumi/inventory";
import { STORE_ADAPTERS } from "../../../src/adapters/pulumi/stores";
import { STORE_KINDS } from "../../../src/models/data-store";

describe("store adapter registry", () => {
  const types = STORE_ADAPTERS.flatMap((a) => a.types);

  it("registers every type token once", () => {
    const counts = new Map<string, number>();
    for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(new Set(SUPPORTED_TYPES).size).toBe(SUPPORTED_TYPES.length);
    for (const t of types) expect(SUPPORTED_TYPES).toContain(t);
  });

  it("type tokens are well formed", () => {
    for (const t of types) expect(t).toMatch(/^((aws|postgresql|mysql):[a-z0-9]+\/[a-zA-Z0-9]+:[A-Z][A-Za-z0-9]+|aws-native:[a-z0-9]+:[A-Z][A-Za-z0-9]+)$/);
  });

  it("every store kind is produced by at least one adapter", () => {
    const produced = new Set(STORE_ADAPTERS.map((a) => a.kind));
    expect(STORE_KINDS.filter((k) => !produced.has(k))).toEqual([]);
  });

  it("every adapter has a label and a kind from STORE_KINDS", () => {
    for (const a of STORE_ADAPTERS) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(STORE_KINDS).toContain(a.kind);
    }
  });

  it("secret versions are never adapted", () => {
    expect(types.some((t) => t.startsWith("aws:secretsmanager/secretVersion"))).toBe(false);
  });
});
