// Resources whose secrets reach every kind of message, for the decoding-hook tests.
import { secret } from "../../src/engine-client/wire";
import { resourceOf } from "../../src/engine-client/resource-builder";
import type { AnalyzerResourceInput } from "../../src/engine-client/analyzer-types";

export const MARK = "zzhiddenzz";
const STACK = { project: "shop", stack: "dev" };
const t = (what: string): string => `${MARK}-${what}`;

export function secretCases(): AnalyzerResourceInput[] {
  const doc = {
    Version: "2012-10-17",
    Statement: [{ Sid: t("sid"), Effect: "Allow", Principal: { AWS: `arn:aws:iam::210987654321:role/${t("principal")}` }, Action: "*", Resource: "*" }],
  };
  const user = resourceOf(STACK, "aws:iam/user:User", "alice", { name: secret(t("alice")) });
  return [
    resourceOf(STACK, "aws:rds/instance:Instance", "db", {
      storageEncrypted: secret(false),
      tags: {
        "customer-segment": secret(t("segment")),
        "cdguard:waive:CDG-ENC-001": secret(`${t("reason")}; until=2099-01-01`),
        "cdguard:waive:CDG-NET-001": secret(`${t("bad")}; until=${t("date")}`),
      },
    }),
    resourceOf(STACK, "aws:kms/key:Key", "key", { policy: secret(doc as never), deletionWindowInDays: 7 }),
    resourceOf(STACK, "aws:iam/policy:Policy", "broken", { policy: secret(`{"Sid": "${t("json")}" "x"}`) }),
    resourceOf(STACK, "aws:iam/policy:Policy", "odd", { policy: secret(JSON.stringify({ Version: t("version"), Statement: { Effect: t("effect"), Action: t("action"), Resource: t("res") } })) }),
    user,
    resourceOf(STACK, "aws:iam/userPolicyAttachment:UserPolicyAttachment", "attach", { user: secret(t("alice")), policyArn: secret("arn:aws:iam::aws:policy/AdministratorAccess") }, { propertyDependencies: { user: [user.urn] } }),
  ];
}
