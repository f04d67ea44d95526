/**
 * WordprocessingML element names. The reader matches qualified names with the usual "w:" prefix; a part
 * that binds the namespace to another prefix is normalised to "w:" (rare, so the common path is a no-op).
 */
const W_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

/** Returns a name normaliser for a part, given its root element's attributes. */
export function nameNormaliser(rootAttrs: Record<string, string>): (name: string) => string {
  let prefix = "w";
  for (const [k, v] of Object.entries(rootAttrs)) {
    if (k.startsWith("xmlns:") && W_NAMESPACES.has(v)) {
      prefix = k.slice(6);
      if (prefix === "w") break;
    }
  }
  if (prefix === "w") return (n) => n;
  const p = prefix + ":";
  return (n) => (n.startsWith(p) ? "w:" + n.slice(p.length) : n.startsWith("w:") ? "\0" + n : n);
}

/** Attribute value by qualified name, accepting the normalised prefix. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  const v = attrs["w:" + local];
  if (v !== undefined) return v;
  for (const k in attrs) if (k.endsWith(":" + local)) return attrs[k];
  return undefined;
}
