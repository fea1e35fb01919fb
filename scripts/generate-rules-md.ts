import { join } from "node:path";
import { writeFileAtomic } from "../src/reports/write-atomic";
import { docsFiles } from "./docs-files";

// Compiled to dist/scripts/; the repository root is two levels up.
const root = join(__dirname, "..", "..");
for (const [file, text] of docsFiles(root)) {
  writeFileAtomic(join(root, file), text);
  console.log(`wrote ${file}`);
}
