import { describe, expect, it } from "vitest";
import { keyName, storeDifferences } from "../../src/access/drift";
import type { DataInventory, Fact, InventoryStore } from "../../src/access/model";
import { shadowStores } from "../../src/access/shadow";

const OWN = "111111111111";
const yes = (detail = "x"): Fact => ({ state: "yes", detail });
const no = (detail = "x"): Fact => ({ state: "no", detail });
const unknownFact: Fact = { state: "unknown", detail: "not known" };

/** A restricted, CMK-encrypted, private, backed-up store; override one thing per case. */
function s(id: string, over: Partial<InventoryStore> = {}): InventoryStore {
  return {
    id,
    kind: "s3-bucket",
    label: "S3 bucket",
    name: id.split(/[:/]/).pop()!,
    account: OWN,
    region: "us-east-1",
    classification: { level: "restricted", basis: "tag", customerData: true, detail: "classified 'restricted'" },
    segment: "eu",
    segmentState: "tagged",
    encryption: { state: "encrypted", keyManager: "customer-managed", key: `arn:aws:kms:us-east-1:${OWN}:key/k-1`, keyOwner: "own-account", detail: "" },
    exposure: { public: no(), internetPath: no(), crossAccount: [] },
    backups: yes(),
    retention: yes(),
    owner: { team: "data" },
    ...over,
  };
}

const inv = (front: "scan" | "pulumi", stores: InventoryStore[], accounts: string[] = [OWN]): DataInventory => ({
  source: { front, name: front, accounts },
  stores,
  principals: [],
  access: [],
  storeSummaries: [],
  principalSummaries: [],
  gaps: [],
});

const arn = (name: string): string => `arn:aws:s3:::${name}`;

describe("shadowStores", () => {
  // Live: four buckets and a table. Stack A manages `exports` (by ARN, its store id a URN); stack B
  // manages `sessions` (a new-stack view: no ARN, no account, matched by kind and name in the one account).
  const live = inv("scan", [
    s(arn("exports"), { arn: arn("exports"), encryption: { state: "encrypted", keyManager: "aws-managed", key: "alias/aws/s3", keyOwner: "aws", detail: "" }, exposure: { public: yes(), internetPath: no(), crossAccount: [] } }),
    s(arn("logs"), { arn: arn("logs"), classification: { level: "internal", basis: "tag", customerData: false, detail: "" } }),
    s(arn("shadow-copy"), { arn: arn("shadow-copy") }),
    s("arn:aws:dynamodb:us-east-1:111111111111:table/sessions", { kind: "dynamodb-table", arn: "arn:aws:dynamodb:us-east-1:111111111111:table/sessions", owner: { team: "web" }, retention: no() }),
    s(arn("same-settings"), { arn: arn("same-settings") }),
  ]);
  const stackA = {
    file: "stacks/a.json",
    inventory: inv("pulumi", [s("urn:pulumi:a::p::aws:s3/bucketV2:BucketV2::exports", { arn: arn("exports") }), s("urn:pulumi:a::p::aws:s3/bucketV2:BucketV2::same", { arn: arn("same-settings"), name: "same-settings" })]),
  };
  const stackB = {
    file: "stacks/b.json",
    inventory: inv("pulumi", [
      s("urn:pulumi:b::p::aws:dynamodb/table:Table::sessions", { kind: "dynamodb-table", name: "sessions", account: undefined, region: undefined, backups: unknownFact, retention: yes() }),
      // A bucket the stack plans that does not exist yet: it matches nothing and is not reported.
      s("urn:pulumi:b::p::aws:s3/bucketV2:BucketV2::planned", { name: "planned" }),
    ]),
    urns: new Map([["urn:pulumi:b::p::aws:dynamodb/table:Table::sessions", "urn:pulumi:b::p::aws:dynamodb/table:Table::sessions"]]),
  };

  it("lists exactly the live stores no stack manages, and exactly the drifted settings", () => {
    expect(shadowStores(live, [stackA, stackB])).toEqual({
      stateFiles: ["stacks/a.json", "stacks/b.json"],
      unmanaged: [{ store: arn("logs") }, { store: arn("shadow-copy") }],
      drifted: [
        {
          store: "arn:aws:dynamodb:us-east-1:111111111111:table/sessions",
          urn: "urn:pulumi:b::p::aws:dynamodb/table:Table::sessions",
          stateFile: "stacks/b.json",
          differences: [
            { setting: "retention", stack: "yes", live: "no" },
            { setting: "owner tags", stack: "team=data", live: "team=web" },
          ],
        },
        {
          store: arn("exports"),
          urn: "urn:pulumi:a::p::aws:s3/bucketV2:BucketV2::exports",
          stateFile: "stacks/a.json",
          differences: [
            { setting: "key manager", stack: "customer-managed", live: "aws-managed" },
            { setting: "public", stack: "no", live: "yes" },
          ],
        },
      ],
    });
  });

  it("with no stack store matching, every live store is unmanaged", () => {
    const other = { file: "other.json", inventory: inv("pulumi", [s("urn:x", { name: "nothing-like-it" })]) };
    expect(shadowStores(live, [other]).unmanaged.map((u) => u.store)).toEqual(live.stores.map((l) => l.id).sort());
    expect(shadowStores(live, []).unmanaged).toHaveLength(5);
  });

  it("does not match by name across accounts, nor by name alone when the live inventory spans accounts and the stack's account is unknown", () => {
    const twoAccounts = inv("scan", [s(arn("a"), { arn: arn("a") }), s(arn("b"), { arn: arn("b"), account: "222222222222" })], [OWN, "222222222222"]);
    const stack = { file: "s.json", inventory: inv("pulumi", [s("urn:a", { name: "a", account: undefined }), s("urn:b", { name: "b", account: OWN })]) };
    expect(shadowStores(twoAccounts, [stack]).unmanaged).toEqual([{ store: arn("a") }, { store: arn("b") }]);
  });
});

describe("storeDifferences", () => {
  it.each<[string, Partial<InventoryStore>, Partial<InventoryStore>, string[]]>([
    ["the same settings: no drift", {}, {}, []],
    ["unencrypted live", {}, { encryption: { state: "unencrypted", detail: "" } }, ["encryption encrypted -> unencrypted"]],
    ["encryption unknown live: skipped", {}, { encryption: { state: "unknown", detail: "denied" } }, []],
    ["another key", {}, { encryption: { state: "encrypted", keyManager: "customer-managed", key: `arn:aws:kms:us-east-1:${OWN}:key/k-2`, keyOwner: "own-account", detail: "" } }, [`key arn:aws:kms:us-east-1:${OWN}:key/k-1 -> arn:aws:kms:us-east-1:${OWN}:key/k-2`]],
    ["the same key as an ARN and a bare id: no drift", {}, { encryption: { state: "encrypted", keyManager: "customer-managed", key: "k-1", keyOwner: "own-account", detail: "" } }, []],
    ["a key id against an alias: not compared", {}, { encryption: { state: "encrypted", keyManager: "customer-managed", key: "alias/orders", keyOwner: "own-account", detail: "" } }, []],
    ["a key not printable on one side: not compared", {}, { encryption: { state: "encrypted", keyManager: "customer-managed", keyOwner: "own-account", detail: "" } }, []],
    ["reclassified", {}, { classification: { level: "confidential", basis: "tag", customerData: true, detail: "" } }, ["classification restricted -> confidential"]],
    ["classification unknown on the stack (preview): classification and owner tags skipped", { classification: { basis: "unknown", customerData: "unknown", detail: "" }, owner: {} }, {}, []],
    ["segment removed", {}, { segment: undefined, segmentState: "untagged" }, ["segment eu -> (none)"]],
    ["segment unknown: skipped", { segment: "unknown", segmentState: "unknown" }, { segment: "us" }, []],
    ["an internet path appeared", {}, { exposure: { public: no(), internetPath: yes(), crossAccount: [] } }, ["internet path no -> yes"]],
    ["public unknown live: skipped", {}, { exposure: { public: unknownFact, internetPath: no(), crossAccount: [] } }, []],
    ["backups turned off", {}, { backups: no() }, ["backups yes -> no"]],
    ["owner tag added", {}, { owner: { team: "data", owner: "ana" } }, ["owner tags team=data -> owner=ana, team=data"]],
  ])("%s", (_name, stack, live, expected) => {
    const d = storeDifferences(s("urn:x", stack), s(arn("x"), live));
    expect(d.map((x) => `${x.setting} ${x.stack} -> ${x.live}`)).toEqual(expected);
  });

  it("names keys by id or alias", () => {
    expect(keyName("arn:aws:kms:us-east-1:111111111111:key/abc")).toBe("abc");
    expect(keyName("arn:aws:kms:us-east-1:111111111111:alias/orders")).toBe("alias/orders");
    expect(keyName("alias/orders")).toBe("alias/orders");
  });
});
