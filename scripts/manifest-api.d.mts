export interface FieldApi { name: string; attribute?: string; type: string; boolean: boolean; readonly: boolean; description?: string }
export interface EventApi { name: string; type: string; description?: string }
export interface NamedDoc { name: string; description?: string }
export interface ElementApi {
  tag: string;
  className: string;
  module: string;
  define: string;
  summary?: string;
  fields: FieldApi[];
  events: EventApi[];
  cssProperties: NamedDoc[];
  cssParts: NamedDoc[];
  slots: NamedDoc[];
}
export function elementApis(path?: string): ElementApi[];
export function reactEventProp(event: string): string;
export function settableFields(api: ElementApi): FieldApi[];
export function jsdoc(text: string | undefined, indent: string): string;
