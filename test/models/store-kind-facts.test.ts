import { describe, expect, it } from "vitest";
import { STORE_KINDS, STORE_VARIANTS } from "../../src/models/data-store";
import { STORE_KIND_FACTS, STORE_VARIANT_FACTS, storeFacts, storeLabel } from "../../src/models/store-kind-facts";

describe("store kind facts", () => {
  it("a kind's label and encryption defaults", () => {
    expect(storeLabel("rds-cluster")).toBe("RDS cluster");
    expect(storeFacts("s3-bucket").encryption).toEqual({ always: true, keyless: "aws-owned" });
    expect(storeFacts("ec2-instance").summarisesParts).toBe(true);
  });

  it("a variant names the store apart and keeps its kind's other facts", () => {
    expect(storeLabel("rds-cluster", "rds-global-cluster")).toBe("RDS global cluster");
    expect(storeFacts("opensearch-domain", "elasticsearch-domain").encryption).toBe(STORE_KIND_FACTS["opensearch-domain"].encryption);
  });

  it("a variant's own encryption defaults replace its kind's", () => {
    expect(storeFacts("backup-vault").encryption.keyless).toBe("aws-managed");
    expect(storeFacts("backup-vault", "backup-logically-air-gapped-vault").encryption).toEqual({ always: true, keyless: "aws-owned" });
  });

  it("labels are unique, so every front names each kind of store one way", () => {
    const labels = [...Object.values(STORE_KIND_FACTS), ...Object.values(STORE_VARIANT_FACTS)].map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("every variant has facts", () => {
    expect(Object.keys(STORE_VARIANT_FACTS).sort()).toEqual([...STORE_VARIANTS].sort());
  });

  it("a kind AWS encrypts by default names the key it then uses", () => {
    for (const kind of STORE_KINDS) {
      const { always, onByDefault, keyless } = storeFacts(kind).encryption;
      if (always || onByDefault) expect([kind, keyless]).toEqual([kind, expect.any(String)]);
    }
  });
});
