/** The example programs under examples/ that the demo runs and the golden diagnostics record, in order. */
export const BUNDLED_EXAMPLES: readonly string[] = [
  "encryption-compliant",
  "encryption-violations",
  "segments-compliant",
  "segments-violations",
  "access-compliant",
  "access-violations",
  "hygiene-compliant",
  "hygiene-violations",
];
