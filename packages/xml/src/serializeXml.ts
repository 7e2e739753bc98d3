import { escapeXml } from "./escapeXml.js";

/** What the writer takes: an element with optional attributes, text and children. `XmlElement` fits. */
export interface XmlElementInput {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlElementInput[];
}

/** Options of {@link serializeXml}. */
export interface SerializeXmlOptions {
  /** Prefix `<?xml version="1.0" encoding="UTF-8"?>`. */
  readonly declaration?: boolean;
}

/**
 * Writes an element as XML: attributes and text escaped, the element's text before its children, empty
 * elements as `<Name/>`. Names are written as given, so they must be valid XML names.
 */
export function serializeXml(element: XmlElementInput, options: SerializeXmlOptions = {}): string {
  return (options.declaration ? '<?xml version="1.0" encoding="UTF-8"?>' : "") + write(element);
}

function write(el: XmlElementInput): string {
  let out = `<${el.name}`;
  const attrs = el.attributes;
  if (attrs) for (const k in attrs) out += ` ${k}="${escapeXml(attrs[k] as string)}"`;
  const text = el.text ?? "";
  const kids = el.children ?? [];
  if (text === "" && kids.length === 0) return `${out}/>`;
  out += `>${escapeXml(text)}`;
  for (const k of kids) out += write(k);
  return `${out}</${el.name}>`;
}
