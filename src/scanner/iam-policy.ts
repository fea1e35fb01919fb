import { ORGANIZATION_ACTIONS } from "../fetchers/aws/organization";
import type { AnySource } from "./source";

/** Calls the scan makes before any source: who it is, which regions are enabled. */
const SETUP_ACTIONS = ["sts:GetCallerIdentity", "ec2:DescribeRegions"];

/** Verbs of read-only control-plane calls; a fetcher declaring anything else is a bug the test catches. */
export const READ_ONLY_VERBS = ["Get", "List", "Describe"];

/** A read-only action: its verb starts with a read verb, or it is API Gateway's management read (`apigateway:GET`, its only read action). */
export function isReadOnlyAction(action: string): boolean {
  const verb = action.split(":")[1] ?? "";
  return verb === "GET" ? action.startsWith("apigateway:") : READ_ONLY_VERBS.some((v) => verb.startsWith(v));
}

/** The scanner's own IAM policy: every action its fetchers declare, and nothing else. */
export function scannerIamPolicy(sources: readonly AnySource[]): { Version: string; Statement: unknown[] } {
  const actions = [...new Set([...SETUP_ACTIONS, ...sources.flatMap((s) => s.fetcher.actions)])].sort();
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "CustomerDataGuardScanReadOnly", Effect: "Allow", Action: actions, Resource: "*" }],
  };
}

/**
 * What the principal running `cdguard scan --org` needs beside the read-only policy (which every scanned
 * account's `roleName` role holds): list the organization's accounts, and assume that role in each.
 */
export function scannerOrgIamPolicy(roleName: string): { Version: string; Statement: unknown[] } {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "CustomerDataGuardListOrganization", Effect: "Allow", Action: [...ORGANIZATION_ACTIONS].sort(), Resource: "*" },
      { Sid: "CustomerDataGuardAssumeScanRole", Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:*:iam::*:role/${roleName}` },
    ],
  };
}
