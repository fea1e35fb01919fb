import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { STORE_ADAPTERS } from "../../../src/adapters/pulumi/stores";
import { isUnknown } from "../../../src/core/value";
import type { DataStore } from "../../../src/models/data-store";
import { storeFacts } from "../../../src/models/store-kind-facts";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { storeOf } from "./store-cases";

// A store's ARN, from the output the provider fills (`arn` for most types): known in an existing stack,
// unknown in a new stack's preview, absent from Analyze's inputs.

const TABLE = "aws:dynamodb/table:Table";
const TABLE_ARN = "arn:aws:dynamodb:us-east-1:111122223333:table/orders";
/** AnalyzeStack's view of one resource: its planned state. */
const planned = (type: string, props: Record<string, unknown>): DataStore => {
  const resource: EngineResource = { ...engineResource(type, "res", props), plannedState: true };
  const [store] = buildInventory([resource]).stores;
  if (store === undefined) throw new Error(`no store from ${type}`);
  return store;
};

describe("a store's ARN", () => {
  it("an existing stack: the `arn` output", () => {
    expect(planned(TABLE, { name: "orders", arn: TABLE_ARN }).arn).toBe(TABLE_ARN);
  });

  it("a new stack's preview: unknown, although planned state reads other unfed unknowns as provider defaults", () => {
    const store = planned(TABLE, { name: "orders", arn: UNKNOWN, billingMode: UNKNOWN });
    expect(isUnknown(store.arn) && store.arn).toMatchObject({ reason: "preview", detail: "arn of res is computed during the update" });
  });

  it("Analyze's inputs carry no ARN: undefined, not unknown", () => {
    expect(storeOf(TABLE, { name: "orders" }).arn).toBeUndefined();
  });

  it.each([
    ["aws:rds/snapshotCopy:SnapshotCopy", "dbSnapshotArn", "arn:aws:rds:us-east-1:111122223333:snapshot:orders-copy"],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "dbClusterSnapshotArn", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-copy"],
    ["aws-native:rds:DbInstance", "dbInstanceArn", "arn:aws:rds:us-east-1:111122223333:db:orders"],
    ["aws-native:rds:DbCluster", "dbClusterArn", "arn:aws:rds:us-east-1:111122223333:cluster:orders"],
  ])("%s: read from `%s`", (type, property, arn) => {
    expect(planned(type, { [property]: arn, arn: "arn:aws:not:the-one" }).arn).toBe(arn);
  });

  it("a logical database (PostgreSQL provider) has none: IAM cannot name it", () => {
    const db = planned("postgresql:index/database:Database", { name: "tenant_a", arn: "arn:aws:rds:us-east-1:111122223333:db:x" });
    expect("arn" in db).toBe(false);
    expect(storeFacts(db.kind).arnService).toBeUndefined();
  });

  it("every other store kind names the service of its ARNs", () => {
    const kinds = new Set(STORE_ADAPTERS.map((a) => a.kind));
    kinds.delete("logical-database");
    expect([...kinds].filter((k) => storeFacts(k).arnService === undefined)).toEqual([]);
  });
});
