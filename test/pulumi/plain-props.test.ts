import { describe, expect, it } from "vitest";
import { plainProps } from "../../src/pulumi/plain-props";

describe("plainProps", () => {
  it("turns properties a proxy refuses to read into the unknown sentinel", () => {
    const target = { a: 1, nested: { ok: "x", bad: "?" }, list: [1, 2] };
    const proxy = new Proxy(target, {
      get(obj, prop) {
        if (prop === "nested") {
          return new Proxy(obj.nested, {
            get(n, p) {
              if (p === "bad") throw new Error("unknown during preview");
              return (n as Record<string | symbol, unknown>)[p];
            },
          });
        }
        return (obj as Record<string | symbol, unknown>)[prop];
      },
    });
    expect(plainProps(proxy)).toEqual({ a: 1, nested: { ok: "x", bad: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, list: [1, 2] });
  });
});
