/** Why a rename is refused, in Italian and English. */
import type { Locale } from './locale.js';
import { textOf, type ArgumentList } from './template.js';

export const renameMessages = {
    emptyName: { it: 'Il nuovo nome è vuoto.', en: 'The new name is empty.' },
    notAnIdentifier: {
        it: "'{name}' non è un nome valido: deve iniziare con una lettera o '_' e contenere solo lettere, cifre e '_' (niente spazi).",
        en: "'{name}' is not a valid name: it must start with a letter or '_' and hold only letters, digits and '_' (no spaces)."
    },
    keyword: { it: "'{name}' è una parola chiave del linguaggio e non può essere un nome.", en: "'{name}' is a keyword of the language and cannot be a name." },
    notAString: {
        it: "'{name}' non può essere un titolo tra virgolette: niente virgolette né a capo.",
        en: "'{name}' cannot be a quoted title: no quotes and no line breaks."
    },
    clash: {
        it: "Esiste già {kind} con il nome '{name}' nel piano: rinominando, i due elementi diventerebbero uno solo.",
        en: "There is already {kind} named '{name}' in the plan: renaming would merge the two."
    }
} as const;

/** How a refusal names the kind of thing that already has the name. */
export const renamedKinds = {
    FundingSource: { it: 'una fonte', en: 'a source' },
    Office: { it: 'un ufficio', en: 'an office' },
    Profile: { it: 'un profilo', en: 'a profile' },
    HiringPlan: { it: 'un piano di assunzioni', en: 'a hiring plan' },
    Area: { it: 'un ambito', en: 'an area' },
    Actor: { it: 'un soggetto', en: 'an actor' },
    other: { it: 'un elemento dello stesso tipo', en: 'an element of the same kind' }
} as const;

/** The kind of a named node, in the locale. */
export function renamedKind(type: string, locale: Locale): string {
    const kind = type in renamedKinds ? renamedKinds[type as keyof typeof renamedKinds] : renamedKinds.other;
    return kind[locale];
}

export type RenameMessage = keyof typeof renameMessages;

/** A rename refusal in the locale. */
export function renameText<K extends RenameMessage>(key: K, locale: Locale, ...args: ArgumentList<(typeof renameMessages)[K]>): string {
    return textOf(renameMessages, key, locale, ...args);
}
