import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { Share, ShareGrantee } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import { PUBLIC_EXPOSURE_FRAMEWORKS } from "../frameworks";
import { customerDataGate, listed, type Subject } from "./network-facts";

interface Options {
  trustedAccounts: string[];
  trustedOrganizations: string[];
}

export const snapshotsAndImagesSharedOnlyWithTrustedAccounts = defineRule<Options>({
  id: "CDG-NET-009",
  slug: "snapshots-and-images-shared-only-with-trusted-accounts",
  title: "Snapshots and machine images of customer data are shared with no one but trusted accounts",
  pillar: "network",
  severity: "critical",
  scope: "stack",
  reads: ["stores", "exposures"],
  frameworks: PUBLIC_EXPOSURE_FRAMEWORKS,
  rationale:
    "A snapshot or AMI is a full copy of a volume or database. Shared publicly (`all`), anyone can restore " +
    "it; shared with an account outside the organization's trusted list, the data leaves the " +
    "organization's control. Judged: RDS and RDS cluster snapshots and their copies (`sharedAccounts`), EBS " +
    "snapshots (`SnapshotCreateVolumePermission`), AMIs (`AmiLaunchPermission` by account, organization, " +
    "organizational unit or group `all`, and a deployed AMI's `public` flag). A snapshot without a " +
    "classification of its own takes the classification of the volume, instance or database it copies.",
  remediation:
    "Remove public sharing (`sharedAccounts: [\"all\"]`, AMI launch permission group `all`) and share only " +
    "with accounts listed in `trustedAccounts` (or organizations in `trustedOrganizations`); copy " +
    "snapshots to another account with a customer-managed key that account is granted instead.",
  links: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html",
    "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html",
  ],
  options: {
    trustedAccounts: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "12-digit AWS account ids snapshots and images may be shared with (e.g. the organization's backup account).",
    },
    trustedOrganizations: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "ARNs of AWS Organizations organizations or organizational units images may be shared with.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    const invalid = options.trustedAccounts.filter((a) => !/^\d{12}$/.test(a));
    const problem = invalid.length > 0 ? unknown("error", `option trustedAccounts holds ${invalid.length} entries that are not 12-digit account ids`) : undefined;
    return sharedSubjects(inventory).map(({ subject, shares }) => {
      const gate = customerDataGate(inventory, subject, config);
      if (gate) return gate;
      if (problem) return notAssessed(subject.ref, `who may share ${describe(subject.ref)}`, problem);
      return judge(subject, shares, options);
    });
  },
});

function sharedSubjects(inventory: Inventory): { subject: Subject; shares: readonly Share[] }[] {
  const stores = new Map(inventory.stores.map((s) => [s.ref.id, s]));
  const out: { subject: Subject; shares: readonly Share[] }[] = [];
  for (const [id, e] of inventory.exposures ?? []) {
    if (!e.shares) continue;
    const store = stores.get(id);
    if (store) out.push({ subject: { id, ref: store.ref, store }, shares: e.shares });
    else if (e.resource) out.push({ subject: { id, ref: e.resource.ref, resource: e.resource }, shares: e.shares });
  }
  return out;
}

function judge(subject: Subject, shares: readonly Share[], options: Options): Outcome {
  const who = describe(subject.ref);
  const bad: string[] = [];
  const good: string[] = [];
  let undetermined: Unknown | undefined;
  for (const share of shares) {
    const g = share.grantee;
    if (isUnknown(g)) {
      undetermined ??= unknown(g.reason, `who ${share.origin} shares with: ${g.detail}`);
      continue;
    }
    (trusted(g, options) ? good : bad).push(`${describeGrantee(g)} (${share.origin})`);
  }
  if (bad.length > 0) return fail(subject.ref, `${who} is shared with ${listed(bad)}`);
  if (undetermined) return notAssessed(subject.ref, `who ${who} is shared with`, undetermined);
  if (good.length === 0) return pass(subject.ref, `${who} is not shared`);
  return pass(subject.ref, `${who} is shared only with trusted ${listed(good)}`);
}

function trusted(g: ShareGrantee, options: Options): boolean {
  if (g.kind === "public") return false;
  if (g.kind === "account") return options.trustedAccounts.includes(g.account);
  return options.trustedOrganizations.includes(g.arn);
}

function describeGrantee(g: ShareGrantee): string {
  switch (g.kind) {
    case "public":
      return "everyone (public)";
    case "account":
      return `account ${g.account}`;
    case "organization":
      return `organization ${g.arn}`;
    case "organizational-unit":
      return `organizational unit ${g.arn}`;
  }
}
