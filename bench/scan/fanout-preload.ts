// Loaded with `node --require` in front of the CLI by the fan-out bench: at exit, writes the process's own
// CPU time and peak resident memory to $CDG_FANOUT_USAGE, so no `/usr/bin/time` is needed.
import { writeFileSync } from "node:fs";

export interface ProcessUsage {
  /** User + system CPU seconds. */
  readonly cpuS: number;
  /** Peak resident set, MiB (getrusage's ru_maxrss). */
  readonly peakRssMiB: number;
}

const file = process.env.CDG_FANOUT_USAGE;
if (file) {
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    const usage: ProcessUsage = { cpuS: (cpu.user + cpu.system) / 1e6, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
    writeFileSync(file, JSON.stringify(usage));
  });
}
