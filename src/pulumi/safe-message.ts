import { boundMessage, boundRuns, MESSAGE_LIMIT } from "../core/bounded-text";
import { secretTracking, withRequestSecrets } from "./request-secrets";
import { installDecodingHooks } from "./shared-deserialization";

// The secrets of a request are read while @pulumi/policy decodes it, so the hook must be in place
// before the first request: the pack's policies load this module, and the server starts after them.
installDecodingHooks();

/** What a secret's text is replaced with. */
export const REDACTED = "[secret]";
const REDACTED_CUT = /\[secret\](?:…|\.\.\.)(?: \(\d+ more characters?\))?/g;

/**
 * A secret this short, or a number or boolean, is redacted only where it stands as a word of its own
 * (not inside a longer word): "5" in "port 5", not in "CDG-IAM-005"; "Allow" as a word, not inside
 * "allows". Longer ones are redacted wherever they occur.
 */
const SHORT = 8;
/** A secret's first characters found in a message are redacted with as much of the secret as follows. */
const PREFIX = 12;
/**
 * A secret's start followed by something else is redacted when it is this long, or when it is
 * followed by a cut mark or ends the message: then it is a secret cut short, not another value
 * that happens to start alike (two ARNs of one account).
 */
const LONG_PREFIX = 48;
const isCut = (hay: string, end: number): boolean => end === hay.length || hay.startsWith("…", end) || hay.startsWith("...", end);
/** Characters of a message redacted and kept before it is bounded; the rest is only counted. */
const SCAN_LIMIT = 16 * MESSAGE_LIMIT;
/** Characters of one run kept before redaction when a message is over SCAN_LIMIT. */
const RUN_KEPT = MESSAGE_LIMIT;

interface Needle {
  /** The secret, case-folded. */
  readonly text: string;
  readonly wordOnly: boolean;
}

/**
 * The text as it may leave the pack: every occurrence of a secret of the current request replaced
 * by `[secret]` (longest first, case-insensitively, and a secret cut short by a bound too), then
 * every long run and the whole message bounded, with counts of what was cut.
 */
export function safeMessage(text: string, limit = MESSAGE_LIMIT): string {
  // A huge message is first shrunk without losing what redaction needs: each run of more than
  // RUN_KEPT characters keeps its start and a cut mark (a secret cut there is still found, by its
  // start followed by the mark), and only the first SCAN_LIMIT characters are read at all.
  let kept = text.length > SCAN_LIMIT ? boundRuns(text, RUN_KEPT) : text;
  let dropped = 0;
  if (kept.length > SCAN_LIMIT) {
    dropped = kept.length - SCAN_LIMIT;
    kept = kept.slice(0, SCAN_LIMIT);
  }
  // A secret cut short before redaction keeps no count: it would tell the secret's length.
  const bounded = boundRuns(redactSecrets(kept).replace(REDACTED_CUT, REDACTED));
  if (dropped === 0) return boundMessage(bounded, limit);
  const shown = bounded.slice(0, Math.min(limit, bounded.length));
  return `${shown}… (${bounded.length - shown.length + dropped} more characters)`;
}

/** True when the pack can tell which values of a request are secret (a decoding hook is installed). */
export const secretsVisible = (): boolean => secretTracking() !== "none";

/** Replaces every secret text of the current request found in `text` with `[secret]`. */
export function redactSecrets(text: string): string {
  const needles = withRequestSecrets(compileNeedles);
  if (needles.length === 0 || text === "") return text;
  return redactWith(text, needles);
}

/** Redacts `text` against the given secrets (a request's, or a test's). */
export function redactTexts(text: string, secrets: readonly string[]): string {
  return redactWith(text, compileNeedles(secrets));
}

/** `redactTexts` for many texts with the same secrets: the secrets are prepared once. */
export function textRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = compileNeedles(secrets);
  return (text) => (needles.length === 0 ? text : redactWith(text, needles));
}

function compileNeedles(texts: readonly string[]): Needle[] {
  const byText = new Map<string, Needle>();
  for (const t of texts) {
    const folded = fold(t);
    if (folded.trim() === "") continue;
    const wordOnly = folded.length < SHORT || /^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/.test(folded) || folded === "true" || folded === "false";
    const prior = byText.get(folded);
    byText.set(folded, { text: folded, wordOnly: wordOnly && (prior?.wordOnly ?? true) });
  }
  // Longest first: a secret inside a longer one is redacted with it.
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

const WORD = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && c !== "" && WORD.test(c);

/**
 * Needles by their first KEY_LENGTH characters, so a message is read once whatever the number of
 * secrets (a 50,000-resource stack has thousands); shorter needles are tried one by one.
 */
const KEY_LENGTH = 4;
interface NeedleIndex {
  readonly byKey: ReadonlyMap<string, readonly Needle[]>;
  readonly short: readonly Needle[];
}
const indexes = new WeakMap<readonly Needle[], NeedleIndex>();

function indexOf(needles: readonly Needle[]): NeedleIndex {
  let index = indexes.get(needles);
  if (index) return index;
  const byKey = new Map<string, Needle[]>();
  const short: Needle[] = [];
  for (const n of needles) {
    if (n.text.length < KEY_LENGTH) short.push(n);
    else {
      const key = n.text.slice(0, KEY_LENGTH);
      const list = byKey.get(key);
      if (list) list.push(n);
      else byKey.set(key, [n]);
    }
  }
  indexes.set(needles, (index = { byKey, short }));
  return index;
}

/** The span of needle `n` found at `i` in `hay`, if it is there (as redaction counts a match). */
function matchAt(hay: string, i: number, n: Needle): [number, number] | undefined {
  if (n.wordOnly) {
    if (!hay.startsWith(n.text, i)) return undefined;
    const end = i + n.text.length;
    return !isWordChar(hay[i - 1]) && !isWordChar(hay[end]) ? [i, end] : undefined;
  }
  const head = n.text.length > PREFIX ? n.text.slice(0, PREFIX) : n.text;
  if (!hay.startsWith(head, i)) return undefined;
  // The whole secret, or as much of it as the message holds (a value cut by a bound).
  let end = i + head.length;
  const max = Math.min(hay.length, i + n.text.length);
  while (end < max && hay.charCodeAt(end) === n.text.charCodeAt(end - i)) end++;
  return end - i === n.text.length || end - i >= LONG_PREFIX || isCut(hay, end) ? [i, end] : undefined;
}

function redactWith(text: string, needles: readonly Needle[]): string {
  const hay = fold(text);
  const spans: [number, number][] = [];
  const { byKey, short } = indexOf(needles);
  for (let i = 0; i + KEY_LENGTH <= hay.length; i++) {
    const candidates = byKey.get(hay.substr(i, KEY_LENGTH));
    if (!candidates) continue;
    for (const n of candidates) {
      const span = matchAt(hay, i, n);
      if (span) spans.push(span);
    }
  }
  for (const n of short) {
    for (let i = hay.indexOf(n.text); i >= 0; i = hay.indexOf(n.text, i + 1)) {
      const span = matchAt(hay, i, n);
      if (span) spans.push(span);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = "";
  let at = 0;
  let open: [number, number] | undefined;
  for (const s of spans) {
    if (open && s[0] <= open[1]) {
      open[1] = Math.max(open[1], s[1]);
      continue;
    }
    if (open) {
      out += text.slice(at, open[0]) + REDACTED;
      at = open[1];
    }
    open = [s[0], s[1]];
  }
  if (open) {
    out += text.slice(at, open[0]) + REDACTED;
    at = open[1];
  }
  return out + text.slice(at);
}

/** Case-folds without changing the length, so positions in the folded text are positions in the text. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}
