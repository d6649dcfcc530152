/**
 * custom-elements.json as Storybook's docs tables and controls should see it.
 *
 * Storybook 9.1's web-components renderer (`@storybook/web-components`, `dist/entry-preview-argtypes`) maps one
 * declaration to argTypes **keyed by bare name**, in this order, a later category overwriting an earlier one
 * with the same name:
 *
 *   members → "properties", attributes → "attributes", events → "events", slots → "slots",
 *   cssProperties → "css custom properties", cssParts → "css shadow parts"
 *
 * and it drops only `kind: "method"` members: private, protected and static fields (`_task`, `_loaded`, …) came
 * out as properties with controls. Our widgets document shadow parts named like their properties
 * (`@csspart offline`, `@csspart summary`, `@csspart goal`, `@csspart status`) and like a slot (`footer`), so
 * the part replaced the property: `offline` was listed under "css shadow parts", typed `void`, with an object
 * control instead of a toggle. The manifest itself is right (the analyzer keeps the categories apart, and
 * portals' editors read it as is); only Storybook's view of it needs the names kept apart, so the transform
 * lives here, not in a CEM plugin (that would change the published custom-elements.json too).
 */

interface CemType {
  text: string;
}
interface CemMember {
  kind?: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  type?: CemType;
  default?: string;
  description?: string;
  attribute?: string;
  reflects?: boolean;
}
interface CemAttribute {
  name: string;
  fieldName?: string;
  type?: CemType;
  default?: string;
  description?: string;
}
interface CemNamed {
  name: string;
  description?: string;
  [key: string]: unknown;
}
interface CemDeclaration {
  tagName?: string;
  members?: CemMember[];
  attributes?: CemAttribute[];
  events?: CemNamed[];
  slots?: CemNamed[];
  cssParts?: CemNamed[];
  cssProperties?: CemNamed[];
  [key: string]: unknown;
}
export interface CemManifest {
  modules: { declarations?: CemDeclaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** Not part of an element's API: private, protected, static (`styles`), or named `_…` / `#…`. */
export const isInternal = (member: CemMember): boolean =>
  member.privacy === 'private' || member.privacy === 'protected' || member.static === true || /^[_#]/.test(member.name);

/** A type the analyzer could not infer (e.g. `offline = typeof navigator !== 'undefined' && …`), from its default. */
function typeOfDefault(value: string | undefined): string | undefined {
  if (value === 'true' || value === 'false') return 'boolean';
  if (value !== undefined && /^-?\d/.test(value)) return 'number';
  if (value !== undefined && /^['"`]/.test(value)) return 'string';
  return undefined;
}

function forElement(declaration: CemDeclaration): CemDeclaration {
  const attributes = declaration.attributes ?? [];
  const internal = new Set((declaration.members ?? []).filter(isInternal).map((m) => m.name));
  const attributeOf = (member: CemMember) =>
    attributes.find((a) => a.fieldName === member.name) ?? (member.attribute ? attributes.find((a) => a.name === member.attribute) : undefined);

  // One row per public field, under "properties" (the name a story's args and a portal's script use). Its
  // attribute, if any, is named in the description instead of a second row under "attributes": the renderer
  // would list `pageSize` and `page-size` twice, and a same-named attribute replaced the property's row.
  const members = (declaration.members ?? [])
    .filter((m) => m.kind === 'field' && !isInternal(m))
    .map((member): CemMember => {
      const attribute = attributeOf(member);
      const type = member.type?.text ?? attribute?.type?.text ?? typeOfDefault(member.default ?? attribute?.default);
      const attributeName = member.attribute ?? attribute?.name;
      const notes = [
        attributeName ? `Attribute \`${attributeName}\`${member.reflects ? ' (reflected)' : ''}.` : 'Property only (no attribute).',
        member.readonly ? 'Read-only.' : '',
      ].filter(Boolean);
      const description = [member.description || attribute?.description, notes.join(' ')].filter(Boolean).join('\n\n');
      const defaultValue = member.default ?? attribute?.default;
      return {
        ...member,
        ...(type ? { type: { text: type } } : {}),
        ...(defaultValue !== undefined ? { default: defaultValue } : {}),
        description,
      };
    });
  const fields = new Set(members.map((m) => m.name));
  // Attributes of no public field (none today) keep their own rows.
  const otherAttributes = attributes.filter(
    (a) => !(a.fieldName && (fields.has(a.fieldName) || internal.has(a.fieldName))) && !fields.has(a.name) && !/^[_#]/.test(a.name),
  );

  // Every later category gets a name no earlier one has, so nothing overwrites a property any more.
  const taken = new Set<string>([...fields, ...otherAttributes.map((a) => a.name)]);
  const claim = (name: string, fallback: string): string => {
    const key = taken.has(name) ? fallback : name;
    taken.add(key);
    return key;
  };
  const events = (declaration.events ?? []).map((e) => ({ ...e, name: claim(e.name, `${e.name} (event)`) }));
  const slots = (declaration.slots ?? []).map((s) => ({ ...s, name: s.name === '' ? claim('(default)', '(default slot)') : claim(s.name, `slot="${s.name}"`) }));
  const cssProperties = (declaration.cssProperties ?? []).map((p) => ({ ...p, name: claim(p.name, `${p.name} (custom property)`) }));
  // Parts read as they are used in a stylesheet: `asn-progress-card::part(offline)`.
  const cssParts = (declaration.cssParts ?? []).map((p) => ({ ...p, name: claim(`::part(${p.name})`, `::part(${p.name}) (part)`) }));

  return { ...declaration, members, attributes: otherAttributes, events, slots, cssProperties, cssParts };
}

/** The manifest for `setCustomElementsManifest`: elements' declarations mapped by `forElement`, the rest as is. */
export function storybookManifest<T extends CemManifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      ...(module.declarations ? { declarations: module.declarations.map((d) => (d.tagName ? forElement(d) : d)) } : {}),
    })),
  };
}

// ── Controls ─────────────────────────────────────────────────────────────────────────────────────────────────

/** The parts of a Storybook argType (`InputType`) read or written here. */
interface ArgType {
  type?: unknown;
  control?: unknown;
  options?: readonly unknown[];
  table?: { category?: string; type?: { summary?: string } };
}

/** `'direct' | 'all' | undefined` → its members without `undefined`/`null`. */
const unionOf = (summary: string): string[] =>
  summary
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t !== '' && t !== 'undefined' && t !== 'null');

/**
 * Controls the renderer cannot infer from a TypeScript type's text (it passes the text on as the type's name, so
 * only exactly `boolean`, `number` and `string` get their control): `boolean | undefined` becomes a toggle,
 * a union of string literals a radio or select (also through a named union in `aliases`, e.g. `GoalStatus`:
 * the type text names the alias, not its members), `EmployeeRef | string` a text field; CSS parts, custom
 * properties, slots and events, read-only properties and functions get none (the table still lists them).
 * Controls a story sets itself (`argTypes`) win over these: Storybook merges the story's over the extracted ones.
 */
export function refineArgTypes<T extends ArgType>(
  argTypes: Record<string, T>,
  readonlyFields: ReadonlySet<string>,
  aliases: Readonly<Record<string, readonly string[]>> = {},
): Record<string, T> {
  const refined: Record<string, T> = {};
  for (const [key, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    const summary = String(argType.table?.type?.summary ?? (argType.type as { name?: string } | undefined)?.name ?? '');
    // A named union of literals (`GoalStatus | ''`) is the same select as the literals written out.
    const union = unionOf(summary).flatMap((t) => (aliases[t] ? aliases[t].map((v) => `'${v}'`) : [t]));
    let update: ArgType = {};
    if (category !== 'properties' && category !== 'attributes') update = { control: false };
    else if (readonlyFields.has(key) || /=>/.test(summary)) update = { control: false };
    else if (union.length > 0 && union.every((t) => t === 'boolean')) update = { type: { name: 'boolean' }, control: { type: 'boolean' } };
    else if (union.length > 0 && union.every((t) => /^(['"]).*\1$/.test(t))) {
      const options = union.map((t) => t.slice(1, -1));
      update = { type: { name: 'enum', value: options }, options, control: { type: options.length <= 4 ? 'inline-radio' : 'select' } };
    } else if (union.includes('string') && union.every((t) => /^[A-Za-z_$][\w$]*$/.test(t))) update = { type: { name: 'string' }, control: { type: 'text' } };
    refined[key] = { ...argType, ...update } as T;
  }
  return refined;
}

/** The read-only public fields of each element (a getter without setter, e.g. `visibleEmployeeIds`). */
export function readonlyFieldsByTag(manifest: CemManifest): Map<string, Set<string>> {
  const byTag = new Map<string, Set<string>>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (d.tagName) byTag.set(d.tagName, new Set((d.members ?? []).filter((m) => m.readonly && !isInternal(m)).map((m) => m.name)));
  }
  return byTag;
}
