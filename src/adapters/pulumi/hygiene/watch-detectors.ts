import { isUnknown } from "../../../core/value";
import type { Setting, ThreatDetector } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { refOf } from "../store-adapter";
import { boolSetting, resourceById } from "./watch-values";
import { protectionKey } from "../../../hygiene/guardduty-protections";

export const GUARDDUTY_DETECTOR_TYPE = "aws:guardduty/detector:Detector";
export const GUARDDUTY_FEATURE_TYPE = "aws:guardduty/detectorFeature:DetectorFeature";
export const MACIE_ACCOUNT_TYPE = "aws:macie2/account:Account";

/** The legacy `datasources` block of a detector (v6 and v7): path -> protection key. */
const DATASOURCES: readonly (readonly [string, string])[] = [
  ["datasources.s3Logs.enable", "s3-data-events"],
  ["datasources.kubernetes.auditLogs.enable", "eks-audit-logs"],
  ["datasources.malwareProtection.scanEc2InstanceWithFindings.ebsVolumes.enable", "ebs-malware-protection"],
];

/** `region` as the program set it (v7); the provider's region is not in the resource. */
function regionOf(p: Props): { region?: string } {
  const r = p.str("region");
  return typeof r === "string" && r !== "" ? { region: r } : {};
}

/**
 * A GuardDuty detector (`enable` defaults to true), with protections from its `datasources` block and
 * from the `DetectorFeature` resources naming it: by `detectorId`'s dependency first, else by its known id.
 */
export function adaptGuardDuty(detector: EngineResource, features: readonly EngineResource[], detectors: readonly EngineResource[]): ThreatDetector {
  const p = new Props(detector);
  const protections: Record<string, Setting<boolean>> = {};
  for (const [path, key] of DATASOURCES) {
    const v = p.bool(path);
    if (v !== undefined) protections[key] = { value: v, observed: isUnknown(v) ? `${path} not known until the update` : `${path}=${v}` };
  }
  for (const f of features.filter((f) => featureDetector(f, detectors) === detector.urn)) {
    const fp = new Props(f);
    const name = fp.str("name");
    if (typeof name !== "string") continue;
    const status = fp.str("status");
    const observed = isUnknown(status) ? `feature ${name} status not known until the update` : `feature ${name} status=${status ?? "not set"}`;
    protections[protectionKey(name)] = { value: isUnknown(status) ? status : status === "ENABLED", observed };
  }
  return {
    model: "threat-detector",
    ref: refOf(p, "GuardDuty detector"),
    service: "guardduty",
    ...regionOf(p),
    enabled: boolSetting(p, "enable", true),
    ...(Object.keys(protections).length > 0 ? { protections } : {}),
  };
}

function featureDetector(feature: EngineResource, detectors: readonly EngineResource[]): string | undefined {
  const deps = new Props(feature).dependenciesOf("detectorId").filter((u) => detectors.some((d) => d.urn === u));
  if (deps.length === 1) return deps[0];
  const id = new Props(feature).str("detectorId");
  return typeof id === "string" ? resourceById(id, detectors)?.urn : undefined;
}

/** `aws:macie2/account:Account`: Macie is on unless `status` is PAUSED. */
export function adaptMacie(account: EngineResource): ThreatDetector {
  const p = new Props(account);
  const status = p.str("status");
  const enabled: Setting<boolean> = isUnknown(status)
    ? { value: status, observed: "status not known until the update" }
    : { value: (status ?? "ENABLED") === "ENABLED", observed: status === undefined ? "status not set (default ENABLED)" : `status=${status}` };
  return { model: "threat-detector", ref: refOf(p, "Macie account"), service: "macie", ...regionOf(p), enabled };
}
