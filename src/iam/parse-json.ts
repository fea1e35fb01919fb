/**
 * Where and why a text is not JSON, without quoting it: `JSON.parse` errors quote the text around the
 * mistake ("Unexpected token 'x', "...text..." is not valid JSON"), which for a policy document may be
 * an ARN, a Sid or a secret. This scanner follows RFC 8259 and stops at the first mistake.
 */
export interface JsonSyntaxError {
  /** 0-based character offset of the mistake. */
  readonly offset: number;
  /** 1-based line and column of the mistake. */
  readonly line: number;
  readonly column: number;
  /** What is wrong there, in words that never repeat the text. */
  readonly kind: string;
}

class Stop {
  constructor(readonly at: number, readonly kind: string) {}
}

/** The first syntax mistake in `text`, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const end = (what: string): Stop => new Stop(i, `the text ends before ${what}`);
  const value = (depth: number): void => {
    if (depth > 1000) throw new Stop(i, "lists and objects nested more than 1000 deep");
    ws();
    if (i >= n) throw end("a value");
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (i >= n) throw end("a property name");
        if (text[i] !== '"') throw new Stop(i, "expected a property name in double quotes");
        string();
        ws();
        if (i >= n) throw end("':' after a property name");
        if (text[i] !== ":") throw new Stop(i, "expected ':' after a property name");
        i++;
        value(depth + 1);
        ws();
        if (i >= n) throw end("',' or '}' after a property value");
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        throw new Stop(i, "expected ',' or '}' after a property value");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (i >= n) throw end("',' or ']' after a list element");
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        throw new Stop(i, "expected ',' or ']' after a list element");
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    throw new Stop(i, c === "'" ? "strings must be in double quotes" : "unexpected character where a value should start");
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= n) throw end("the string is closed");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new Stop(i, "a control character (such as a line break) inside a string");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) throw end("the escape sequence is complete");
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, "a \\u escape without four hex digits");
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop(i, "an unknown escape sequence in a string");
        continue;
      }
      i++;
    }
  };
  const digits = (): number => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - start;
  };
  const number = (): void => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (digits() === 0) throw new Stop(i, "a number without digits");
    if (text[i] === ".") {
      i++;
      if (digits() === 0) throw new Stop(i, "a number without digits after its decimal point");
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (digits() === 0) throw new Stop(i, "a number without digits in its exponent");
    }
  };
  try {
    ws();
    if (i >= n) return at(text, 0, "the text is empty");
    value(0);
    ws();
    if (i < n) return at(text, i, "more text after the end of the document");
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return at(text, e.at, e.kind);
    throw e;
  }
}

function at(text: string, offset: number, kind: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, kind };
}

/** "a control character ... at line 3, column 14 (character 52)". */
export function describeJsonError(text: string): string {
  let e: JsonSyntaxError | undefined;
  try {
    e = jsonSyntaxError(text);
  } catch {
    e = undefined;
  }
  if (e === undefined) return "it could not be parsed (no position known)";
  return `${e.kind} at line ${e.line}, column ${e.column} (character ${e.offset})`;
}
