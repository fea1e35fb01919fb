// Runs a Pulumi program's recorded resources through a pack the way `pulumi preview` (or, with
// `preview` false, `pulumi up`) does: Analyze for every registered resource with its inputs, then
// AnalyzeStack for all of them, read ones (`.get()`) too, with their outputs (the harness sends a
// recorded resource's `outputs` to AnalyzeStack). The project is the program's Pulumi.yaml `name`.
import { join } from "node:path";
import type { AnalyzeResult, Diagnostic, NotApplicable, PackClient } from "./harness";
import { projectName, recordProgram, type RecordedResource } from "./record";

export interface ProgramAnalysis {
  /** Violations (failures, and waived ones as advisory): every diagnostic but the "not assessed" notes. */
  readonly diagnostics: Diagnostic[];
  /** The pack's advisory "not assessed: ..." notes, one per resource and policy. */
  readonly notAssessed: Diagnostic[];
  readonly notApplicable: (NotApplicable & { urn?: string })[];
  /** Every resource sent, for checks such as "no message contains a secret". */
  readonly resourceCount: number;
  /** The program's resources as recorded (inputs, outputs, dependencies). */
  readonly resources: readonly RecordedResource[];
}

export async function analyzeProgram(
  pack: PackClient,
  programDir: string,
  stack = "dev",
  preview = true,
  entry = "index.ts",
): Promise<ProgramAnalysis> {
  const resources = await recordProgram(join(programDir, entry), {
    stack,
    project: projectName(programDir),
    preview,
    config: { "aws:region": "eu-west-1" },
  });
  const diagnostics: Diagnostic[] = [];
  const notApplicable: ProgramAnalysis["notApplicable"] = [];
  const collect = (r: AnalyzeResult, urn?: string): void => {
    diagnostics.push(...r.diagnostics);
    notApplicable.push(...r.notApplicable.map((n) => (urn ? { ...n, urn } : n)));
  };
  for (const r of resources.filter((x) => !x.external)) collect(await pack.analyze(r), r.urn);
  collect(await pack.analyzeStack(resources));
  return {
    diagnostics: diagnostics.filter((d) => !isNotAssessedNote(d)),
    notAssessed: diagnostics.filter(isNotAssessedNote),
    notApplicable,
    resourceCount: resources.length,
    resources,
  };
}

/** The pack's advisory "not assessed" notes: `[CDG-XXX-NNN] not assessed: ...` or `not assessed (error): ...`. */
export const isNotAssessedNote = (d: Diagnostic): boolean =>
  d.enforcementLevel === "advisory" && /^(\[CDG-[A-Z]{3}-\d{3}\] )?not assessed\b/m.test(d.message);

/** "policy-name resource-name" pairs, sorted: the shape expected violation sets are written in. */
export const violationPairs = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${d.policyName} ${d.urn.split("::").pop() ?? d.urn}`).sort();
