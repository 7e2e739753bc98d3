import type { XmlElementInput } from "./serializeXml.js";

/**
 * Builds an element for {@link serializeXml}: `content` is its text or its children.
 *
 * ```ts
 * xmlNode("Delete", [xmlNode("Object", [xmlNode("Key", "a&b.txt")]), xmlNode("Quiet", "true")])
 * ```
 */
export function xmlNode(
  name: string,
  content?: string | readonly XmlElementInput[],
  attributes?: Readonly<Record<string, string>>,
): XmlElementInput {
  return typeof content === "string" ? { name, text: content, attributes } : { name, children: content, attributes };
}
