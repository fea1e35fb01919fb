import { describe, expect, it } from "vitest";
import { S3_DEFAULT_ENCRYPTION } from "../../src/encryption/s3";

describe("S3 default encryption", () => {
  it("is SSE-S3: encrypted with an AWS-owned key", () => {
    expect(S3_DEFAULT_ENCRYPTION).toEqual({ enabled: true, keyManager: "aws-owned", observed: "AWS default encryption (SSE-S3)" });
  });
});
