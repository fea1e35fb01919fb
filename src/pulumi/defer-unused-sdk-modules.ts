import Module, { createRequire } from "node:module";

/**
 * `@pulumi/policy` loads `@pulumi/pulumi`'s whole index, and that index loads two things a policy pack
 * never calls at start: the Automation API and, through closure serialisation, npm's dependency-tree
 * reader `@npmcli/arborist` and `normalize-package-data`. Together they were about a quarter of the
 * pack's cold start (≈0.45 s of 1.8 s on the bench machine), paid by every `pulumi preview --policy-pack`.
 *
 * This puts a stand-in for each in Node's module cache before `@pulumi/policy` is loaded. The stand-in
 * loads the real module the first time anything reads from it, so a program that does use them gets
 * them, only later. They are loaded through CommonJS interop helpers (`__importStar`, `__importDefault`),
 * so the stand-in answers `__esModule` itself and `default` as those helpers would. If the SDK's layout changes and a
 * module cannot be resolved, it is simply loaded as before: the pack is slower, never wrong.
 */
export function deferUnusedSdkModules(): readonly string[] {
  const deferred: string[] = [];
  for (const filename of deferrableModules()) {
    if (deferModule(filename)) deferred.push(filename);
  }
  return deferred;
}

function deferrableModules(): string[] {
  try {
    const fromPolicy = createRequire(require.resolve("@pulumi/policy"));
    const sdkIndex = fromPolicy.resolve("@pulumi/pulumi");
    const fromSdk = createRequire(sdkIndex);
    const codePaths = fromSdk.resolve("./runtime/closure/codePaths");
    const fromCodePaths = createRequire(codePaths);
    return [fromSdk.resolve("./automation"), fromCodePaths.resolve("@npmcli/arborist"), fromCodePaths.resolve("normalize-package-data")];
  } catch {
    return [];
  }
}

function deferModule(filename: string): boolean {
  if (require.cache[filename]) return false;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      if (require.cache[filename] === standIn) delete require.cache[filename];
      real = Object(createRequire(filename)(filename)) as object;
    }
    return real;
  };
  const exports = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (key === "__esModule") return true;
        const loaded = load();
        if (key === "default" && !Reflect.has(loaded, "default")) return loaded;
        return Reflect.get(loaded, key) as unknown;
      },
      has: (_target, key) => key === "__esModule" || Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  const standIn = new Module(filename);
  standIn.filename = filename;
  standIn.loaded = true;
  standIn.exports = exports;
  require.cache[filename] = standIn;
  return true;
}

deferUnusedSdkModules();
