import type { Renderer } from "./renderer";

export const jsonRenderer: Renderer = {
  format: "json",
  extension: ".json",
  description: "the canonical report (versioned JSON; `cdguard schema` prints its JSON Schema)",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
