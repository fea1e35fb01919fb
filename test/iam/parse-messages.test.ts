// The parser's problems name a position and the kind of mistake, never the document's text: a Sid,
// a Version, a condition key, an ARN or the raw JSON may be secret, and may be 1 MB long.
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/iam";
import { describeJsonError, jsonSyntaxError } from "../../src/iam/parse-json";

const T = "tok3nqq";
const tok = (what: string) => `${T}-${what}`;

/** Every free-text position of a document holds a token, and every element is wrong. */
const wrongEverywhere = {
  Version: tok("version"),
  Id: 7,
  [tok("top-key")]: tok("top-value"),
  Statement: [
    {
      Sid: tok("sid"),
      Effect: tok("effect"),
      effect: "allow",
      [tok("statement-key")]: 1,
      Principal: tok("principal"),
      Action: [tok("no-colon"), `${tok("a")}:${tok("b")}:c`, `s3:${tok("space")} x`, `:${tok("empty")}`, 5],
      Resource: [tok("not-arn"), ""],
      Condition: {
        [tok("operator")]: { k: "v" },
        StringEquals: { [tok("cond-key")]: { [tok("nested-key")]: tok("nested-value") }, [`aws:PrincipalTag/${tok("tag")}`]: [] },
        ForAnyValue: tok("not-an-object"),
      },
    },
    { Sid: tok("sid-2"), Effect: "Allow", NotPrincipal: { [tok("principal-type")]: tok("p"), Aws: "*" }, Action: "s3:*", NotAction: "s3:*", Resource: "*" },
    tok("statement-string"),
  ],
};

describe("parser problems", () => {
  it("never quote the document's text, in any kind of problem", () => {
    for (const kind of [undefined, "identity", "resource", "trust"] as const) {
      for (const input of [wrongEverywhere, JSON.stringify(wrongEverywhere)]) {
        const r = parsePolicy(input, kind ? { kind } : {});
        expect(r.status).toBe("malformed");
        expect(r.problems.length).toBeGreaterThan(15);
        for (const p of r.problems) {
          expect(p.path).not.toContain(T);
          expect(p.problem).not.toContain(T);
        }
      }
    }
  });

  it("name the position: the element's path, and the n-th key of an object", () => {
    const problems = parsePolicy(wrongEverywhere).problems.map((p) => `${p.path}: ${p.problem}`);
    expect(problems).toEqual(expect.arrayContaining([
      'Version: expected "2012-10-17" or "2008-10-17", got another string',
      "(document): unexpected element (the 3rd key); expected one of Version, Id, Statement",
      'Statement[0]: unexpected element (the 3rd key): element names are case-sensitive, did you mean "Effect"?',
      'Statement[0].Effect: expected "Allow" or "Deny", got another string',
      'Statement[0].Principal: expected "*" or an object keyed by AWS, Service, Federated or CanonicalUser, got another string',
      'Statement[0].Action[0]: expected "service:action" or "*", got a string without ":"',
      'Statement[0].Action[1]: expected "service:action" or "*", got a string with more than one ":"',
      'Statement[0].Action[2]: expected "service:action" or "*", got a string with white space in it',
      'Statement[0].Action[3]: expected "service:action" or "*", got a string with nothing before or after its ":"',
      'Statement[0].Resource[0]: expected an ARN or "*", got a string that does not start with "arn:"',
      "Statement[0].Condition: unknown condition operator (the 1st key)",
      "Statement[0].Condition.StringEquals (the 1st key): expected a string, number or boolean condition value, got an object",
      "Statement[0].Condition.StringEquals (the 2nd key): expected at least one condition value, got an empty list",
      "Statement[2]: expected an object, got a string",
    ]));
  });

  it("say where JSON text stops parsing and why, never JSON.parse's quote of it", () => {
    const cases: [string, string][] = [
      [`{"Sid": "${tok("a")}" "Effect": 1}`, "expected ',' or '}' after a property value at line 1, column 21 (character 20)"],
      [`{\n  "Sid": "${tok("b")}\n"}`, "a control character (such as a line break) inside a string at line 2, column 20 (character 21)"],
      [`${tok("bare")}`, "unexpected character where a value should start at line 1, column 1 (character 0)"],
      [`{'${tok("single")}': 1}`, "expected a property name in double quotes at line 1, column 2 (character 1)"],
      [`["${tok("open")}"`, "the text ends before ',' or ']' after a list element at line 1, column 16 (character 15)"],
      [`{"a": 1} ${tok("after")}`, "more text after the end of the document at line 1, column 10 (character 9)"],
      [`{"a": "\\x${tok("escape")}"}`, "an unknown escape sequence in a string at line 1, column 8 (character 7)"],
      [`{"a": 01}`, "expected ',' or '}' after a property value at line 1, column 8 (character 7)"],
      ["", "the text is empty at line 1, column 1 (character 0)"],
    ];
    for (const [text, expected] of cases) {
      const r = parsePolicy(text);
      expect(r.problems).toEqual([{ path: "(document)", problem: `is not valid JSON: ${expected}` }]);
      expect(JSON.stringify(r.problems)).not.toContain(T);
    }
  });

  it("finds a JSON mistake exactly when JSON.parse does", () => {
    const valid = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "a\"b\\c\u00e9", Effect: "Allow", Action: ["s3:*"], Resource: "*", N: -1.5e3, B: true, Z: null }] }, null, 1);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = ['"', "{", "}", "[", "]", ",", ":", "\\", "\n", "a", "1", "-", ".", "e", " ", "t", "u"];
    for (let i = 0; i < 3000; i++) {
      const at = rand(valid.length);
      const mutated = rand(3) === 0 ? valid.slice(0, at) + valid.slice(at + 1) : valid.slice(0, at) + alphabet[rand(alphabet.length)] + valid.slice(at + rand(2));
      let parses = true;
      try {
        JSON.parse(mutated);
      } catch {
        parses = false;
      }
      const error = jsonSyntaxError(mutated);
      expect(error === undefined, `${JSON.stringify(mutated)}: ${JSON.stringify(error)}`).toBe(parses);
    }
  });

  it("reads a 1 MB malformed text quickly, naming only its position", () => {
    const text = `{"Sid": "${"s".repeat(1024 * 1024)}" x}`;
    const started = Date.now();
    const problem = describeJsonError(text);
    expect(problem).toBe("expected ',' or '}' after a property value at line 1, column 1048588 (character 1048587)");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
