import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Module caches are per process, and the pack runs the built code: each case is a fresh `node`
// loading dist/, as run-policy-pack loads the pack.
const root = resolve(__dirname, "..", "..");

const probe = (defer: boolean): Record<string, unknown> => {
  const script = `
    const { createRequire } = require("node:module");
    const root = ${JSON.stringify(root)};
    const fromRoot = createRequire(root + "/package.json");
    const loaded = (part) => Object.keys(require.cache).some((f) => f.includes(part));
    if (${defer}) require(${JSON.stringify(join(root, "dist", "src", "pulumi", "defer-unused-sdk-modules.js"))});
    fromRoot("@pulumi/policy");
    const out = { arboristAtStart: loaded("/@npmcli/arborist/lib/arborist/"), automationAtStart: loaded("/@pulumi/pulumi/automation/stack.js") };
    const pulumi = fromRoot("@pulumi/pulumi");
    out.localWorkspace = typeof pulumi.automation.LocalWorkspace;
    out.automationOnUse = loaded("/@pulumi/pulumi/automation/stack.js");
    const fromCodePaths = createRequire(fromRoot.resolve("@pulumi/pulumi/runtime/closure/codePaths"));
    const arborist = fromCodePaths("@npmcli/arborist");
    out.arborist = typeof new arborist.Arborist({ path: root }).loadActual;
    out.arboristDefault = typeof arborist.default?.Arborist;
    out.arboristOnUse = loaded("/@npmcli/arborist/lib/arborist/");
    console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: root })) as Record<string, unknown>;
};

describe("SDK modules a policy pack never uses at start", () => {
  beforeAll(() => {
    if (!existsSync(join(root, "dist", "src", "pulumi", "defer-unused-sdk-modules.js"))) {
      throw new Error("the pack is not built: run `npm run build` (npm ci builds it) before this suite");
    }
  });

  it("are loaded with @pulumi/policy when nothing defers them", () => {
    expect(probe(false)).toMatchObject({ arboristAtStart: true, automationAtStart: true });
  });

  it("are not loaded at start when deferred, and are the real modules on first use", () => {
    expect(probe(true)).toEqual({
      arboristAtStart: false,
      automationAtStart: false,
      localWorkspace: "function",
      automationOnUse: true,
      arborist: "function",
      arboristDefault: "function",
      arboristOnUse: true,
    });
  });
});
