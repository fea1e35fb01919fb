/** The parts of a Pulumi URN: `urn:pulumi:<stack>::<project>::<parent$type>::<name>` (the name may hold "::"). */
export interface UrnParts {
  readonly stack: string;
  readonly project: string;
  /** The resource's own type, without its parents' (`aws:s3/bucket:Bucket`). */
  readonly type: string;
  readonly name: string;
}

const PREFIX = "urn:pulumi:";

export function parseUrn(urn: string): UrnParts | undefined {
  if (!urn.startsWith(PREFIX)) return undefined;
  const parts = urn.slice(PREFIX.length).split("::");
  if (parts.length < 4) return undefined;
  const [stack = "", project = "", qualifiedType = "", ...name] = parts;
  const type = qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1);
  if (stack === "" || project === "" || type === "") return undefined;
  return { stack, project, type, name: name.join("::") };
}

/** The stack's root resource, to which the engine attributes stack policies' violations that name no resource. */
export const rootStackUrn = (project: string, stack: string): string => `${PREFIX}${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
