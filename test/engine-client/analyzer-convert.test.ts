// How the harness fills Analyze and AnalyzeStack requests (src/engine-client/analyzer-convert.ts).
import { describe, expect, it } from "vitest";
import { toAnalyzeRequest, toStackResource } from "../../src/engine-client/analyzer-convert";
import { resourceOf, stackResource } from "../../src/engine-client/resource-builder";
import { UNKNOWN } from "../../src/engine-client/wire";

const s = { project: "shop", stack: "dev" };
const root = stackResource(s);
const key = resourceOf(s, "aws:kms/key:Key", "data", { enableKeyRotation: true }, { parent: root.urn });

describe("toStackResource", () => {
  it("puts the parent in the options too, as the engine does", () => {
    const m = toStackResource(key);
    expect(m.getParent()).toBe(root.urn);
    expect(m.getOptions()?.getParent()).toBe(root.urn);
    expect(toStackResource(root).getOptions()?.getParent()).toBe("");
  });

  it("sends a resource's outputs when it has them, else its properties", () => {
    expect(toStackResource(key).getProperties()?.toJavaScript()).toEqual({ enableKeyRotation: true });
    const recorded = { ...key, outputs: { enableKeyRotation: true, id: UNKNOWN, arn: UNKNOWN } };
    expect(toStackResource(recorded).getProperties()?.toJavaScript()).toEqual({ enableKeyRotation: true, id: UNKNOWN, arn: UNKNOWN });
    // Analyze always sends the inputs.
    expect(toAnalyzeRequest(recorded).getProperties()?.toJavaScript()).toEqual({ enableKeyRotation: true });
  });

  it("drops property dependencies without URNs", () => {
    const r = { ...key, propertyDependencies: { a: [], b: [root.urn] } };
    expect([...toStackResource(r).getPropertydependenciesMap().keys()]).toEqual(["b"]);
  });
});
