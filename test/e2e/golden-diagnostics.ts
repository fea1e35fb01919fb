// The pack's diagnostics on every example program, in a new stack's preview and with every value known,
// in a stable order: what the golden file under test/e2e/golden holds.
import { join } from "node:path";
import { analyzeProgram } from "../../src/engine-client/analyze-program";
import { BUNDLED_EXAMPLES } from "../../src/engine-client/bundled-examples";
import type { PackClient } from "../../src/engine-client/harness";

export const GOLDEN_EXAMPLES = BUNDLED_EXAMPLES;

export interface GoldenEntry {
  readonly example: string;
  readonly preview: boolean;
  readonly diagnostics: string[];
  readonly notAssessed: string[];
  readonly notApplicable: string[];
}

export async function goldenDiagnostics(pack: PackClient, root: string): Promise<GoldenEntry[]> {
  const out: GoldenEntry[] = [];
  for (const example of GOLDEN_EXAMPLES) {
    for (const preview of [true, false]) {
      const r = await analyzeProgram(pack, join(root, "examples", example), "dev", preview);
      out.push({
        example,
        preview,
        diagnostics: r.diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName} ${d.urn} ${d.message}`).sort(),
        notAssessed: r.notAssessed.map((d) => `${d.policyName} ${d.urn} ${d.message}`).sort(),
        notApplicable: r.notApplicable.map((n) => `${n.policyName} ${n.urn ?? "(stack)"} ${n.reason}`).sort(),
      });
    }
  }
  return out;
}
