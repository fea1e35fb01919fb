/** The resource type in a URN: `urn:pulumi:stack::project::parent$type::name` -> `type`. */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  const chain = qualified.split("$");
  return chain[chain.length - 1] ?? "";
}
