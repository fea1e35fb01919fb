// Runs a Pulumi program's recorded resources through a pack the way `pulumi preview` does:
// Analyze for every resource, then AnalyzeStack for all of them.
import { join } from "node:path";
import type { AnalyzeResult, Diagnostic, NotApplicable, PackClient } from "./harness";
import { recordProgram } from "./record";

export interface ProgramAnalysis {
  readonly diagnostics: Diagnostic[];
  readonly notApplicable: (NotApplicable & { urn?: string })[];
  /** Every resource sent, for checks such as "no message contains a secret". */
  readonly resourceCount: number;
}

export async function analyzeProgram(pack: PackClient, programDir: string, stack = "dev", preview = true): Promise<ProgramAnalysis> {
  const project = programDir.split(/[\\/]/).pop() ?? "example";
  const resources = await recordProgram(join(programDir, "index.ts"), {
    stack,
    project,
    preview,
    config: { "aws:region": "eu-west-1" },
  });
  const diagnostics: Diagnostic[] = [];
  const notApplicable: ProgramAnalysis["notApplicable"] = [];
  const collect = (r: AnalyzeResult, urn?: string): void => {
    diagnostics.push(...r.diagnostics);
    notApplicable.push(...r.notApplicable.map((n) => (urn ? { ...n, urn } : n)));
  };
  for (const r of resources) collect(await pack.analyze(r), r.urn);
  collect(await pack.analyzeStack(resources));
  return { diagnostics, notApplicable, resourceCount: resources.length };
}

/** "policy-name resource-name" pairs, sorted: the shape expected violation sets are written in. */
export const violationPairs = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${d.policyName} ${d.urn.split("::").pop() ?? d.urn}`).sort();
