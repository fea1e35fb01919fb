import { writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { ALL_RULES } from "../src/rules";
import { renderRulesMarkdown } from "./rules-markdown";

// Compiled to dist/scripts/; the repository root is two levels up.
const target = join(__dirname, "..", "..", "RULES.md");
const tmp = `${target}.tmp`;
writeFileSync(tmp, renderRulesMarkdown(ALL_RULES));
renameSync(tmp, target);
console.log(`wrote ${target} (${ALL_RULES.length} rules)`);
