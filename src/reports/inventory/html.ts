import { contentSecurityPolicy } from "../render/html/content-security-policy";
import type { DataInventory } from "../../access/model";
import { html, SafeHtml } from "../render/html/safe-html";
import { indexInventory } from "./describe";
import { INVENTORY_SCRIPT, INVENTORY_STYLE } from "./html-assets";
import { gapsSection, headerSection, principalsView, shadowSection, storesView, toolbar } from "./html-sections";

/** The inventory as one self-contained page that works offline: both views rendered, the script filters. */
export function renderInventoryHtml(doc: DataInventory): string {
  const index = indexInventory(doc);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(INVENTORY_STYLE, INVENTORY_SCRIPT)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Customer-data inventory: ${doc.source.name}</title>
<style>${new SafeHtml(INVENTORY_STYLE)}</style>
</head>
<body>
${headerSection(doc)}
<main>
${toolbar()}
${storesView(doc, index)}
${principalsView(index)}
${gapsSection(doc, index)}
${shadowSection(doc, index)}
</main>
<footer><p>Access is what identity policies, resource policies, ACLs and shares allow, with denies and permission boundaries applied where known. "Unknown" means a policy or value that decides it could not be read.</p></footer>
<script>${new SafeHtml(INVENTORY_SCRIPT)}</script>
</body>
</html>
`.markup;
}
