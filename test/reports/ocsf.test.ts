import { describe, expect, it } from "vitest";
import type { CanonicalReport } from "../../src/reports/report";
import { ocsfRenderer } from "../../src/reports/render/ocsf";
import { describeGoldenFiles, exampleReports } from "./golden/golden-files";
import { largeReport, SAMPLE_PREVIEW_REPORT, SAMPLE_SCAN_REPORT } from "./sample-report";

type Event = Record<string, unknown> & {
  finding_info: Record<string, unknown> & { uid: string };
  resources: Record<string, unknown>[];
  cloud: Record<string, unknown>;
  metadata: Record<string, unknown> & { product: Record<string, unknown> };
  remediation: Record<string, unknown>;
  unmapped: Record<string, unknown>;
};

// OCSF 1.1.0 (github.com/ocsf/ocsf-schema): Detection Finding's attributes are those of
// events/findings/detection_finding.json, finding.json and base_event.json with includes/classification.json,
// includes/occurrence.json and profiles/cloud.json; each object's are those of objects/<name>.json.
const ALLOWED = {
  event: [
    ...["activity_id", "activity_name", "category_name", "category_uid", "class_name", "class_uid", "type_name", "type_uid"],
    ...["count", "duration", "end_time", "start_time", "time", "timezone_offset", "api", "cloud"],
    ...["comment", "confidence", "confidence_id", "confidence_score", "device", "enrichments", "evidences", "finding_info"],
    ...["impact", "impact_id", "impact_score", "message", "metadata", "observables", "raw_data", "remediation", "resources"],
    ...["risk_level", "risk_level_id", "risk_score", "severity", "severity_id", "status", "status_code", "status_detail"],
    ...["status_id", "unmapped", "vulnerabilities"],
  ],
  finding_info: ["analytic", "attacks", "created_time", "data_sources", "desc", "first_seen_time", "kill_chain", "last_seen_time"]
    .concat(["modified_time", "product_uid", "related_analytics", "related_events", "src_url", "title", "types", "uid"]),
  analytic: ["category", "desc", "name", "related_analytics", "type", "type_id", "uid", "version"],
  resource_details: ["cloud_partition", "criticality", "data", "group", "labels", "name", "namespace", "owner", "region", "type", "uid", "version"],
  cloud: ["account", "org", "project_uid", "provider", "region", "zone"],
  account: ["name", "type", "type_id", "uid"],
  metadata: ["correlation_uid", "event_code", "extension", "extensions", "labels", "log_level", "log_name", "log_provider", "log_version"]
    .concat(["logged_time", "loggers", "modified_time", "original_time", "processed_time", "product", "profiles", "sequence", "tenant_uid", "uid", "version"]),
  product: ["cpe_name", "feature", "lang", "name", "path", "uid", "url_string", "vendor_name", "version"],
  remediation: ["desc", "kb_article_list", "kb_articles", "references"],
};
/** Required there (the cloud profile requires `cloud`; the event lists it in metadata.profiles). */
const REQUIRED = {
  event: ["activity_id", "category_uid", "class_uid", "type_uid", "severity_id", "time", "metadata", "finding_info", "cloud"],
  finding_info: ["uid", "title"],
  analytic: ["type_id"],
  cloud: ["provider"],
  metadata: ["version", "product"],
  product: ["vendor_name"],
  remediation: ["desc"],
};

const render = (report: CanonicalReport): Event[] => JSON.parse(ocsfRenderer.render(report)) as Event[];
const eventOf = (report: CanonicalReport, findingId: string): Event => render(report).find((e) => e.finding_info.uid === findingId)!;

function expectOnlyAllowed(value: Record<string, unknown>, allowed: readonly string[], required: readonly string[] = []): void {
  expect(Object.keys(value).filter((key) => !allowed.includes(key))).toEqual([]);
  expect(required.filter((key) => value[key] === undefined)).toEqual([]);
}

describeGoldenFiles(ocsfRenderer);

describe("OCSF Detection Findings", () => {
  const reports: [string, CanonicalReport][] = [
    ["the sample scan", SAMPLE_SCAN_REPORT],
    ["the sample preview", SAMPLE_PREVIEW_REPORT],
    ["a report of 300 findings", largeReport(300)],
    ...exampleReports().map(({ name, report }): [string, CanonicalReport] => [`examples/reports/${name}.json`, report]),
  ];

  it.each(reports)("has every non-pass finding of %s once, by its stable id, and no pass", (_name, report) => {
    const events = render(report);
    expect(events.map((e) => e.finding_info.uid)).toEqual(report.findings.filter((f) => f.status !== "pass").map((f) => f.id));
  });

  it.each(reports)("uses only OCSF 1.1.0 attributes, with every required one, in %s", (_name, report) => {
    for (const event of render(report)) {
      expectOnlyAllowed(event, ALLOWED.event, REQUIRED.event);
      expectOnlyAllowed(event.finding_info, ALLOWED.finding_info, REQUIRED.finding_info);
      expectOnlyAllowed(event.finding_info.analytic as Record<string, unknown>, ALLOWED.analytic, REQUIRED.analytic);
      for (const resource of event.resources) expectOnlyAllowed(resource, ALLOWED.resource_details);
      expectOnlyAllowed(event.cloud, ALLOWED.cloud, REQUIRED.cloud);
      if (event.cloud.account !== undefined) expectOnlyAllowed(event.cloud.account as Record<string, unknown>, ALLOWED.account);
      expectOnlyAllowed(event.metadata, ALLOWED.metadata, REQUIRED.metadata);
      expectOnlyAllowed(event.metadata.product, ALLOWED.product, REQUIRED.product);
      expectOnlyAllowed(event.remediation, ALLOWED.remediation, REQUIRED.remediation);
      expect(event).toMatchObject({ class_uid: 2004, category_uid: 2, activity_id: 1, type_uid: 200401 });
      expect(event.type_uid).toBe((event.class_uid as number) * 100 + (event.activity_id as number));
      expect(event.metadata).toMatchObject({ version: "1.1.0", profiles: ["cloud"] });
      expect(event.time).toBe(Date.parse(report.finishedAt));
    }
  });

  it("maps severity: low 2, medium 3, high 4, critical 5; not assessed is Informational", () => {
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071")).toMatchObject({ severity_id: 4, severity: "High" });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-NET-002-4a1b2c3d4e5f6071")).toMatchObject({ severity_id: 5, severity: "Critical" });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-IAM-001-5a1b2c3d4e5f6071")).toMatchObject({ severity_id: 3, severity: "Medium" });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-2a1b2c3d4e5f6071")).toMatchObject({ severity_id: 1, severity: "Informational" });
    const lowRule = { ...SAMPLE_SCAN_REPORT.rules[0]!, severity: "low" as const };
    const low = { ...SAMPLE_SCAN_REPORT, rules: [lowRule, ...SAMPLE_SCAN_REPORT.rules.slice(1)] };
    expect(eventOf(low, "CDG-ENC-001-0a1b2c3d4e5f6071")).toMatchObject({ severity_id: 2, severity: "Low" });
  });

  it("marks waived findings Suppressed and the others New, keeping our status as the status code", () => {
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-3a1b2c3d4e5f6071")).toMatchObject({
      status_id: 3,
      status: "Suppressed",
      status_code: "waived",
      status_detail: "waived: Holds only synthetic test data",
      severity_id: 4,
    });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071")).toMatchObject({ status_id: 1, status: "New", status_code: "fail" });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-2a1b2c3d4e5f6071")).toMatchObject({ status_id: 1, status_code: "not-assessed", status_detail: "not assessed: access-denied" });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-NET-002-4a1b2c3d4e5f6071")).toMatchObject({ status_id: 1, status_detail: "waiver expired: Migration window" });
  });

  it("describes the finding, its rule, resource, account and remediation", () => {
    const event = eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071");
    expect(event.message).toBe("RDS DB instance 'orders' is not encrypted at rest (storageEncrypted: false)");
    expect(event.finding_info).toEqual({
      uid: "CDG-ENC-001-0a1b2c3d4e5f6071",
      title: "Customer data stores are encrypted at rest",
      desc: SAMPLE_SCAN_REPORT.rules[0]!.rationale,
      types: ["encryption-at-rest"],
      analytic: { uid: "CDG-ENC-001", name: "data-store-encrypted-at-rest", type_id: 1, type: "Rule" },
    });
    expect(event.resources).toEqual([
      { uid: "arn:aws:rds:us-east-1:123456789012:db:orders", type: "AWS::RDS::DBInstance", name: "orders", region: "us-east-1", cloud_partition: "aws" },
    ]);
    expect(event.cloud).toEqual({ provider: "AWS", account: { uid: "123456789012", type_id: 10, type: "AWS Account" }, region: "us-east-1" });
    expect(event.remediation).toEqual({ desc: SAMPLE_SCAN_REPORT.rules[0]!.remediation, references: SAMPLE_SCAN_REPORT.rules[0]!.links });
    expect(event.metadata).toEqual({
      version: "1.1.0",
      product: { name: "customer-data-guard", vendor_name: "customer-data-guard", version: "0.1.0" },
      profiles: ["cloud"],
      event_code: "CDG-ENC-001",
    });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-IAM-001-5a1b2c3d4e5f6071").remediation).toEqual({ desc: "Name the actions and resources the principal needs." });
  });

  it("puts frameworks, waivers and a preview's scope, which Detection Finding has no attribute for, under unmapped", () => {
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071").unmapped).toMatchObject({
      compliance: {
        standards: ["GDPR", "PCI DSS v4.0"],
        requirements: ["GDPR Art.32(1)(a)", "PCI DSS v4.0 3.5.1"],
        frameworks: { gdpr: ["Art.32(1)(a)"], "pci-dss-4.0": ["3.5.1"] },
      },
      rule_severity: "high",
    });
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-0a1b2c3d4e5f6071").unmapped.scope).toBeUndefined();
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-3a1b2c3d4e5f6071").unmapped.waiver).toEqual(SAMPLE_SCAN_REPORT.findings[3]!.waiver);
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-NET-002-4a1b2c3d4e5f6071").unmapped.expired_waiver).toEqual(SAMPLE_SCAN_REPORT.findings[4]!.waiver);
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-IAM-001-5a1b2c3d4e5f6071").unmapped.waiver_problem).toBe("waiver tag 'cdguard:waive:CDG-IAM-001' gives no reason");
    expect(eventOf(SAMPLE_SCAN_REPORT, "CDG-ENC-001-2a1b2c3d4e5f6071").unmapped).toMatchObject({ reason: "access-denied", rule_severity: "high" });
  });

  it("names no account, region or partition for a Pulumi resource", () => {
    const event = eventOf(SAMPLE_PREVIEW_REPORT, "CDG-ENC-001-6a1b2c3d4e5f6071");
    expect(event.cloud).toEqual({ provider: "AWS" });
    expect(event.resources).toEqual([{ uid: "urn:pulumi:dev::shop::aws:rds/instance:Instance::orders", type: "aws:rds/instance:Instance", name: "orders" }]);
    expect(event.unmapped.scope).toEqual({ front: "pulumi", project: "shop", stack: "dev", operation: "preview" });
  });

  it("reads the partition of GovCloud and China ARNs", () => {
    const base = SAMPLE_SCAN_REPORT.findings[0]!;
    const at = (id: string, region: string) => ({ ...base, id, resource: { ...base.resource, id, region } });
    const findings = [at("arn:aws-us-gov:rds:us-gov-west-1:123456789012:db:orders", "us-gov-west-1"), at("arn:aws-cn:s3:::orders", "cn-north-1")];
    const events = render({ ...SAMPLE_SCAN_REPORT, findings });
    expect(events.map((e) => [e.resources[0]!.cloud_partition, e.resources[0]!.region])).toEqual([
      ["aws-us-gov", "us-gov-west-1"],
      ["aws-cn", "cn-north-1"],
    ]);
  });
});
