/** Global condition keys the rules test for, lower-cased as the parser keys conditions. */
export const CONDITION_KEYS = {
  secureTransport: "aws:securetransport",
} as const;
