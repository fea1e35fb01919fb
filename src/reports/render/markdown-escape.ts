const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Report text (from cloud resources) as literal Markdown text, safe in a table cell or a list item on
 * GitHub: no HTML (`<` `>` `&` become entities), no emphasis, code, links, strikethrough or math (their
 * characters are backslash-escaped, as are cell-ending pipes), no @-mentions (a zero-width space after
 * the @), no line breaks that would end the row (`<br>` instead), no control characters.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/\t/g, " ")
      .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
      .replace(/[\\`*_[\]|~$#]/g, "\\$&")
      .replace(/@(?=[\w-])/g, "@&#8203;")
      .replace(/\r\n|\r|\n/g, "<br>")
  );
}

/** At most `max` characters (code points), the cut marked with an ellipsis. Cut before escaping. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Escaped and bounded: what every report text in the Markdown output goes through. */
export function markdownText(text: string, max: number): string {
  return escapeMarkdown(truncateText(text, max));
}
