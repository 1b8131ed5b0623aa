/**
 * Message templates with named placeholders (`'Scrivi {replacement}'`), whose arguments the
 * compiler checks: the placeholder names are read from the template's literal type.
 */
import type { Bilingual, Locale } from './locale.js';

/**
 * The placeholder names of a template: `'a {x} b {y}'` → `'x' | 'y'`. Braces around anything
 * but a name (JSON in a help text) are text, as for `fill`.
 */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
    ? (Name extends `${string}${NotInName}${string}` | '' ? never : Name) | Placeholders<Rest>
    : never;

type NotInName = '"' | ' ' | '{' | ',' | ':' | '.' | '-' | '\n';

/** The arguments a bilingual template takes, one per placeholder of either locale. */
export type TemplateArguments<E extends Bilingual> = { readonly [P in Placeholders<E['it']> | Placeholders<E['en']>]: string | number };

/** A catalogue of templates by key. */
export type Templates = { readonly [key: string]: Bilingual };

/** The arguments `textOf` takes for a key: none when its templates have no placeholders. */
export type ArgumentList<E extends Bilingual> = [Placeholders<E['it']> | Placeholders<E['en']>] extends [never] ? [] : [TemplateArguments<E>];

/** Fills a template's placeholders; a placeholder without an argument stays as written. */
export function fill(template: string, args: { readonly [name: string]: string | number } = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => name in args ? String(args[name]) : whole);
}

/** The text of a key in a catalogue, in the locale, with its placeholders filled. */
export function textOf<T extends Templates, K extends keyof T & string>(templates: T, key: K, locale: Locale, ...args: ArgumentList<T[K]>): string {
    return fill(templates[key][locale], args[0]);
}

/** The placeholder names a template uses, for tests. */
export function placeholdersOf(template: string): string[] {
    return [...template.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
}
