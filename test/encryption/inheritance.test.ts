import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { inheritedFrom, notYetInherited } from "../../src/encryption/inheritance";
import { CMK, store } from "../helpers/models";

describe("inherited encryption", () => {
  it("is not fetched until joined, saying from where", () => {
    expect(notYetInherited("replica takes the encryption of the source named in 'replicateSourceDb'")).toEqual(
      unknown("not-fetched", "replica takes the encryption of the source named in 'replicateSourceDb'"),
    );
  });

  it("takes the source's encryption and names the source", () => {
    expect(inheritedFrom(store())).toEqual({ ...CMK, observed: `inherited from 'db' (${CMK.observed})` });
  });

  it("takes an unencrypted source's encryption as it is", () => {
    const off = { enabled: false, keyManager: undefined, observed: "storageEncrypted=false" };
    expect(inheritedFrom(store({ encryption: off }))).toEqual({ ...off, observed: "inherited from 'db' (storageEncrypted=false)" });
  });

  it("passes a source's unknown encryption through", () => {
    const computed = unknown("preview", "storageEncrypted is computed");
    expect(inheritedFrom(store({ encryption: computed }))).toBe(computed);
  });
});
