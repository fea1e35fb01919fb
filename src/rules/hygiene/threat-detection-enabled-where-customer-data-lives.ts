import type { GuardConfig } from "../../core/config";
import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, type Unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { ThreatDetector } from "../../models/hygiene";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { classifyStore } from "../../models/store-kind-facts";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { listed } from "../network/network-facts";
import { accountRef } from "./audit-facts";
import { bestOf, guardDutyPart, maciePart, RDS_PROTECTION, S3_PROTECTION, type Part } from "./readiness-detector-facts";
import { hygieneOf } from "./readiness-facts";

/** Stores GuardDuty RDS Protection watches (RDS and Aurora). */
const RDS_KINDS: ReadonlySet<string> = new Set(["rds-instance", "rds-cluster"]);

export const threatDetectionEnabledWhereCustomerDataLives = defineRule({
  id: "CDG-HYG-018",
  slug: "threat-detection-enabled-where-customer-data-lives",
  title: "GuardDuty (with S3 and RDS protection) and Macie are on in every region holding customer data",
  pillar: "hygiene",
  severity: "high",
  scope: "stack",
  reads: ["stores", "hygiene", "ownAccountIds"],
  frameworks: {
    gdpr: [CONTROLS.gdprBreachNotification, CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciIntrusionDetection],
    hipaa: [CONTROLS.hipaaActivityReview, CONTROLS.hipaaIncidentProcedures],
    "cis-aws-3.0": [CONTROLS.cisS3DataDiscovered],
  },
  rationale:
    "Seed practice: breach preparation. GDPR art. 33 gives 72 hours from becoming aware of a breach; without detection " +
    "an exfiltration is found months later, by someone else. In each region holding customer data stores, GuardDuty " +
    "must be enabled with S3 data event protection (anomalous reads and deletes of objects) and, where RDS or Aurora " +
    "databases hold customer data, RDS login monitoring; Macie must be enabled to find personal data where it should " +
    "not be. A scan reads the whole account: a region without them fails on the account. A stack is judged only on " +
    "the detectors it declares (they are usually managed once per account), and has no region: its stores count as " +
    "one region. Restricted: the same, since detectors watch a region, not one store. An auditor asks how a breach " +
    "would be detected and how quickly.",
  remediation:
    "Enable GuardDuty and its protections, and Macie, in each region: `const d = new aws.guardduty.Detector(\"main\", " +
    "{ enable: true }); new aws.guardduty.DetectorFeature(\"s3\", { detectorId: d.id, name: \"S3_DATA_EVENTS\", status: " +
    "\"ENABLED\" }); new aws.guardduty.DetectorFeature(\"rds\", { detectorId: d.id, name: \"RDS_LOGIN_EVENTS\", status: " +
    "\"ENABLED\" }); new aws.macie2.Account(\"macie\", {});` (or delegate both to an organization administrator).",
  links: [
    "https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html",
    "https://docs.aws.amazon.com/macie/latest/user/getting-started.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return hygieneOf(inventory).scope === "account" ? judgeAccount(inventory, config) : judgeStack(inventory, config);
  },
});

const REQUIRED = `GuardDuty with ${S3_PROTECTION} protection (and ${RDS_PROTECTION} where RDS holds customer data) and Macie`;

/** The stores of one account and region that hold, or may hold, customer data. */
interface Holding {
  readonly account?: string;
  readonly region?: string;
  readonly customer: DataStore[];
  readonly undetermined: { store: DataStore; why: Unknown }[];
}

function holdings(inventory: Inventory, config: GuardConfig, byRegion: boolean): Holding[] {
  const out = new Map<string, Holding>();
  for (const store of inventory.stores) {
    const c = classifyStore(store, config);
    if (!isUnknown(c) && !c.customerData) continue;
    const account = store.ref.account ?? inventory.ownAccountIds?.[0];
    const region = byRegion ? store.ref.region : undefined;
    const key = `${account ?? ""}/${region ?? ""}`;
    const h = out.get(key) ?? { ...(account ? { account } : {}), ...(region ? { region } : {}), customer: [], undetermined: [] };
    out.set(key, h);
    if (isUnknown(c)) h.undetermined.push({ store, why: c });
    else h.customer.push(store);
  }
  return [...out.values()];
}

/** RDS login monitoring is needed where RDS holds customer data; not known while an RDS store's classification is not. */
function needsRds(h: Holding): Val<boolean> {
  if (h.customer.some((s) => RDS_KINDS.has(s.kind))) return true;
  return h.undetermined.find((u) => RDS_KINDS.has(u.store.kind))?.why ?? false;
}

/** The account in one region: `arn:<partition>::<region>:<account>` beside the scanner's `arn:<partition>:::<account>`. */
function regionRef(inventory: Inventory, h: Holding): ResourceRef {
  const base = accountRef(inventory, h.account);
  if (h.region === undefined) return base;
  const id = base.id.startsWith("arn:") ? base.id.replace(":::", `::${h.region}:`) : `${base.id}/${h.region}`;
  return { ...base, id, name: `${base.name} in ${h.region}`, region: h.region };
}

const detectorRegion = (d: ThreatDetector): string | undefined => d.region ?? d.ref.region;
const watches = (d: ThreatDetector, h: Holding): boolean =>
  (h.region === undefined || detectorRegion(d) === undefined || detectorRegion(d) === h.region) &&
  (h.account === undefined || d.ref.account === undefined || d.ref.account === h.account);

function judgeAccount(inventory: Inventory, config: GuardConfig): Outcome[] {
  const all = holdings(inventory, config, true);
  if (all.length === 0) return [notApplicable(accountRef(inventory), `${describe(accountRef(inventory))} holds no customer data store`)];
  const detectors = hygieneOf(inventory).detectors;
  return all.map((h) => {
    const ref = regionRef(inventory, h);
    const first = h.undetermined[0];
    if (h.customer.length === 0 && first) return notAssessed(ref, `whether ${describe(first.store.ref)} holds customer data`, first.why);
    const here = detectors.filter((d) => watches(d, h));
    const rds = needsRds(h);
    const parts: Part[] = [
      bestOf(here.filter((d) => d.service === "guardduty").map((d) => guardDutyPart(d, rds)), "no GuardDuty detector"),
      bestOf(here.filter((d) => d.service === "macie").map(maciePart), "Macie is not enabled"),
    ];
    const holds = `${describe(ref)} holds customer data (${listed(h.customer.map((s) => describe(s.ref)))})`;
    const missing = parts.filter((p) => p.holds === false);
    if (missing.length > 0) return fail(ref, `${holds} but ${missing.map((p) => p.text).join("; ")}; required: ${REQUIRED}`);
    const open = parts.find((p) => isUnknown(p.holds));
    if (open && isUnknown(open.holds)) return notAssessed(ref, open.text, open.holds);
    return pass(ref, `${holds}: ${parts.map((p) => p.text).join("; ")}`);
  });
}

function judgeStack(inventory: Inventory, config: GuardConfig): Outcome[] {
  const detectors = hygieneOf(inventory).detectors;
  if (detectors.length === 0) {
    const account = accountRef(inventory);
    return [notApplicable(account, "the stack declares no GuardDuty detector or Macie account; the account's are judged by a scan")];
  }
  const [h] = holdings(inventory, config, false);
  const rds = h ? needsRds(h) : false;
  return detectors.map((d) => {
    const part = d.service === "guardduty" ? guardDutyPart(d, rds) : maciePart(d);
    if (isUnknown(part.holds)) return notAssessed(d.ref, part.text, part.holds);
    return part.holds ? pass(d.ref, part.text) : fail(d.ref, `${part.text}; required: ${REQUIRED}`);
  });
}
