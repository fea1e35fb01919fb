import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../helpers/engine";
import { expectEncryption, MARKER, storeCases, storeOf, switchedCases, type StoreCase } from "./store-cases";

const VOLUME = "aws:ebs/volume:Volume";
const COPY = "aws:ebs/snapshotCopy:SnapshotCopy";
const UNSET = { enabled: false, keyManager: null, observed: /encrypted not set: treated as not encrypted.*EBS encryption by default/ } as const;

describe("EBS adapters (v6 and v7 share the shape)", () => {
  describe("volume", () => {
    storeCases("ebs-volume", [
      ...switchedCases(VOLUME, "encrypted", "kmsKeyId", { unset: UNSET, keyless: "aws-managed", awsAlias: "alias/aws/ebs" }),
      { type: VOLUME, name: "from a snapshot without encrypted: says so", props: { snapshotId: "snap-1" }, expect: { enabled: false, observed: /the snapshot it is created from/ } },
      { type: VOLUME, name: "encrypted as a string (wrong type)", props: { encrypted: MARKER }, expect: { enabled: "error", detail: /'encrypted'.*should be true or false, got string/ } },
      { type: VOLUME, name: "explicitly false says false", props: { encrypted: false }, expect: { enabled: false, observed: /^encrypted=false$/ } },
    ]);
  });

  describe("snapshot copy", () => {
    storeCases("ebs-snapshot-copy", [
      ...switchedCases(COPY, "encrypted", "kmsKeyId", { unset: UNSET, keyless: "aws-managed" }).map(
        (c): StoreCase => ({ ...c, props: { sourceSnapshotId: "snap-1", ...c.props } }),
      ),
      { type: COPY, name: "unset names the source snapshot", props: { sourceSnapshotId: "snap-1" }, expect: { enabled: false, observed: /source snapshot/ } },
    ]);

    it("is a snapshot copy of sourceSnapshotId", () => {
      expect(storeOf(COPY, { sourceSnapshotId: "snap-0123" }).copyOf).toEqual({
        relation: "snapshot-copy",
        source: "snap-0123",
        sourceProperty: "sourceSnapshotId",
      });
      const computed = storeOf(COPY, { sourceSnapshotId: UNKNOWN, encrypted: true });
      expect(computed.copyOf?.sourceProperty).toBe("sourceSnapshotId");
      expectEncryption(computed.encryption, { enabled: true, keyManager: "aws-managed" });
    });
  });
});
