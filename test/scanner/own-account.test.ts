// Issue 11, own account: the scanner knows the account it scans and says so in the inventory, so
// CDG-IAM-006/007 tell foreign accounts from it without configuration.
import { describe, expect, it } from "vitest";
import { buildIamInventory } from "../../src/adapters/pulumi/iam";
import type { AccountScanInput } from "../../src/scanner/scan-account";
import { scanAccount } from "../../src/scanner/scan-account";
import { roleTrustPolicyRestrictsWhoAssumes as rule } from "../../src/rules/iam/role-trust-policy-restricts-who-assumes";
import { engineResource } from "../helpers/engine";
import { run } from "../helpers/models";

const OWN = "111122223333";
const OTHER = "999988887777";

/** No sources: nothing is fetched, only the account's own facts are set. */
const input = (account: string): AccountScanInput =>
  ({ target: { account, partition: "aws", access: {} }, regions: [], homeRegion: "us-east-1", sources: [], keyDirectory: () => ({}) }) as unknown as AccountScanInput;

describe("the scanner's own account", () => {
  it("is the scanned account", async () => {
    expect((await scanAccount(input(OWN))).inventory.ownAccountIds).toEqual([OWN]);
  });

  it.each([
    ["compliant: the scanned account trusted", OWN, "pass"],
    ["violation: another account trusted without a condition", OTHER, "fail"],
  ])("%s, judged with what the scan knows even for a role whose ARN is not read", async (_name, trusted, expected) => {
    const { inventory } = await scanAccount(input(OWN));
    const role = engineResource("aws:iam/role:Role", "app", {
      assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${trusted}:root` }, Action: "sts:AssumeRole" }] }),
    });
    const outcomes = run(rule, { ...inventory, iam: buildIamInventory([role]) });
    expect(outcomes.map((o) => o.status)).toEqual([expected]);
  });

  it("unknown: the same role without the scan's account is not assessed", () => {
    const role = engineResource("aws:iam/role:Role", "app", {
      assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "sts:AssumeRole" }] }),
    });
    expect(run(rule, { iam: buildIamInventory([role]) }).map((o) => o.status)).toEqual(["unknown"]);
  });
});
