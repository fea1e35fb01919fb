import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { customerDataStoreInOneSegment as rule } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { segment, stack, T } from "./segment-stack";

const db = (name: string, tags: unknown) => engineResource(T.db, name, { storageEncrypted: true, tags });

describe("CDG-SEG-001 customer-data-store-in-one-segment", () => {
  it("compliant: every store of a segmented stack names one segment", () => {
    const outcomes = run(rule, stack(segment("a"), segment("b")));
    expect(statuses(outcomes)).toEqual(["pass", "pass"]);
  });

  it.each([
    ["violation: a store without a segment in a segmented stack", { "data-classification": "restricted" }, "fail"],
    ["violation: a store naming two segments", { "customer-segment": "a, b" }, "fail"],
    ["not judged: public data needs no segment", { "data-classification": "public" }, undefined],
    ["unknown: tags computed in preview", UNKNOWN, "unknown"],
  ])("%s", (_name, tags, expected) => {
    const outcomes = run(rule, stack(segment("a"), [db("odd", tags)]));
    expect(outcomes.find((o) => o.resource.name === "odd")?.status).toBe(expected);
  });

  it("is silent while no store declares a segment, unless required", () => {
    const plain = stack([db("one", { "data-classification": "restricted" })]);
    expect(run(rule, plain)).toEqual([]);
    expect(statuses(run(rule, plain, { requireSegments: true }))).toEqual(["fail"]);
  });

  it("logical databases take their segment from logicalDatabaseSegments", () => {
    const server = engineResource(T.db, "shared", { storageEncrypted: true, tags: { "customer-segment": "a" } });
    const provider = engineResource("pulumi:providers:postgresql", "pg", { host: UNKNOWN }, { host: [server.urn] });
    const logical = { ...engineResource("postgresql:index/database:Database", "tenant-b-db", { name: "tenant_b" }), provider: provider.urn };
    const inv = stack([server, provider, logical]);
    const config = { ...DEFAULT_CONFIG, logicalDatabaseSegments: { tenant_b: "b" } };
    expect(run(rule, inv).find((o) => o.resource.name === "tenant-b-db")?.message).toMatch(/declares no customer segment \(map its name/);
    expect(run(rule, inv, {}, config).find((o) => o.resource.name === "tenant-b-db")?.status).toBe("pass");
  });
});
