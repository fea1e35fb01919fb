// A required policy document as AnalyzeStack's planned state sends it: computed values stay "not assessed" in
// preview, whether or not the engine names the resources they come from.
import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { requiredDocument } from "../../../src/adapters/pulumi/policy-document";
import { Props } from "../../../src/adapters/pulumi/props";
import { isUnknown } from "../../../src/core/value";
import { UNKNOWN } from "../../../src/engine-client/wire";

const policy = (props: Record<string, unknown>, deps: Record<string, string[]> = {}): Props =>
  new Props({
    urn: "urn:pulumi:dev::p::aws:iam/policy:Policy::read",
    type: "aws:iam/policy:Policy",
    name: "read",
    props,
    propertyDependencies: deps,
    plannedState: true,
  } satisfies EngineResource);

describe("requiredDocument in a preview's planned state", () => {
  it("compliant input: a known document is read as written", () => {
    expect(requiredDocument(policy({ policy: '{"Version":"2012-10-17","Statement":[]}' }), "policy")).toBe('{"Version":"2012-10-17","Statement":[]}');
  });

  it("unknown: an invoke's output (getPolicyDocumentOutput.json) is computed, not unset, even without a dependency", () => {
    const d = requiredDocument(policy({ policy: UNKNOWN }), "policy");
    expect(isUnknown(d) && d.reason).toBe("preview");
    expect(isUnknown(d) && d.detail).toBe("policy of read is computed during the update");
  });

  it("unknown: a document built from another resource's output (a dependency named)", () => {
    const d = requiredDocument(policy({ policy: UNKNOWN }, { policy: ["urn:pulumi:dev::p::aws:s3/bucket:Bucket::docs"] }), "policy");
    expect(isUnknown(d) && d.reason).toBe("preview");
  });

  it("violation of the resource's schema: a document that is missing is an error naming the property", () => {
    const d = requiredDocument(policy({}), "policy");
    expect(isUnknown(d) && d.reason).toBe("error");
    expect(isUnknown(d) && d.detail).toBe("property 'policy' of read is not set");
  });
});
