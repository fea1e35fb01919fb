import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Props } from "../../../src/adapters/pulumi/props";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { UNKNOWN } from "../../helpers/engine";

/** Props.get as it was written before it walked paths by index: the reference it must keep answering like. */
function referenceGet(p: Props, path: string): unknown {
  const props = p.resource.props;
  let cur: unknown = props;
  const parts = path.split(".");
  const computed = (prefix: string, property: string): unknown => {
    if (p.resource.plannedState && prefix !== "" && p.dependenciesOf(property).length === 0) return undefined;
    return { unknown: prefix };
  };
  for (let i = 0; i < parts.length; i++) {
    if (cur === UNKNOWN) return computed(parts.slice(0, i).join("."), parts[0] as string);
    if (cur === undefined || cur === null) return undefined;
    const key = parts[i] as string;
    if (/^\d+$/.test(key)) {
      if (!Array.isArray(cur)) return { malformed: parts.slice(0, i).join("."), expected: "a list" };
      cur = cur[Number(key)];
    } else {
      if (typeof cur !== "object" || Array.isArray(cur)) return { malformed: parts.slice(0, i).join("."), expected: "an object" };
      cur = (cur as Record<string, unknown>)[key];
    }
  }
  return cur === UNKNOWN ? computed(path, parts[0] as string) : cur;
}

/** The same answer in the reference's terms: which path an Unknown names, and what a malformed one expected. */
function normalized(v: unknown): unknown {
  if (typeof v === "object" && v !== null && "reason" in v && "detail" in v) {
    const { reason, detail } = v as { reason: string; detail: string };
    if (reason === "error") {
      const m = /^property '(.*)' of r should be (a list|an object), got/.exec(detail);
      return { malformed: m?.[1], expected: m?.[2] };
    }
    const m = /^(.*) of r is computed during the update$/.exec(detail);
    return { unknown: m?.[1] === "the properties" ? "" : m?.[1] };
  }
  return v;
}

const key = fc.constantFrom("a", "b", "0", "1", "12", "", "01", "x1");
const leaf = fc.oneof(fc.constant(UNKNOWN), fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.boolean());
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(key, tie("v"), { maxKeys: 3 }),
  ),
})).v;
const path = fc.array(key, { minLength: 1, maxLength: 4 }).map((ks) => ks.join("."));

describe("Props.get walks a path as it always did", () => {
  it("answers every path over any properties like the split-and-regex reference", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), path, fc.boolean(), fc.boolean(), (props, p, planned, withDep) => {
        const resource: EngineResource = {
          urn: "urn:r", type: "t", name: "r", props,
          propertyDependencies: withDep ? { [p.split(".")[0] as string]: ["urn:d"] } : {},
          ...(planned ? { plannedState: true } : {}),
        };
        const ours = new Props(resource);
        expect(normalized(ours.get(p))).toStrictEqual(referenceGet(ours, p));
      }),
      { numRuns: 3000 },
    );
  });

  it("tells an index segment from a key as /^\\d+$/ does", () => {
    const r = new Props({ urn: "u", type: "t", name: "r", props: { l: ["x", "y"], o: { "1": "one", "1a": "k" } }, propertyDependencies: {} });
    expect(r.get("l.1")).toBe("y");
    expect(r.get("o.1a")).toBe("k");
    expect(normalized(r.get("o.1"))).toStrictEqual({ malformed: "o", expected: "a list" });
    expect(normalized(r.get("l.a"))).toStrictEqual({ malformed: "l", expected: "an object" });
  });
});
