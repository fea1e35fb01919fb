import { HYGIENE_RULES } from "../../src/rules/hygiene";

const HYGIENE = new Set(HYGIENE_RULES.map((r) => r.slug));

/**
 * The encryption, network, segregation and access programs each show their own pillars; privacy hygiene is
 * judged on its own programs (hygiene.test.ts). Every diagnostic of every program is still recorded, and
 * compared, in the golden file (golden.test.ts).
 */
export const withoutHygiene = <T extends { readonly policyName: string }>(ds: readonly T[]): T[] => ds.filter((d) => !HYGIENE.has(d.policyName));
