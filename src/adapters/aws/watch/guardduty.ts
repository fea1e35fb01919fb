import type { DataSourceConfigurationsResult } from "@aws-sdk/client-guardduty";
import type { GuardDutyAnswers, GuardDutyDetectorAnswer } from "../../../fetchers/aws/guardduty";
import type { Setting, ThreatDetector } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf, unknownOf } from "../fetched";
import { arnOf, awsRef } from "../refs";
import { protectionKey } from "../../../hygiene/guardduty-protections";

/** The legacy DataSources answer, for protections the Features list does not name. */
function legacyProtections(d: DataSourceConfigurationsResult | undefined): [string, Setting<boolean>][] {
  const out: [string, Setting<boolean>][] = [];
  const add = (key: string, field: string, status: string | undefined) => {
    if (status !== undefined) out.push([key, { value: status === "ENABLED", observed: `${field}=${status}` }]);
  };
  add("s3-data-events", "DataSources.S3Logs.Status", d?.S3Logs?.Status);
  add("eks-audit-logs", "DataSources.Kubernetes.AuditLogs.Status", d?.Kubernetes?.AuditLogs?.Status);
  add("ebs-malware-protection", "DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes.Status", d?.MalwareProtection?.ScanEc2InstanceWithFindings?.EbsVolumes?.Status);
  return out;
}

function adaptDetector(a: GuardDutyDetectorAnswer, ctx: AdaptContext, region: string): ThreatDetector {
  const ref = awsRef(arnOf(ctx.partition, "guardduty", region, ctx.account, `detector/${a.detectorId}`), "AWS::GuardDuty::Detector", a.detectorId, "GuardDuty detector", ctx.account, region);
  if (!a.detector.ok) return { model: "threat-detector", ref, service: "guardduty", region, enabled: { value: unknownOf(a.detector.failure), observed: "GetDetector did not answer" } };
  const d = a.detector.value;
  const protections = Object.fromEntries(legacyProtections(d.DataSources));
  for (const f of d.Features ?? []) {
    if (f.Name) protections[protectionKey(f.Name)] = { value: f.Status === "ENABLED", observed: `feature ${f.Name} Status=${f.Status ?? "not reported"}` };
  }
  return {
    model: "threat-detector",
    ref,
    service: "guardduty",
    region,
    enabled: { value: d.Status === "ENABLED", observed: `Status=${d.Status ?? "not reported"}` },
    ...(Object.keys(protections).length > 0 ? { protections } : {}),
  };
}

/**
 * One region's GuardDuty. A region without a detector has GuardDuty off: it is one detector model,
 * disabled, named after the region, so a rule can say where GuardDuty is missing.
 */
export function adaptGuardDuty(raw: GuardDutyAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.detectors.ok) return { gaps: [gapOf(raw.detectors.failure, "GuardDuty detectors")] };
  const detectors = raw.detectors.value.map((a) => adaptDetector(a, ctx, raw.region));
  if (detectors.length === 0) {
    const ref = awsRef(arnOf(ctx.partition, "guardduty", raw.region, ctx.account, "detector"), "AWS::GuardDuty::Detector", `GuardDuty in ${raw.region}`, "GuardDuty detector", ctx.account, raw.region);
    detectors.push({ model: "threat-detector", ref, service: "guardduty", region: raw.region, enabled: { value: false, observed: `no GuardDuty detector in ${raw.region}` } });
  }
  return { hygiene: { detectors } };
}
