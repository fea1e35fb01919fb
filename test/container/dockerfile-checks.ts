// What the scanner's image must be, as named problems found in the Dockerfile and .dockerignore texts
// (parsed with dockerfile-ast, the parser of VS Code's Docker language server).
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import picomatch from "picomatch";

export const CLI_ENTRYPOINT = ["node", "/app/dist/src/cli/main.js"];
const SECRET_NAME = /SECRET|TOKEN|KEY|PASSWORD|PASSWD|CREDENTIAL|AWS_ACCESS|AWS_SESSION/i;
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
const OCI_LABELS = ["org.opencontainers.image.title", "org.opencontainers.image.description", "org.opencontainers.image.licenses", "org.opencontainers.image.version"];

export interface Stage {
  readonly name: string | undefined;
  readonly image: string;
  readonly instructions: readonly Instruction[];
}

export function stagesOf(text: string): Stage[] {
  const stages: { name: string | undefined; image: string; instructions: Instruction[] }[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      const words = instruction.getArguments().map((a) => a.getValue());
      const as = words.findIndex((w) => w.toUpperCase() === "AS");
      stages.push({ name: as >= 0 ? words[as + 1] : undefined, image: words.filter((w) => !w.startsWith("--"))[0] ?? "", instructions: [] });
    } else stages[stages.length - 1]?.instructions.push(instruction);
  }
  return stages;
}

const of = (stage: Stage, keyword: string): Instruction[] => stage.instructions.filter((i) => i.getKeyword() === keyword);
const words = (i: Instruction): string[] => i.getArguments().map((a) => a.getValue());

/** The `--name=value` flags of COPY and ADD (dockerfile-ast keeps them apart from the arguments). */
export function flagsOf(i: Instruction): Map<string, string> {
  const flags = (i as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  return new Map(flags.map((f) => [f.getName().toLowerCase(), f.getValue() ?? ""]));
}

/** ENV, ARG and LABEL as name/value pairs (both `K=V` and the legacy `K V` forms). */
export function propertiesOf(stage: Stage, keyword: "ENV" | "ARG" | "LABEL"): [string, string][] {
  return of(stage, keyword).flatMap((i) => {
    const props = (i as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] }).getProperties?.();
    if (props) return props.map((p) => [p.getName(), p.getValue() ?? ""] as [string, string]);
    const prop = (i as unknown as { getProperty(): { getName(): string; getValue(): string | null } | null }).getProperty();
    return prop ? [[prop.getName(), prop.getValue() ?? ""] as [string, string]] : [];
  });
}

/** The exec-form array of an ENTRYPOINT or CMD, or undefined for the shell form. */
export function execForm(i: Instruction | undefined): string[] | undefined {
  const content = i?.getArgumentsContent()?.trim();
  if (content === undefined || !content.startsWith("[")) return undefined;
  try {
    const parsed = JSON.parse(content) as unknown;
    return Array.isArray(parsed) && parsed.every((w) => typeof w === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function dockerfileProblems(text: string): string[] {
  const problems: string[] = [];
  const stages = stagesOf(text);
  const final = stages[stages.length - 1];
  if (final === undefined) return ["no FROM"];
  if (stages.length < 2) problems.push("not a multi-stage build");
  const stageNames = new Set(stages.map((s) => s.name));
  for (const s of stages.filter((s) => !stageNames.has(s.image))) {
    if (!/^node:\d+(-[a-z0-9]+)*-slim$/.test(s.image)) problems.push(`base image ${s.image} is not a slim Node image pinned by its major version`);
  }
  const runs = (s: Stage): string => of(s, "RUN").map((i) => i.getArgumentsContent() ?? "").join("\n");
  const builder = stages.find((s) => /\bnpm ci\b/.test(runs(s)) && /\bnpm run build\b/.test(runs(s)));
  if (builder === undefined) problems.push("no stage runs npm ci and npm run build");
  const production = stages.find((s) => /\bnpm ci\b[^\n]*--omit=dev/.test(runs(s)));
  if (production === undefined || !/\bnpm ci\b[^\n]*--ignore-scripts/.test(runs(production))) problems.push("production dependencies are not installed with npm ci --omit=dev --ignore-scripts");
  const copiesFrom = (stage: Stage | undefined, source: string): boolean =>
    stage !== undefined && of(final, "COPY").some((c) => flagsOf(c).get("from") === stage.name && words(c).some((w) => w.includes(source)));
  if (production !== final && !copiesFrom(production, "node_modules")) problems.push("the final stage does not take node_modules from the production install");
  if (!copiesFrom(builder, "dist")) problems.push("the final stage does not take dist/ from the build stage");
  for (const s of stages) {
    for (const c of [...of(s, "COPY"), ...of(s, "ADD")]) {
      const sources = words(c).slice(0, -1);
      if (!flagsOf(c).has("from") && sources.some((w) => w === "." || w === "./")) problems.push(`${c.getKeyword()} copies the whole build context`);
      if (c.getKeyword() === "ADD" && sources.some((w) => /^https?:/.test(w))) problems.push("ADD fetches a URL");
    }
    for (const [name, value] of [...propertiesOf(s, "ENV"), ...propertiesOf(s, "ARG")]) {
      if (SECRET_NAME.test(name)) problems.push(`${name} looks like a secret's name`);
      if (ACCESS_KEY_ID.test(value)) problems.push(`${name} holds an access key id`);
    }
  }
  problems.push(...finalStageProblems(final));
  return problems;
}

function finalStageProblems(final: Stage): string[] {
  const problems: string[] = [];
  const users = of(final, "USER");
  const user = users.length === 0 ? undefined : words(users[users.length - 1]!)[0];
  const uid = user?.split(":")[0];
  if (uid === undefined) problems.push("the final stage runs as root (no USER)");
  else if (!(uid === "node" || (/^\d+$/.test(uid) && Number(uid) > 0))) problems.push(`the final stage runs as ${user}: not a numeric non-root uid or node`);
  const entrypoints = of(final, "ENTRYPOINT");
  const entrypoint = execForm(entrypoints[entrypoints.length - 1]);
  if (JSON.stringify(entrypoint) !== JSON.stringify(CLI_ENTRYPOINT)) problems.push(`ENTRYPOINT is ${JSON.stringify(entrypoint ?? "a shell command")}, not ${JSON.stringify(CLI_ENTRYPOINT)}`);
  const cmds = of(final, "CMD");
  if (JSON.stringify(execForm(cmds[cmds.length - 1])) !== JSON.stringify(["--help"])) problems.push('CMD is not ["--help"]');
  const workdirs = of(final, "WORKDIR");
  if (workdirs.length === 0 || words(workdirs[workdirs.length - 1]!)[0] !== "/app") problems.push("WORKDIR is not /app");
  // Files COPY writes belong to root unless --chown says otherwise: then the user cannot change the app.
  for (const i of final.instructions) {
    if ((i.getKeyword() === "COPY" || i.getKeyword() === "ADD") && (flagsOf(i).has("chown") || flagsOf(i).has("chmod"))) problems.push(`${i.getKeyword()} hands files to another owner or mode`);
    if (i.getKeyword() === "RUN" && /\bchown\b|\bchmod\b/.test(i.getArgumentsContent() ?? "")) problems.push("RUN changes owners or modes in the final stage");
    if (i.getKeyword() === "VOLUME") problems.push("VOLUME in the final stage (the scan writes to --out only)");
  }
  const env = new Map(propertiesOf(final, "ENV"));
  if (env.get("HOME") !== "/tmp") problems.push("HOME is not /tmp");
  if (env.get("NPM_CONFIG_UPDATE_NOTIFIER") !== "false") problems.push("the npm update notifier is not disabled");
  if (!of(final, "RUN").some((i) => /rm -rf[^\n]*\/usr\/local\/lib\/node_modules\/npm/.test(i.getArgumentsContent() ?? ""))) problems.push("npm is left in the final image");
  const labels = new Set(propertiesOf(final, "LABEL").map(([name]) => name));
  for (const label of OCI_LABELS) if (!labels.has(label)) problems.push(`no ${label} label`);
  return problems;
}

/**
 * Whether the build context leaves `path` out, as Docker reads .dockerignore: patterns relative to the
 * context, `*` within one path segment, `**` across segments, a match on a parent directory leaves the
 * whole directory out, the last matching line wins and `!` brings a path back.
 */
export function dockerIgnores(dockerignore: string, path: string): boolean {
  const patterns = dockerignore
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const parents = path.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"));
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+/, "").replace(/\/+$/, "");
    const matches = picomatch(pattern, { dot: true });
    if (parents.some((p) => matches(p))) ignored = !negated;
  }
  return ignored;
}
