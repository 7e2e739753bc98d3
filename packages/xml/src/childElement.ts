import type { XmlElement } from "./XmlElement.js";

/** The first child element named `name` (exact, prefix included), if any. */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  for (const c of parent.children) if (c.name === name) return c;
  return undefined;
}

/** Every child element named `name`, in document order. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}
