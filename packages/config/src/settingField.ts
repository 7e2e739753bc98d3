// Field names derived from setting names, each computed once: the settings tables then spell out only the
// irregular ones (bytes in every bundle), and the derivation runs only for settings that are present.
const fields = /* @__PURE__ */ new Map<string, string>();

/** The camel-cased field of a snake-cased setting name: `role_arn` and `ROLE_ARN` give `roleArn`. */
export function settingField(name: string): string {
  let field = fields.get(name);
  if (field === undefined) {
    // A plain loop: a regex with a replacer costs several times more on its first call in a fresh process.
    const lower = name.toLowerCase();
    field = "";
    for (let i = 0; i < lower.length; i++) field += lower[i] === "_" ? (lower[++i] ?? "").toUpperCase() : lower[i];
    fields.set(name, field);
  }
  return field;
}
