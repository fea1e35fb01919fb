// Conversions between the plain shapes in analyzer-types.ts and the generated protobuf messages,
// mirroring how the engine fills requests (pulumi/pulumi sdk/go/common/resource/plugin/analyzer_plugin.go).
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type {
  AnalyzeResult,
  AnalyzerInfo,
  AnalyzerResourceInput,
  EnforcementLevel,
  JsonSchema,
  PolicyConfig,
  PolicyInfo,
  PolicyType,
  ProviderInput,
  ResourceOptionsInput,
  Severity,
  StackConfiguration,
} from "./analyzer-types";
import { toWireObject } from "./wire";

const LEVELS: Record<EnforcementLevel, pb.EnforcementLevel> = {
  advisory: pb.EnforcementLevel.ADVISORY,
  mandatory: pb.EnforcementLevel.MANDATORY,
  remediate: pb.EnforcementLevel.REMEDIATE,
  disabled: pb.EnforcementLevel.DISABLED,
};

export function enforcementLevelToProto(level: EnforcementLevel): pb.EnforcementLevel {
  return LEVELS[level];
}

export function enforcementLevelFromProto(level: pb.EnforcementLevel): EnforcementLevel {
  const found = (Object.keys(LEVELS) as EnforcementLevel[]).find((k) => LEVELS[k] === level);
  if (!found) throw new Error(`invalid enforcement level ${level}`);
  return found;
}

function severityFromProto(s: pb.PolicySeverity): Severity {
  switch (s) {
    case pb.PolicySeverity.POLICY_SEVERITY_LOW: return "low";
    case pb.PolicySeverity.POLICY_SEVERITY_MEDIUM: return "medium";
    case pb.PolicySeverity.POLICY_SEVERITY_HIGH: return "high";
    case pb.PolicySeverity.POLICY_SEVERITY_CRITICAL: return "critical";
    default: return "unspecified";
  }
}

function policyTypeFromProto(t: pb.PolicyType): PolicyType {
  if (t === pb.PolicyType.POLICY_TYPE_RESOURCE) return "resource";
  if (t === pb.PolicyType.POLICY_TYPE_STACK) return "stack";
  return "unknown";
}

function struct(value: Record<string, unknown>, path: string): Struct {
  return Struct.fromJavaScript(toWireObject(value, path));
}

function toOptions(opts: Partial<ResourceOptionsInput> | undefined, parent: string): pb.AnalyzerResourceOptions {
  const timeouts = new pb.AnalyzerResourceOptions.CustomTimeouts();
  timeouts.setCreate(opts?.customTimeouts?.create ?? 0);
  timeouts.setUpdate(opts?.customTimeouts?.update ?? 0);
  timeouts.setDelete(opts?.customTimeouts?.delete ?? 0);
  const o = new pb.AnalyzerResourceOptions();
  o.setProtect(opts?.protect ?? false);
  o.setIgnorechangesList(opts?.ignoreChanges ?? []);
  o.setDeletebeforereplace(opts?.deleteBeforeReplace ?? false);
  o.setDeletebeforereplacedefined(opts?.deleteBeforeReplace !== undefined);
  o.setAdditionalsecretoutputsList(opts?.additionalSecretOutputs ?? []);
  o.setAliasesList(opts?.aliases ?? []);
  o.setCustomtimeouts(timeouts);
  o.setParent(opts?.parent ?? parent);
  return o;
}

function toProvider(p: ProviderInput): pb.AnalyzerProviderResource {
  const m = new pb.AnalyzerProviderResource();
  m.setUrn(p.urn);
  m.setType(p.type);
  m.setName(p.name);
  m.setProperties(struct(p.properties, `${p.urn} provider properties`));
  return m;
}

/** Analyze: the engine puts the parent into the options (step_generator.go, continueStepsFromImport). */
export function toAnalyzeRequest(r: AnalyzerResourceInput): pb.AnalyzeRequest {
  const req = new pb.AnalyzeRequest();
  req.setUrn(r.urn);
  req.setType(r.type);
  req.setName(r.name);
  req.setProperties(struct(r.properties, `${r.urn} properties`));
  req.setOptions(toOptions(r.options, r.parent ?? ""));
  if (r.provider) req.setProvider(toProvider(r.provider));
  return req;
}

/**
 * AnalyzeStack: the engine sends each resource's outputs, sets the parent both as a field of the
 * resource and in the options (step_generator.go, AnalyzeResources; analyze_snapshot.go,
 * stateToAnalyzerResource), and drops property dependencies that are empty (analyzer_plugin.go).
 * A resource with `outputs` (a recorded one, record-encode.ts) is sent with them; otherwise its
 * `properties` stand for its outputs (hand-built resources, and state-file.ts analyzerResourcesOf, which
 * already puts the outputs there).
 */
export function toStackResource(r: AnalyzerResourceInput & { outputs?: Record<string, unknown> }): pb.AnalyzerResource {
  const m = new pb.AnalyzerResource();
  m.setUrn(r.urn);
  m.setType(r.type);
  m.setName(r.name);
  m.setProperties(r.outputs === undefined ? struct(r.properties, `${r.urn} properties`) : struct(r.outputs, `${r.urn} outputs`));
  m.setOptions(toOptions(r.options, r.parent ?? ""));
  if (r.provider) m.setProvider(toProvider(r.provider));
  m.setParent(r.parent ?? "");
  m.setDependenciesList(r.dependencies);
  const deps = m.getPropertydependenciesMap();
  for (const [key, urns] of Object.entries(r.propertyDependencies)) {
    if (urns.length === 0) continue;
    const d = new pb.AnalyzerPropertyDependencies();
    d.setUrnsList(urns);
    deps.set(key, d);
  }
  return m;
}

export function fromAnalyzeResponse(resp: pb.AnalyzeResponse): AnalyzeResult {
  return {
    diagnostics: resp.getDiagnosticsList().map((d) => ({
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      policyPackVersion: d.getPolicypackversion(),
      description: d.getDescription(),
      message: d.getMessage(),
      urn: d.getUrn(),
      reportedUrn: d.getUrn(),
      enforcementLevel: enforcementLevelFromProto(d.getEnforcementlevel()),
      severity: severityFromProto(d.getSeverity()),
    })),
    notApplicable: resp.getNotApplicableList().map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
  };
}

function fromPolicyInfo(p: pb.PolicyInfo): PolicyInfo {
  const info: PolicyInfo = {
    name: p.getName(),
    displayName: p.getDisplayname(),
    description: p.getDescription(),
    message: p.getMessage(),
    enforcementLevel: enforcementLevelFromProto(p.getEnforcementlevel()),
    policyType: policyTypeFromProto(p.getPolicyType()),
    severity: severityFromProto(p.getSeverity()),
    tags: p.getTagsList(),
    remediationSteps: p.getRemediationSteps(),
    url: p.getUrl(),
  };
  const schema = p.getConfigschema();
  if (schema) {
    const props = schema.getProperties()?.toJavaScript() ?? {};
    info.configSchema = { properties: props as Record<string, JsonSchema>, required: schema.getRequiredList() };
  }
  const fw = p.getFramework();
  if (fw) {
    info.framework = { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() };
  }
  return info;
}

export function fromAnalyzerInfo(ai: pb.AnalyzerInfo): AnalyzerInfo {
  const initialConfig: Record<string, PolicyConfig> = {};
  ai.getInitialconfigMap().forEach((v, k) => {
    // As the engine does: an unset enforcement level reads as 0, i.e. "advisory".
    initialConfig[k] = {
      enforcementLevel: enforcementLevelFromProto(v.getEnforcementlevel()),
      properties: v.getProperties()?.toJavaScript() ?? {},
    };
  });
  return {
    name: ai.getName(),
    displayName: ai.getDisplayname(),
    version: ai.getVersion(),
    supportsConfig: ai.getSupportsconfig(),
    description: ai.getDescription(),
    readme: ai.getReadme(),
    provider: ai.getProvider(),
    tags: ai.getTagsList(),
    repository: ai.getRepository(),
    policies: ai.getPoliciesList().map(fromPolicyInfo),
    initialConfig,
  };
}

export function toConfigureRequest(config: Record<string, PolicyConfig>): pb.ConfigureAnalyzerRequest {
  const req = new pb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  for (const [name, c] of Object.entries(config)) {
    const m = new pb.PolicyConfig();
    m.setEnforcementlevel(enforcementLevelToProto(c.enforcementLevel));
    m.setProperties(struct(c.properties, `policy config ${name}`));
    map.set(name, m);
  }
  return req;
}

export function toStackConfigureRequest(s: StackConfiguration): pb.AnalyzerStackConfigureRequest {
  const req = new pb.AnalyzerStackConfigureRequest();
  req.setStack(s.stack);
  req.setProject(s.project);
  req.setOrganization(s.organization);
  req.setDryRun(s.dryRun);
  for (const [k, v] of Object.entries(s.config)) req.getConfigMap().set(k, v);
  req.setConfigSecretKeysList(s.configSecretKeys);
  for (const [k, v] of Object.entries(s.tags)) req.getTagsMap().set(k, v);
  return req;
}
