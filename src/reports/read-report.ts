import { readFileSync } from "node:fs";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { CanonicalReport } from "./report";
import { REPORT_SCHEMA_VERSION } from "./report";
import reportSchema from "./report.schema.json";

/** A file that is not a canonical report this version reads; the message names the file and the problem. */
export class ReportInputError extends Error {
  override readonly name = "ReportInputError";
}

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(reportSchema);
  return validator;
}

/** The JSON Schema of the canonical report (`cdguard schema`). */
export const REPORT_SCHEMA: object = reportSchema;

/** Reads and validates a canonical report; every problem names the file and the place in it. */
export function readReport(path: string): CanonicalReport {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ReportInputError(`${path}: cannot read the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseReport(text, path);
}

export function parseReport(text: string, source: string): CanonicalReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ReportInputError(`${source}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const version = typeof doc === "object" && doc !== null ? (doc as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version !== "string") throw new ReportInputError(`${source}: not a customer-data-guard report (no schemaVersion)`);
  const major = REPORT_SCHEMA_VERSION.split(".")[0];
  if (version.split(".")[0] !== major) {
    throw new ReportInputError(`${source}: report schema version ${version} is not readable by this cdguard (it reads ${major}.x)`);
  }
  const check = validate();
  if (!check(doc)) throw new ReportInputError(`${source}: not a valid report:\n${describe(check.errors ?? [])}`);
  return doc as CanonicalReport;
}

const SHOWN = 10;

function describe(errors: readonly ErrorObject[]): string {
  const lines = errors.slice(0, SHOWN).map((e) => `  - ${e.instancePath || "(the document)"} ${e.message ?? "is invalid"}${detail(e)}`);
  if (errors.length > SHOWN) lines.push(`  - … and ${errors.length - SHOWN} more`);
  return lines.join("\n");
}

function detail(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (Array.isArray(p.allowedValues)) return `: ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (typeof p.additionalProperty === "string") return ` ('${p.additionalProperty}')`;
  return "";
}
