import { createHash } from "node:crypto";

const sha256Source = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * Nothing but the page's own style sheet and script may run or load: no network (connect-src falls back
 * to 'none'), no other inline code, no plugins, no form posts. Hashes rather than 'unsafe-inline', so an
 * injected <script> or style would not run even if escaping failed somewhere.
 */
export function contentSecurityPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${sha256Source(style)}`,
    `script-src ${sha256Source(script)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
