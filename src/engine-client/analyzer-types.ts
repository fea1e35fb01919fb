// Plain TypeScript shapes for the Analyzer protocol (pulumi/pulumi proto/pulumi/analyzer.proto).

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "unspecified" | "low" | "medium" | "high" | "critical";
export type PolicyType = "unknown" | "resource" | "stack";

export interface CustomTimeouts {
  create: number;
  update: number;
  delete: number;
}

export interface ResourceOptionsInput {
  protect: boolean;
  ignoreChanges: string[];
  /** Unset means "not defined" (the engine's `*bool`). */
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs: string[];
  aliases: string[];
  customTimeouts: CustomTimeouts;
  /** The parent's URN: the engine sets it in Analyze and AnalyzeStack alike (CLI 3.274.1). */
  parent?: string;
}

export interface ProviderInput {
  urn: string;
  type: string;
  name: string;
  properties: Record<string, unknown>;
}

/**
 * A resource as the engine describes it to an analyzer. `properties` are plain JS in the engine's
 * wire encoding: use `UNKNOWN` and `secret()` from wire.ts for unknown and secret values.
 */
export interface AnalyzerResourceInput {
  urn: string;
  type: string;
  name: string;
  properties: Record<string, unknown>;
  /** Property name -> URNs of the resources that property's value came from. */
  propertyDependencies: Record<string, string[]>;
  dependencies: string[];
  parent?: string;
  provider?: ProviderInput;
  options?: Partial<ResourceOptionsInput>;
}

export interface Diagnostic {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  message: string;
  /**
   * The resource the engine reports the diagnostic against: for Analyze, the analyzed resource; for
   * AnalyzeStack, the URN the policy named if it is one of the stack's resources, else the root stack.
   */
  urn: string;
  /** The URN exactly as the pack reported it (empty when the policy named none). */
  reportedUrn: string;
  enforcementLevel: EnforcementLevel;
  severity: Severity;
}

export interface NotApplicable {
  policyName: string;
  reason: string;
}

export interface AnalyzeResult {
  diagnostics: Diagnostic[];
  notApplicable: NotApplicable[];
}

export type JsonSchema = Record<string, unknown>;

export interface PolicyConfigSchema {
  properties: Record<string, JsonSchema>;
  required: string[];
}

export interface PolicyFramework {
  name: string;
  version: string;
  reference: string;
  specification: string;
}

export interface PolicyInfo {
  name: string;
  displayName: string;
  description: string;
  message: string;
  enforcementLevel: EnforcementLevel;
  policyType: PolicyType;
  severity: Severity;
  configSchema?: PolicyConfigSchema;
  framework?: PolicyFramework;
  tags: string[];
  remediationSteps: string;
  url: string;
}

/** A policy's configuration as the engine sends it in Configure. */
export interface PolicyConfig {
  enforcementLevel: EnforcementLevel;
  properties: Record<string, unknown>;
}

export interface AnalyzerInfo {
  name: string;
  displayName: string;
  version: string;
  supportsConfig: boolean;
  description: string;
  readme: string;
  provider: string;
  tags: string[];
  repository: string;
  policies: PolicyInfo[];
  initialConfig: Record<string, PolicyConfig>;
}

export interface StackConfiguration {
  project: string;
  stack: string;
  organization: string;
  dryRun: boolean;
  /** Stack configuration as `pulumi config` holds it: "namespace:key" -> string. */
  config: Record<string, string>;
  configSecretKeys: string[];
  tags: Record<string, string>;
}
