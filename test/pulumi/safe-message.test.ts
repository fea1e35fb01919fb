import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, VALUE_LIMIT, boundValue } from "../../src/core/bounded-text";
import { secret } from "../../src/engine-client/wire";
import { noteRequestSecrets, secretTextsOfWire } from "../../src/pulumi/request-secrets";
import { redactTexts, safeMessage } from "../../src/pulumi/safe-message";

const nextMacrotask = () => new Promise((ok) => setImmediate(ok));

describe("redaction", () => {
  it("replaces every occurrence, whatever its case", () => {
    expect(redactTexts("segment 'Tenant-Alpha' and tenant-alpha", ["tenant-alpha"])).toBe("segment '[secret]' and [secret]");
  });

  it("redacts the longest secret whole when a shorter one is inside it", () => {
    expect(redactTexts("key arn:aws:kms:eu-west-1:123456789012:key/abcd-1234", ["abcd-1234", "arn:aws:kms:eu-west-1:123456789012:key/abcd-1234"])).toBe("key [secret]");
  });

  it("redacts short secrets, numbers and booleans only as words of their own", () => {
    expect(redactTexts("[CDG-IAM-005] window of 5 days; Statement[5]", ["5"])).toBe("[CDG-IAM-005] window of [secret] days; Statement[[secret]]");
    expect(redactTexts("allows s3:GetObject; Allow", ["Allow"])).toBe("allows s3:GetObject; [secret]");
    expect(redactTexts("storageEncrypted=false", ["false"])).toBe("storageEncrypted=[secret]");
  });

  it("redacts a secret cut short by a bound, and a secret's start followed by a cut mark", () => {
    const long = `s3cr3t-${"q".repeat(5000)}`;
    expect(redactTexts(`name ${boundValue(long)}`, [long])).toBe("name [secret]… (4807 more characters)");
    expect(redactTexts(`name '${long.slice(0, 40)}...'`, [long])).toBe("name '[secret]...'");
  });

  it("leaves another value that only starts like a secret", () => {
    const text = "role arn:aws:iam::123456789012:role/other";
    expect(redactTexts(text, ["arn:aws:iam::123456789012:role/secret-one"])).toBe(text);
  });

  it("is a no-op without secrets", () => {
    expect(redactTexts("nothing to hide", [])).toBe("nothing to hide");
  });
});

describe("the secret texts of a request, from the wire encoding", () => {
  const wire = (props: Record<string, unknown>) => Struct.fromJavaScript(props as never).toJavaScript();

  it("reads secret leaves, numbers and booleans, and the JSON text of secret objects", () => {
    const texts = secretTextsOfWire(wire({ a: secret("hidden-a"), b: "plain", c: secret(42), d: secret(true), e: secret({ k: "inner-v", n: [1, "x2"] }) }));
    expect(texts).toEqual(expect.arrayContaining(["hidden-a", "42", "true", "inner-v", "1", "x2", "k", '{"k":"inner-v","n":[1,"x2"]}']));
    expect(texts).not.toContain("plain");
  });

  it("reads secrets nested anywhere, and keeps a document's grammar keys printable", () => {
    const texts = secretTextsOfWire(wire({ tags: { "customer-segment": secret("seg-1") }, policy: secret({ Statement: [{ Sid: "sid-1", Condition: { StringEquals: { "aws:PrincipalTag/team": "t" } } }] }) }));
    expect(texts).toEqual(expect.arrayContaining(["seg-1", "sid-1", "aws:PrincipalTag/team", "t"]));
    for (const grammar of ["Statement", "Sid", "Condition", "StringEquals", "customer-segment"]) expect(texts).not.toContain(grammar);
  });

  it("derives the forms a secret is printed in: a JSON document's values and keys, an ARN's account and name, pieces, trimmed", () => {
    const doc = JSON.stringify({ Statement: [{ Sid: "doc-sid", Resource: "arn:aws:s3:::doc-bucket/*", Condition: { Bool: { "aws:custom/key-1": "v" } } }] });
    const texts = secretTextsOfWire(wire({
      policy: secret(doc),
      policyArn: secret("arn:aws:iam::aws:policy/AdministratorAccess"),
      role: secret("arn:aws:iam::123456789012:role/app/reader"),
      waiver: secret(" audit exception ; until=2030-01-01"),
    }));
    expect(texts).toEqual(expect.arrayContaining([
      doc, "doc-sid", "arn:aws:s3:::doc-bucket/*", "aws:custom/key-1",
      "AdministratorAccess", "policy/AdministratorAccess", "123456789012", "reader", "role/app/reader",
      "audit exception", "2030-01-01", "audit exception ; until=2030-01-01",
    ]));
  });

  it("reads an output value marked secret", () => {
    const out = { "4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: "out-secret", secret: true };
    expect(secretTextsOfWire(wire({ o: out }))).toContain("out-secret");
  });
});

describe("safe messages", () => {
  it("redacts the current request's secrets, then bounds each long run and the message", async () => {
    await nextMacrotask();
    const big = `huge-${"h".repeat(1024 * 1024)}`;
    noteRequestSecrets(["tenant-secret", big]);
    const m = safeMessage(`segment 'tenant-secret' of a ${"x".repeat(1000)} and ${big} and ${"word ".repeat(2000)}`);
    expect(m).not.toContain("tenant-secret");
    expect(m).not.toContain("huge-");
    expect(m).toContain(`a ${"x".repeat(VALUE_LIMIT)}… (800 more characters) and [secret] and word`);
    expect(m.length).toBeLessThanOrEqual(MESSAGE_LIMIT + 40);
    expect(m).toMatch(/… \(\d+ more characters\)$/);
  });

  it("forgets a request's secrets on the next macrotask", async () => {
    noteRequestSecrets(["forgotten-value"]);
    expect(safeMessage("forgotten-value")).toBe("[secret]");
    await nextMacrotask();
    expect(safeMessage("forgotten-value")).toBe("forgotten-value");
  });

  it("keeps the whole count when a message is over what is read", async () => {
    await nextMacrotask();
    const m = safeMessage("w ".repeat(600_000));
    expect(m).toMatch(/… \(1195904 more characters\)$/);
  });

  it("redacts a 1 MB message against many secrets quickly", async () => {
    await nextMacrotask();
    noteRequestSecrets(Array.from({ length: 5000 }, (_, i) => `secret-value-${i}`));
    const started = Date.now();
    const m = safeMessage(`${"a b ".repeat(262_144)} secret-value-17`);
    expect(m.length).toBeLessThanOrEqual(MESSAGE_LIMIT + 40);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
