import { childElement } from "./childElement.js";
import type { XmlElement } from "./XmlElement.js";

/**
 * The text of the first child element named `name` — `childText(error, "Code")` — or `undefined` when there is
 * no such child. A child that is present but empty gives `""`.
 */
export function childText(parent: XmlElement, name: string): string | undefined {
  return childElement(parent, name)?.text;
}
