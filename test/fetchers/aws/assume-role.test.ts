import { describe, expect, it } from "vitest";
import { CHAINED_ROLE_MAX_SECONDS, refreshing, sessionSeconds } from "../../../src/fetchers/aws/assume-role";

describe("the org role's session", () => {
  it("asks for at most one hour when the caller is itself a role session (role chaining)", () => {
    expect(sessionSeconds("arn:aws:sts::123456789012:assumed-role/scanner-task/abc", 7200)).toEqual({ seconds: CHAINED_ROLE_MAX_SECONDS, chained: true });
    expect(sessionSeconds("arn:aws:sts::123456789012:assumed-role/scanner-task/abc", 900)).toEqual({ seconds: 900, chained: true });
    expect(sessionSeconds("arn:aws:iam::123456789012:user/auditor", 7200)).toEqual({ seconds: 7200, chained: false });
    expect(sessionSeconds("arn:aws-us-gov:sts::123456789012:assumed-role/x/y", 43200).seconds).toBe(3600);
  });

  it("shares one session between all callers and renews it only when it is about to expire", async () => {
    let now = 0;
    let calls = 0;
    const provider = refreshing(
      async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        return { accessKeyId: `AKIA${calls}`, secretAccessKey: "s", expiration: new Date(now + 3_600_000) };
      },
      300_000,
      () => now,
    );
    const first = await Promise.all(Array.from({ length: 20 }, () => provider()));
    expect(calls).toBe(1);
    expect(new Set(first.map((c) => c.accessKeyId))).toEqual(new Set(["AKIA1"]));
    now = 3_000_000; // 10 minutes left: still good
    expect((await provider()).accessKeyId).toBe("AKIA1");
    now = 3_400_000; // under 5 minutes left: renewed, once, for everyone
    const renewed = await Promise.all([provider(), provider(), provider()]);
    expect(calls).toBe(2);
    expect(renewed.map((c) => c.accessKeyId)).toEqual(["AKIA2", "AKIA2", "AKIA2"]);
  });

  it("does not remember a failure: the next call tries again", async () => {
    let calls = 0;
    const provider = refreshing(async () => {
      calls++;
      if (calls === 1) throw new Error("AccessDenied");
      return { accessKeyId: "AKIA", secretAccessKey: "s" };
    });
    await expect(provider()).rejects.toThrow("AccessDenied");
    expect((await provider()).accessKeyId).toBe("AKIA");
    expect(await provider()).toBe(await provider());
    expect(calls).toBe(2);
  });
});
