export { childElement, childElements } from "./childElement.js";
export { childText } from "./childText.js";
export { escapeXml } from "./escapeXml.js";
export { parseXml } from "./parseXml.js";
export { type SerializeXmlOptions, serializeXml, type XmlElementInput } from "./serializeXml.js";
export type { XmlElement } from "./XmlElement.js";
export { XmlParseError } from "./XmlParseError.js";
export { xmlNode } from "./xmlNode.js";
