/**
 * Bounds on the text a front prints (Pulumi diagnostics, not-applicable reasons, scanner reports): a
 * value quoted in a message is cut to a few hundred characters and a message to a few KB, each cut
 * saying how much it left out, so one huge property value can never flood a preview or a report.
 * Front-neutral: it knows nothing of secrets (the Pulumi front redacts those before bounding).
 */

/** Characters of one quoted value shown before it is cut. */
export const VALUE_LIMIT = 200;
/** Characters of one whole message shown before it is cut. */
export const MESSAGE_LIMIT = 4096;
/** Items of a list shown before the rest is counted. */
export const LIST_LIMIT = 10;

const cutMark = (left: number): string => `… (${left} more character${left === 1 ? "" : "s"})`;

/** A surrogate pair is never split: the cut moves one character back instead. */
function cutAt(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return limit > 0 && code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The value itself when short, else its first `limit` characters and how many more there were. */
export function boundValue(text: string, limit = VALUE_LIMIT): string {
  if (text.length <= limit) return text;
  const at = cutAt(text, limit);
  return `${text.slice(0, at)}${cutMark(text.length - at)}`;
}

/** A whole message bounded to `limit` characters (plus the count of what was cut). */
export function boundMessage(text: string, limit = MESSAGE_LIMIT): string {
  return boundValue(text, limit);
}

/** `render(item)` for the first `max` items joined by `separator`, then "(and N more)". */
export function boundList<T>(items: readonly T[], render: (item: T) => string, separator = ", ", max = LIST_LIMIT): string {
  const shown = items.slice(0, max).map(render).join(separator);
  return items.length > max ? `${shown} (and ${items.length - max} more)` : shown;
}

/** A run of more than `limit` non-space characters, with the count a previous cut left after it. */
const runPattern = (limit: number): RegExp => new RegExp(`\\S{${limit + 1},}(?: \\((\\d+) more characters?\\))?`, "g");
const VALUE_RUN = runPattern(VALUE_LIMIT);

/**
 * Cuts every run of more than `limit` characters without white space (an ARN, a name, a JSON text
 * quoted without spaces): the shape a quoted value takes when its source did not bound it. A run
 * that an earlier cut already ended ("…… (N more characters)") keeps one count, of both cuts.
 */
export function boundRuns(text: string, limit = VALUE_LIMIT): string {
  if (text.length <= limit) return text;
  const pattern = limit === VALUE_LIMIT ? VALUE_RUN : runPattern(limit);
  return text.replace(pattern, (match: string, earlier: string | undefined) => {
    if (earlier === undefined) return boundValue(match, limit);
    const run = match.slice(0, match.lastIndexOf(" ("));
    if (!run.endsWith("…")) return `${boundValue(run, limit)} (${earlier} more characters)`;
    const inner = run.slice(0, -1);
    const at = cutAt(inner, limit);
    if (inner.length <= limit) return match;
    return `${inner.slice(0, at)}${cutMark(inner.length - at + Number(earlier))}`;
  });
}

/** A message with every long run cut (`boundRuns`), then bounded as a whole (`boundMessage`). */
export function boundText(text: string, limit = MESSAGE_LIMIT): string {
  return boundMessage(boundRuns(text), limit);
}
