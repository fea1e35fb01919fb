import { describe, expect, it } from "vitest";
import type { AccessEdge, AccessPrincipal, DataInventory, InventoryStore } from "../../src/access/model";
import { OWNER_TAG_KEYS } from "../../src/access/owner-tags";
import { principalSummaries, storeSummaries } from "../../src/access/summaries";
import { unknown } from "../../src/core/value";
import type { DataStore } from "../../src/models/data-store";
import { mergeHygiene } from "../../src/models/hygiene";
import { built, EXPORTS, FOREIGN_KEY, ORDERS_DB, OTHER, OWN, OWN_KEY, publicSubnet, QUEUE, scenario, SESSIONS, SHARED, sharedPolicy, SITE, sitePolicy, storeOf, table } from "./build-fixtures";

const NOT_JUDGED = "not judged for this kind of store";
/** Buckets and tables sit in no network: no internet path but through their API, which the access map covers. */
const API_ONLY = { state: "no", detail: "no network path: the store is reached only through its service's API, as the access map shows" };

describe("buildDataInventory: stores", () => {
  const doc = built();

  it("lists every store, sorted by id", () => {
    expect(doc.stores.map((s) => s.id)).toEqual([SESSIONS, SHARED, ORDERS_DB, EXPORTS, SITE, QUEUE]);
    expect(doc.source).toEqual({ front: "scan", name: OWN, accounts: [OWN] });
  });

  it("a tagged restricted bucket with a customer-managed key of its own account: every field", () => {
    expect(storeOf(doc, EXPORTS)).toEqual({
      id: EXPORTS,
      kind: "s3-bucket",
      label: "S3 bucket",
      name: "customer-exports",
      arn: EXPORTS,
      account: OWN,
      region: "us-east-1",
      classification: { level: "restricted", basis: "tag", customerData: true, detail: "classified 'restricted'" },
      segment: "eu",
      segmentState: "tagged",
      encryption: {
        state: "encrypted",
        keyManager: "customer-managed",
        key: OWN_KEY,
        keyOwner: "own-account",
        detail: "encrypted with a customer-managed KMS key (SSE-KMS with a customer-managed key)",
      },
      exposure: {
        public: { state: "no", detail: "no grant to everyone and no public endpoint found" },
        internetPath: API_ONLY,
        crossAccount: [],
      },
      // Versioning and lifecycle were not read: the rules said so, and so does the inventory.
      backups: { state: "unknown", detail: "S3 bucket 'customer-exports': the versioning cannot be judged: the setting is not part of this view" },
      retention: { state: "unknown", detail: "S3 bucket 'customer-exports': the lifecycle expiration cannot be judged: the setting is not part of this view" },
      owner: { "cost-center": "cc-42", Owner: "data-team" },
    });
  });

  it("an untagged table with an AWS-owned key: classification assumed, key held by AWS", () => {
    expect(storeOf(doc, SESSIONS)).toEqual({
      id: SESSIONS,
      kind: "dynamodb-table",
      label: "DynamoDB table",
      name: "sessions",
      arn: SESSIONS,
      account: OWN,
      region: "us-east-1",
      classification: { level: "confidential", basis: "assumed", customerData: true, detail: "untagged (treated as 'confidential'; tag 'data-classification' to classify)" },
      segmentState: "untagged",
      encryption: { state: "encrypted", keyManager: "aws-owned", keyOwner: "aws", detail: "encrypted with an AWS-owned key (SSE not set (AWS-owned key))" },
      exposure: {
        public: { state: "no", detail: "no grant to everyone and no public endpoint found" },
        internetPath: API_ONLY,
        crossAccount: [],
      },
      backups: { state: "unknown", detail: "DynamoDB table 'sessions': its automated backups cannot be judged: the setting is not part of this view" },
      retention: { state: "unknown", detail: NOT_JUDGED },
      owner: {},
    });
  });

  it("tags not known (preview): classification, segment and owner tags are unknown, and it is a gap", () => {
    const q = storeOf(doc, QUEUE);
    expect(q.classification).toEqual({ basis: "unknown", customerData: "unknown", detail: "classification not known: tags: tags come from a stack output" });
    expect([q.segment, q.segmentState]).toEqual(["unknown", "unknown"]);
    expect(q.owner).toEqual({});
    expect(q.retention).toEqual({ state: "unknown", detail: "SQS queue 'intake': the classification cannot be judged: tags: tags come from a stack output" });
    expect(doc.gaps).toContainEqual({ subject: QUEUE, reason: "classification not known: tags: tags come from a stack output" });
  });

  it("a key of another account: keyOwner is that account; its resource policy's grant makes it cross-account", () => {
    const t = storeOf(doc, SHARED);
    expect(t.encryption).toEqual({ state: "encrypted", keyManager: "customer-managed", key: FOREIGN_KEY, keyOwner: OTHER, detail: "encrypted with a customer-managed KMS key (SSE with a KMS key)" });
    expect(t.exposure.crossAccount).toEqual([OTHER]);
    expect(t.segment).toBe("us");
  });

  it("a joined key model without a printable key id: owner from the key's ARN", () => {
    expect(storeOf(doc, ORDERS_DB).encryption).toEqual({ state: "encrypted", keyManager: "customer-managed", keyOwner: "own-account", detail: "encrypted with a customer-managed KMS key (storageEncrypted=true)" });
  });

  it("a bucket whose policy grants everyone: public yes, naming the statement", () => {
    expect(storeOf(doc, SITE).exposure.public).toEqual({ state: "yes", detail: "read granted to everyone by the policy of S3 bucket 'public-site-data', PublicRead" });
  });

  it("a database in a public subnet: internet path yes with the rule's message; short backups: no", () => {
    const d = storeOf(doc, ORDERS_DB);
    expect(d.exposure.internetPath).toEqual({
      state: "yes",
      detail: "RDS instance 'orders-db' sits in public subnets: subnet subnet-pub routes 0.0.0.0/0 to internet gateway igw-1 (routes[0] of rt-public) in rt-public",
    });
    expect(d.backups.state).toBe("no");
    expect(d.backups.detail).toContain("its automated backups are kept only 7 days");
  });

  it("a database in private subnets with 14 days of backups: internet path no, backups yes", () => {
    const inv = scenario();
    const privateDb = { ...inv, placements: new Map([[ORDERS_DB, { ...publicSubnet, subnets: ["subnet-a"] }]]), hygiene: mergeHygiene("account", [{ stores: [[ORDERS_DB, { backups: { value: true, observed: "backupRetentionPeriod=14" }, backupRetentionDays: { value: 14, observed: "backupRetentionPeriod=14" } }]] }]) };
    const d = storeOf(built(privateDb), ORDERS_DB);
    expect(d.exposure.internetPath.state).toBe("no");
    expect(d.backups.state).toBe("yes");
  });

  it("a placement not known (preview): internet path unknown with the reason, never yes or no", () => {
    const inv = scenario();
    const d = storeOf(built({ ...inv, placements: new Map([[ORDERS_DB, { ...publicSubnet, subnets: unknown("preview", "subnets come from another stack") }]]) }), ORDERS_DB);
    expect(d.exposure.internetPath.state).toBe("unknown");
    expect(d.exposure.internetPath.detail).toContain("subnets come from another stack");
  });

  it("a bucket policy not known (preview): public unknown, not no", () => {
    const inv = scenario();
    const doc2 = built({ ...inv, resourcePolicies: [{ ...sitePolicy, document: unknown("preview", "pulumi.jsonStringify output") }, sharedPolicy] });
    expect(storeOf(doc2, SITE).exposure.public.state).toBe("unknown");
    expect(storeOf(doc2, SITE).exposure.public.detail).not.toBe("");
  });

  it("a waived failure keeps its verdict and says it is waived, with the reason", () => {
    const inv = scenario();
    const waived = { ...inv, tags: new Map([[ORDERS_DB, { "cdguard:waive:CDG-NET-003": "migration to private subnets in Q1" }]]) };
    const d = storeOf(built(waived), ORDERS_DB);
    expect(d.exposure.internetPath.state).toBe("yes");
    expect(d.exposure.internetPath.detail).toMatch(/^waived \(migration to private subnets in Q1\): RDS instance 'orders-db' sits in public subnets/);
  });

  it("owner tags: the default keys, any case", () => {
    expect(OWNER_TAG_KEYS).toEqual(["owner", "team", "contact", "data-owner", "business-owner", "cost-center", "application"]);
  });
});

describe("buildDataInventory: access and summaries", () => {
  const doc = built();
  const ADMIN = `arn:aws:iam::${OWN}:role/admin`;
  const APP = `arn:aws:iam::${OWN}:role/app`;
  const READER = `arn:aws:iam::${OWN}:role/reader`;

  it("takes principals and edges from the access map, sorted", () => {
    expect(doc.principals.map((p) => p.id)).toEqual([`account:${OTHER}`, ADMIN, APP, READER, "public"]);
    const keys = doc.access.map((e) => `${e.store} ${e.principal} ${e.level}`);
    expect(keys).toContain(`${SESSIONS} ${APP} read`);
    expect(keys.indexOf(`${SESSIONS} ${ADMIN} manage`)).toBeLessThan(keys.indexOf(`${SESSIONS} ${APP} read`));
  });

  it("counts principals per store and level: 3 principals can read shared-reports", () => {
    expect(doc.storeSummaries.find((s) => s.store === SHARED)).toEqual({ store: SHARED, principals: { read: 3, write: 1, manage: 1, unknown: 0 }, public: false });
    expect(doc.storeSummaries.find((s) => s.store === SITE)?.public).toBe(true);
  });

  it("ranks principals widest first: customer-data stores, then all stores, then id", () => {
    expect(doc.principalSummaries.map((p) => [p.principal, p.customerDataStores])).toEqual([
      [ADMIN, 5],
      [APP, 2],
      [`account:${OTHER}`, 1],
      [READER, 1],
      ["public", 1],
    ]);
    expect(doc.principalSummaries[0]).toEqual({ principal: ADMIN, stores: { read: 6, write: 6, manage: 6, unknown: 0 }, customerDataStores: 5, segments: ["eu", "us"] });
  });
});

describe("summaries over given edges", () => {
  const s = (id: string, customerData: boolean | "unknown", segment?: string): InventoryStore =>
    ({ ...storeOf(built(), EXPORTS), id, classification: { basis: "tag", customerData, detail: "" }, ...(segment ? { segment, segmentState: "tagged" as const } : { segment: undefined, segmentState: "untagged" as const }) });
  const p = (id: string): AccessPrincipal => ({ id, kind: "role", name: id, foreign: false });
  const e = (principal: string, store: string, level: AccessEdge["level"], status: AccessEdge["status"]): AccessEdge => ({ principal, store, level, status, grants: [], limits: [] });
  const stores = [s("a", true, "x"), s("b", true, "y, z"), s("c", false), s("d", "unknown")];
  const principals = [p("r1"), p("r2"), p("r3"), p("public")];
  const edges = [
    e("r1", "a", "read", "allowed"),
    e("r1", "a", "write", "conditional"),
    e("r1", "b", "read", "denied"),
    e("r2", "a", "read", "unknown"),
    e("r2", "c", "manage", "allowed"),
    e("r2", "d", "read", "allowed"),
    e("r3", "b", "read", "allowed"),
    e("public", "a", "read", "denied"),
  ];

  it("per store: allowed and conditional count, denied does not, unknown counted apart", () => {
    expect(storeSummaries(stores, edges)).toEqual([
      { store: "a", principals: { read: 1, write: 1, manage: 0, unknown: 1 }, public: false },
      { store: "b", principals: { read: 1, write: 0, manage: 0, unknown: 0 }, public: false },
      { store: "c", principals: { read: 0, write: 0, manage: 1, unknown: 0 }, public: false },
      { store: "d", principals: { read: 1, write: 0, manage: 0, unknown: 0 }, public: false },
    ]);
  });

  it("per principal: only customer-data stores count as such; segments split; ties by total then id", () => {
    expect(principalSummaries(stores, principals, edges)).toEqual([
      { principal: "r1", stores: { read: 1, write: 1, manage: 0, unknown: 0 }, customerDataStores: 1, segments: ["x"] },
      { principal: "r3", stores: { read: 1, write: 0, manage: 0, unknown: 0 }, customerDataStores: 1, segments: ["y", "z"] },
      { principal: "r2", stores: { read: 1, write: 0, manage: 1, unknown: 1 }, customerDataStores: 0, segments: [] },
      { principal: "public", stores: { read: 0, write: 0, manage: 0, unknown: 0 }, customerDataStores: 0, segments: [] },
    ]);
  });
});

describe("buildDataInventory: more cases", () => {
  it("a database whose own public switch is on: public yes (CDG-NET-001) and internet path yes", () => {
    const inv = scenario();
    const d = storeOf(built({ ...inv, placements: new Map([[ORDERS_DB, { ...publicSubnet, publiclyAccessible: true, subnets: ["subnet-a"] }]]) }), ORDERS_DB);
    expect(d.exposure.public.state).toBe("yes");
    expect(d.exposure.public.detail).toContain("RDS instance 'orders-db' is publicly accessible");
    expect(d.exposure.internetPath.state).toBe("yes");
  });

  it("a store with parts: the weakest part decides the key manager", () => {
    const inv = scenario();
    const withParts = table(SESSIONS, "sessions", {
      tags: {},
      encryption: { enabled: true, keyManager: "customer-managed", keyId: OWN_KEY, observed: "SSE with a KMS key" },
      parts: [{ name: "replica eu-west-1", encryption: { enabled: true, keyManager: "aws-managed", observed: "replica without a key" } }],
    });
    const t = storeOf(built({ ...inv, stores: inv.stores.map((s) => (s.ref.id === SESSIONS ? withParts : s)) }), SESSIONS);
    expect(t.encryption).toEqual({ state: "encrypted", keyManager: "aws-managed", keyOwner: "aws", detail: "encrypted with an AWS-managed KMS key (all 2 parts encrypted)" });
  });

  it("an unencrypted part makes the store unencrypted; an unknown one unknown", () => {
    const inv = scenario();
    const withPart = (enc: DataStore["encryption"]) => table(SESSIONS, "sessions", { tags: {}, parts: [{ name: "replica", encryption: enc }] });
    const of = (enc: DataStore["encryption"]) => storeOf(built({ ...inv, stores: [withPart(enc)] }), SESSIONS).encryption.state;
    expect(of({ enabled: false, keyManager: undefined, observed: "off" })).toBe("unencrypted");
    expect(of(unknown("preview", "replica settings computed"))).toBe("unknown");
  });

  it("an unrecognized classification tag is kept as such", () => {
    const inv = scenario();
    const odd = table(SESSIONS, "sessions", { tags: { "data-classification": "secret-ish" } });
    expect(storeOf(built({ ...inv, stores: [odd] }), SESSIONS).classification).toEqual({
      level: "restricted",
      basis: "unrecognized-tag",
      customerData: true,
      detail: "tag 'data-classification' has an unrecognized value (treated as 'restricted')",
    });
  });
});

describe("mergeDataInventories", () => {
  it("joins accounts: stores and principals once, a foreign account of one part that is merged is not foreign, summaries recomputed", async () => {
    const { mergeDataInventories } = await import("../../src/access/build");
    const a = built();
    const otherStore: InventoryStore = { ...storeOf(a, SHARED), id: `arn:aws:dynamodb:us-east-1:${OTHER}:table/b`, account: OTHER };
    const b: DataInventory = {
      ...a,
      source: { front: "scan", name: OTHER, accounts: [OTHER] },
      stores: [otherStore],
      principals: [{ id: "public", kind: "public", name: "the public (anyone)", foreign: true }],
      access: [{ principal: "public", store: otherStore.id, level: "read", status: "allowed", grants: [], limits: [] }],
    };
    const m = mergeDataInventories([a, b], "org");
    expect(m.source).toEqual({ front: "scan", name: "org", accounts: [OWN, OTHER] });
    expect(m.stores.map((s) => s.id)).toEqual([...a.stores.map((s) => s.id), otherStore.id].sort());
    expect(m.principals.filter((p) => p.id === "public")).toHaveLength(1);
    expect(m.principals.find((p) => p.id === `account:${OTHER}`)?.foreign).toBe(false);
    expect(m.principalSummaries.find((p) => p.principal === "public")?.customerDataStores).toBe(2);
    expect(m.storeSummaries.find((s) => s.store === otherStore.id)?.public).toBe(true);
  });
});
