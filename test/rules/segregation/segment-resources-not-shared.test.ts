import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { segmentResourcesNotShared as rule } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { run } from "../../helpers/models";
import { segment, stack, T, u, without } from "./segment-stack";

const failures = (inv: Parameters<typeof run>[1]) =>
  run(rule, inv).filter((o) => o.status === "fail").map((o) => o.message);

describe("CDG-SEG-002 segment-resources-not-shared", () => {
  it("compliant: each segment has its own key, security group and subnet group", () => {
    expect(failures(stack(segment("a"), segment("b")))).toEqual([]);
  });

  it("violation: segment b encrypts with segment a's key", () => {
    const inv = stack(segment("a"), without(segment("b", { keyOf: "a" }), u("key", "key-b")));
    expect(failures(inv)).toEqual([
      "KMS key 'key-a' is shared by segments 'a' (RDS instance 'db-a') and 'b' (RDS instance 'db-b')",
    ]);
  });

  it("violation: one security group and one subnet group for both segments", () => {
    const inv = stack(segment("a"), segment("b", { sgOf: "a", groupOf: "a" }));
    expect(failures(inv)).toEqual([
      "security group 'db-a' is shared by segments 'a' (RDS instance 'db-a') and 'b' (RDS instance 'db-b')",
      "RDS subnet group 'dbgroup-a' is shared by segments 'a' (RDS instance 'db-a') and 'b' (RDS instance 'db-b')",
    ]);
  });

  it("violation: one database server hosting two segments' logical databases", () => {
    const server = engineResource(T.db, "shared", { storageEncrypted: true, tags: { "data-classification": "restricted" } });
    const provider = engineResource("pulumi:providers:postgresql", "pg", { host: UNKNOWN }, { host: [server.urn] });
    const logical = (name: string) => ({ ...engineResource("postgresql:index/database:Database", name, { name }), provider: provider.urn });
    const inv = stack(segment("a"), [server, provider, logical("tenant_a"), logical("tenant_b")]);
    const config = { ...DEFAULT_CONFIG, logicalDatabaseSegments: { tenant_a: "a", tenant_b: "b" } };
    const fails = run(rule, inv, {}, config).filter((o) => o.status === "fail");
    expect(fails.map((o) => o.message)).toEqual([
      "RDS instance 'shared' is shared by segments 'a' (logical database 'tenant_a') and 'b' (logical database 'tenant_b')",
    ]);
  });

  it("unknown: a sharer's segment is computed in preview", () => {
    const inv = stack(segment("a"), without(segment("b", { keyOf: "a", dbTags: UNKNOWN as never }), u("key", "key-b")));
    const key = run(rule, inv).find((o) => o.resource.name === "key-a");
    expect(key?.status).toBe("unknown");
  });
});

describe("message order", () => {
  it("names segments and stores the same way whatever order the stack's resources come in", () => {
    const inv = stack(segment("b", { sgOf: "a" }), segment("a"));
    const reversed = { ...inv, stores: [...inv.stores].reverse() };
    expect(failures(reversed)).toEqual(failures(inv));
    expect(failures(inv)).toEqual(["security group 'db-a' is shared by segments 'a' (RDS instance 'db-a') and 'b' (RDS instance 'db-b')"]);
  });
});
