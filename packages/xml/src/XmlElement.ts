/**
 * One element of a parsed document. `text` is the element's own character data (text and CDATA, entities
 * decoded, concatenated in order, not trimmed); child elements' text stays in the children. Names keep their
 * namespace prefix (`s3:Key`); `xmlns` declarations are ordinary attributes.
 */
export interface XmlElement {
  readonly name: string;
  /** Attribute values, entities decoded. A prototype-less object, so any attribute name is safe. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}
