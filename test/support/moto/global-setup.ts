// vitest globalSetup: make sure the pinned moto venv exists before any test file runs, so the
// (one-off, ~1 min) install happens once here instead of racing inside parallel test files.
// No server is started here: each test file starts its own with startMoto() for isolation.
import { ensureMoto } from "./install";

export default async function setup(): Promise<void> {
  await ensureMoto();
}
