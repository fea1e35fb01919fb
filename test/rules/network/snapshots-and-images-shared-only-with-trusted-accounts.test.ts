import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import type { ExposedResource, Share, ShareGrantee, StoreExposure } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { snapshotsAndImagesSharedOnlyWithTrustedAccounts as rule } from "../../../src/rules/network/snapshots-and-images-shared-only-with-trusted-accounts";
import { run, statuses } from "../../helpers/models";
import { db, exposures, ref } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const TRUSTED = "111122223333";
const OUTSIDER = "999988887777";
const share = (grantee: Share["grantee"], origin = "the sharedAccounts of RDS snapshot 'snap'"): Share => ({ origin, grantee });
const acct = (account: string): ShareGrantee => ({ kind: "account", account });
const snapshot = (over: Partial<ExposedResource> = {}): ExposedResource => ({ ref: ref("urn:snap", "RDS snapshot", "snap"), kind: "rds-snapshot", tags: undefined, ...over });
const inv = (shares: Share[], over: Partial<StoreExposure> = {}, inventory: Partial<Inventory> = {}): Partial<Inventory> => ({
  stores: [db()],
  exposures: exposures({ "urn:snap": { resource: snapshot(), shares, ...over } }),
  ...inventory,
});
const options = { trustedAccounts: [TRUSTED] };

describe("CDG-NET-009 snapshots-and-images-shared-only-with-trusted-accounts", () => {
  it.each<[string, Partial<Inventory>, string[], Record<string, unknown>?]>([
    ["compliant: not shared", inv([]), ["pass"]],
    ["compliant: shared with a trusted account", inv([share(acct(TRUSTED))]), ["pass"], options],
    ["compliant: an AMI shared with a trusted organization", inv([share({ kind: "organization", arn: "arn:aws:organizations::111122223333:organization/o-abc" })]), ["pass"], { trustedOrganizations: ["arn:aws:organizations::111122223333:organization/o-abc"] }],
    ["compliant: the snapshot's database is classified public", inv([share({ kind: "public" })], { resource: snapshot({ dataOf: "urn:db" }) }, { stores: [db({ tags: { "data-classification": "public" } })] }), ["not-applicable"]],
    ["compliant: a snapshot copy that is a store, shared with a trusted account", { stores: [db({ ref: ref("urn:copy", "RDS snapshot copy", "copy"), kind: "rds-snapshot-copy" })], exposures: exposures({ "urn:copy": { shares: [share(acct(TRUSTED))] } }) }, ["pass"], options],
    ["violation: an RDS snapshot shared with all", inv([share({ kind: "public" })]), ["fail"]],
    ["violation: shared with an account outside the trusted list", inv([share(acct(OUTSIDER))]), ["fail"], options],
    ["violation: any account is untrusted by default", inv([share(acct(TRUSTED))]), ["fail"]],
    ["violation: an AMI launch permission for group all", inv([share({ kind: "public" }, "AMI launch permission 'everyone'")], { resource: snapshot({ kind: "machine-image", ref: ref("urn:snap", "AMI", "golden") }) }), ["fail"]],
    ["violation: an untrusted organizational unit", inv([share({ kind: "organizational-unit", arn: "arn:aws:organizations::999988887777:ou/o-x/ou-y" })]), ["fail"]],
    ["violation: a snapshot inherits its database's restricted classification", inv([share({ kind: "public" })], { resource: snapshot({ dataOf: "urn:db", tags: { team: "x" } }) }), ["fail"]],
    ["unknown: the shared account is computed", inv([share(PREVIEW)]), ["unknown"], options],
    ["unknown: the snapshot's tags are computed", inv([share({ kind: "public" })], { resource: snapshot({ tags: PREVIEW }) }), ["unknown"]],
    ["unknown: an invalid trustedAccounts entry", inv([share(acct(TRUSTED))]), ["unknown"], { trustedAccounts: ["not-an-account"] }],
  ])("%s", (_name, i, expected, opts = {}) => {
    expect(statuses(run(rule, i, opts))).toEqual(expected);
  });

  it("a known untrusted share decides over an unknown one", () => {
    expect(statuses(run(rule, inv([share(PREVIEW), share(acct(OUTSIDER))]), options))).toEqual(["fail"]);
  });

  it("names the snapshot, the grantee and where the share is declared", () => {
    const [o] = run(rule, inv([share({ kind: "public" })]));
    expect(o?.message).toBe("RDS snapshot 'snap' is shared with everyone (public) (the sharedAccounts of RDS snapshot 'snap')");
  });

  it("judges nothing without shares declared", () => {
    expect(run(rule, { stores: [db()], exposures: exposures({ "urn:x": { resource: snapshot() } }) })).toEqual([]);
  });
});
