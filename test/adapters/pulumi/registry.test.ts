import { describe, expect, it } from "vitest";
import { SUPPORTED_TYPES } from "../../../src/adapters/pulumi/inventory";
import { STORE_ADAPTERS } from "../../../src/adapters/pulumi/stores";
import { isUnknown } from "../../../src/core/value";
import { STORE_KINDS } from "../../../src/models/data-store";
import { STORE_VARIANT_FACTS, storeFacts, storeLabel } from "../../../src/models/store-kind-facts";
import { storeOf } from "./store-cases";

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
      expect(storeLabel(a.kind, a.variant).length).toBeGreaterThan(0);
      expect(STORE_KINDS).toContain(a.kind);
    }
  });

  it("an adapter's variant belongs to its kind", () => {
    for (const a of STORE_ADAPTERS) if (a.variant) expect([a.variant, STORE_VARIANT_FACTS[a.variant].kind]).toEqual([a.variant, a.kind]);
  });

  it.each(types)("%s: the store's label is its kind's (or variant's)", (type) => {
    const s = storeOf(type, {});
    expect(s.ref.label).toBe(storeLabel(s.kind, s.variant));
  });

  it.each(types)("%s: set nothing, and the kind's encryption defaults hold", (type) => {
    const s = storeOf(type, {});
    const { always, onByDefault, keyless } = storeFacts(s.kind, s.variant).encryption;
    const e = s.encryption;
    if (always || onByDefault) expect(isUnknown(e) ? e : [e.enabled, e.keyManager]).toEqual([true, keyless]);
    else expect(isUnknown(e) || e.enabled === false).toBe(true);
  });

  it("secret versions are never adapted", () => {
    expect(types.some((t) => t.startsWith("aws:secretsmanager/secretVersion"))).toBe(false);
  });
});
