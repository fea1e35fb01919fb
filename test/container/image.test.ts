// The scanner's container image: (a) the Dockerfile and .dockerignore, checked statically (each check shown
// failing on a copy changed in one place); (b) the image's entry point run as the image runs it, without a
// container; (c) the image itself, built and run read-only as its non-root user, where a container runtime
// answers (skipped, saying why, where none does).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_ENTRYPOINT, dockerfileProblems, dockerIgnores, execForm, flagsOf, stagesOf } from "./dockerfile-checks";

const root = join(__dirname, "..", "..");
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const dockerignore = readFileSync(join(root, ".dockerignore"), "utf8");
const ORG_SCAN_OPTIONS = ["--org", "--shard"];

describe("Dockerfile", () => {
  it("builds a slim, non-root image whose entry point is the CLI, with no secret baked in", () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });

  const swap = (from: string | RegExp, to: string): string => {
    const changed = dockerfile.replace(from, to);
    if (changed === dockerfile) throw new Error(`the Dockerfile has no ${String(from)} to change`);
    return changed;
  };
  it.each([
    ["root as the user", swap("USER 10001:10001", "USER root"), "runs as root: not a numeric non-root uid"],
    ["uid 0", swap("USER 10001:10001", "USER 0"), "runs as 0"],
    ["no USER", swap("USER 10001:10001\n", ""), "runs as root (no USER)"],
    ["a shell-form entry point", swap('ENTRYPOINT ["node", "/app/dist/src/cli/main.js"]', "ENTRYPOINT node /app/dist/src/cli/main.js"), 'ENTRYPOINT is "a shell command"'],
    ["npm as the entry point", swap('ENTRYPOINT ["node", "/app/dist/src/cli/main.js"]', 'ENTRYPOINT ["npm", "exec", "cdguard"]'), "ENTRYPOINT is"],
    ["a secret in ENV", swap("ENV NODE_ENV=production", "ENV AWS_SECRET_ACCESS_KEY=abc NODE_ENV=production"), "AWS_SECRET_ACCESS_KEY looks like a secret's name"],
    ["a token as a build argument", swap("ARG VERSION=dev", "ARG NPM_TOKEN\nARG VERSION=dev"), "NPM_TOKEN looks like a secret's name"],
    ["an access key id in a value", swap("ARG REVISION=unknown", "ARG REVISION=AKIAABCDEFGHIJKLMNOP"), "REVISION holds an access key id"],
    ["the latest tag", swap(/FROM node:22-bookworm-slim AS runtime/, "FROM node:latest AS runtime"), "node:latest is not a slim Node image pinned"],
    ["a full Node image", swap(/FROM node:22-bookworm-slim AS build/, "FROM node:22 AS build"), "node:22 is not a slim Node image"],
    ["the whole context copied", swap("COPY src ./src", "COPY . ."), "COPY copies the whole build context"],
    ["files handed to the user", swap("COPY --from=build /src/dist ./dist", "COPY --chown=10001:10001 --from=build /src/dist ./dist"), "COPY hands files to another owner"],
    ["dev dependencies at run time", swap("npm ci --omit=dev --no-audit", "npm ci --no-audit"), "--omit=dev --ignore-scripts"],
    ["install scripts at run time", swap("--omit=dev --no-audit --no-fund --ignore-scripts", "--omit=dev --no-audit --no-fund"), "--omit=dev --ignore-scripts"],
    ["npm kept", swap(/RUN rm -rf \/usr\/local\/lib\/node_modules\/npm[^\n]*\n[^\n]*\n/, ""), "npm is left in the final image"],
    ["HOME left to the user's", swap(/^ {4}HOME=\/tmp \\$/m, "    HOME=/app \\"), "HOME is not /tmp"],
    ["no OCI licence label", swap(/\s+org\.opencontainers\.image\.licenses="Apache-2\.0" \\/, ""), "no org.opencontainers.image.licenses label"],
    ["a single stage", dockerfile.slice(dockerfile.indexOf("FROM node:22-bookworm-slim AS runtime")), "not a multi-stage build"],
  ])("refuses %s", (_what, text, problem) => {
    expect(dockerfileProblems(text).join("\n")).toContain(problem);
  });
});

describe(".dockerignore", () => {
  const leftOut = [
    ".env",
    ".env.production",
    "examples/access-compliant/.env.local",
    ".aws/credentials",
    "deploy/signing.pem",
    "certs/server.key",
    ".npmrc",
    ".ssh/id_rsa",
    ".git/config",
    ".tmp/helpers/brief.md",
    "node_modules/commander/index.js",
    "test/e2e/fixtures/app/node_modules/x/index.js",
    "dist/src/cli/main.js",
    "dist-bench/bench/run.js",
    "test-artifacts/report.html",
    "examples/access-compliant/Pulumi.dev.yaml",
  ];
  it.each(leftOut)("leaves %s out of the build context", (path) => {
    expect(dockerIgnores(dockerignore, path)).toBe(true);
  });

  // Everything the Dockerfile copies from the context, and sources whose names merely sound secret.
  const copied = stagesOf(dockerfile)
    .flatMap((s) => s.instructions.filter((i) => i.getKeyword() === "COPY" && !flagsOf(i).has("from")))
    .flatMap((i) => i.getArguments().map((a) => a.getValue()).slice(0, -1));
  it.each([...new Set(copied), "src/fetchers/aws/credentials.ts", "src/cli/main.ts", "src/iam/web-identity.ts", "tsconfig.build.json"])("sends %s to the build", (path) => {
    expect(dockerIgnores(dockerignore, path)).toBe(false);
  });

  it("would let a credential file in without its line", () => {
    const without = dockerignore.replace("**/.env\n", "");
    expect(dockerIgnores(without, "config/.env")).toBe(false);
    expect(dockerIgnores(`${dockerignore}\n!.aws/credentials\n`, ".aws/credentials")).toBe(false);
  });
});

describe("the image's entry point, run without a container", () => {
  const stages = stagesOf(dockerfile);
  const final = stages[stages.length - 1]!;
  const entrypoint = execForm(final.instructions.filter((i) => i.getKeyword() === "ENTRYPOINT").pop()) ?? [];
  // /app in the image is the built repository here; the image's environment, in an unrelated directory.
  const run = (...args: string[]) => {
    expect(entrypoint).toEqual(CLI_ENTRYPOINT);
    const [program, script] = entrypoint as [string, string];
    expect(program).toBe("node");
    const home = mkdtempSync(join(tmpdir(), "cdg-entrypoint-"));
    return spawnSync(process.execPath, [join(root, script.replace(/^\/app\//, "")), ...args], {
      cwd: home,
      env: { PATH: process.env.PATH ?? "", HOME: home, NODE_ENV: "production", NPM_CONFIG_UPDATE_NOTIFIER: "false" },
      encoding: "utf8",
      timeout: 60_000,
    });
  };

  it("prints the CLI's help for the default command (CMD --help)", () => {
    const r = run("--help");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("Usage: cdguard");
    expect(r.stdout).toMatch(/\bscan\b/);
  });

  it("lists the organization-scan options in `scan --help`", () => {
    const r = run("scan", "--help");
    expect(r.status).toBe(0);
    for (const option of ORG_SCAN_OPTIONS) expect(r.stdout, `scan --help lists ${option}`).toMatch(new RegExp(`^\\s+${option}\\b`, "m"));
  });
});

// ---------------------------------------------------------------------------------------------------------

function containerRuntime(): { readonly command: string | undefined; readonly why: string } {
  const answers: string[] = [];
  for (const command of ["docker", "podman"]) {
    const r = spawnSync(command, ["info"], { encoding: "utf8", timeout: 8_000 });
    if (r.status === 0) return { command, why: `${command} answers` };
    const said = r.error ? r.error.message : (r.stderr || r.stdout).trim().split("\n").pop();
    answers.push(`${command}: ${said ?? `exit ${r.status}`}`);
  }
  return { command: undefined, why: `no container runtime answers \`info\` (${answers.join("; ")})` };
}

describe("the image, in a container runtime", () => {
  const runtime = containerRuntime();
  const tag = `cdguard-image-test:${process.pid}`;
  let built = false;
  const skipUnlessRuntime = (ctx: { skip: (condition: boolean, note?: string) => void }): string => {
    if (runtime.command === undefined) console.warn(`skipped: ${runtime.why}`);
    ctx.skip(runtime.command === undefined, runtime.why);
    return runtime.command!;
  };
  const container = (command: string, ...args: string[]) => spawnSync(command, ["run", "--rm", "--network", "none", ...args], { encoding: "utf8", timeout: 120_000 });

  afterAll(() => {
    if (built && runtime.command) spawnSync(runtime.command, ["rmi", "-f", tag], { timeout: 60_000 });
  });

  it("builds", (ctx) => {
    const command = skipUnlessRuntime(ctx);
    const r = spawnSync(command, ["build", "--build-arg", "VERSION=test", "-t", tag, root], { encoding: "utf8", timeout: 1_500_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr.slice(-4000)).toBe(0);
    built = true;
  }, 1_600_000);

  it("runs `scan --help` on a read-only root filesystem as a non-root user", (ctx) => {
    const command = skipUnlessRuntime(ctx);
    expect(built, "the image was not built").toBe(true);
    const r = container(command, "--read-only", "--tmpfs", "/tmp", "--user", "10001:10001", tag, "scan", "--help");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Usage: cdguard scan");
    for (const option of ORG_SCAN_OPTIONS) expect(r.stdout).toMatch(new RegExp(`^\\s+${option}\\b`, "m"));
  }, 180_000);

  it("runs as uid 10001 by default, cannot write /app, and has no npm", (ctx) => {
    const command = skipUnlessRuntime(ctx);
    expect(built, "the image was not built").toBe(true);
    const sh = (script: string) => container(command, "--entrypoint", "sh", tag, "-c", script);
    expect(sh("id -u").stdout.trim()).toBe("10001");
    expect(sh("touch /app/x").status).not.toBe(0);
    expect(sh("command -v npm").status).not.toBe(0);
    const help = container(command, "--read-only", "--tmpfs", "/tmp", tag);
    expect([help.status, help.stdout.includes("Usage: cdguard")]).toEqual([0, true]);
  }, 180_000);
});
