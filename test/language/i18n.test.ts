/**
 * Every user-facing text, in every catalogue under src/language/i18n, exists in Italian and
 * English: no missing or empty text, the same placeholders in both, a sentence in Italian ends
 * with a period, and no Italian text is the English one left untranslated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliMessages, countedWords } from '../../src/language/i18n/cli-messages.js';
import { clientMessages } from '../../src/language/i18n/client-messages.js';
import { fixTitles } from '../../src/language/i18n/fix-titles.js';
import { issueDescriptions } from '../../src/language/i18n/issue-descriptions.js';
import {
    duplicateWords, issueMessage, referenceWords, referentWords, type ReferenceKind, type IssueArguments, type IssueCode, type NumberFaultKind, type TotalSubject
} from '../../src/language/i18n/issue-messages.js';
import type { Bilingual } from '../../src/language/i18n/locale.js';
import { placeholdersOf, type Templates } from '../../src/language/i18n/template.js';
import { words } from '../../src/language/i18n/words.js';
import { syntaxMessages, tokenWords } from '../../src/language/i18n/syntax-messages.js';
import { issueCodes } from '../../src/language/validation/issues.js';
import { repoRoot } from '../helpers.js';

/** Texts that are the same word in both languages. */
const sameInBoth = new Set<string>([]);

const templateCatalogues: Record<string, Templates> = {
    cliMessages, clientMessages, fixTitles, words, duplicateWords, referentWords, referenceWords, issueDescriptions, syntaxMessages, tokenWords
};

describe('template catalogues', () => {
    for (const [name, catalogue] of Object.entries(templateCatalogues)) {
        test(`${name}: every text in both languages, same placeholders, same closing punctuation`, () => {
            const faults: string[] = [];
            for (const [key, text] of Object.entries(catalogue) as [string, Bilingual][]) {
                if (!text.it?.trim() || !text.en?.trim()) {
                    faults.push(`${key}: a language is missing`);
                    continue;
                }
                if (text.it === text.en && !sameInBoth.has(text.it)) {
                    faults.push(`${key}: Italian is the English text`);
                }
                if (placeholdersOf(text.it).join() !== placeholdersOf(text.en).join()) {
                    faults.push(`${key}: placeholders ${placeholdersOf(text.it)} ≠ ${placeholdersOf(text.en)}`);
                }
                if (text.en.trimEnd().endsWith('.') !== text.it.trimEnd().endsWith('.')) {
                    faults.push(`${key}: one language ends the sentence with a period, the other does not`);
                }
            }
            expect(faults).toEqual([]);
        });
    }

    test('counted words have a singular and a plural in both languages', () => {
        for (const forms of Object.values(countedWords)) {
            for (const [singular, plural] of [forms.it, forms.en]) {
                expect(singular).not.toBe(plural);
            }
        }
    });
});

// Sample arguments for every issue code: each figure a distinct marker that must appear in both languages.
const subjects: { readonly [K in TotalSubject['of']]: Extract<TotalSubject, { of: K }>[] } = {
    'line': [{ of: 'line', line: 'L1' }],
    'line-source': [{ of: 'line-source', line: 'L1', source: 'S1' }],
    'item-group': [{ of: 'item-group', line: 'L1', group: 'G1' }],
    'plan': [{ of: 'plan' }],
    'plan-source': [{ of: 'plan-source', source: 'S1' }],
    'office-staff': [{ of: 'office-staff', office: 'O1' }, { of: 'office-staff', office: 'O1', category: 'K1' }],
    'staff-row': [{ of: 'staff-row', office: 'O1', profile: 'P1' }],
    'staff-table': [{ of: 'staff-table' }, { of: 'staff-table', category: 'K1' }],
    'summary': [{ of: 'summary', date: 'D1' }],
    'movements': [{ of: 'movements' }],
    'hiring-period': [{ of: 'hiring-period', period: 'H1' }],
    'personnel-cost': [{ of: 'personnel-cost', year: 'Y1' }],
    'statistics-row': [{ of: 'statistics-row', row: 'R1' }],
    'statistics-column': [{ of: 'statistics-column', column: 'C1' }, { of: 'statistics-column', column: 'C1', group: 'G1' }],
    'statistics-grand': [{ of: 'statistics-grand' }, { of: 'statistics-grand', group: 'G1' }]
};
const faults: { readonly [K in NumberFaultKind]: true } = {
    'english-format': true, 'too-many-decimals': true, 'ambiguous': true, 'bad-grouping': true, 'decimals-in-count': true,
    'space-grouping': true, 'leading-zero': true, 'leading-comma': true, 'currency-word': true, 'negative-amount': true, 'too-long': true
};

const samples: { readonly [C in IssueCode]: readonly IssueArguments[C][] } = {
    'cap-exceeded': [{ line: 'A1', source: 'A2', charged: 'A3', cap: 'A4', rate: 'A5', excess: 'A6' }],
    'cap-not-applicable': [{ line: 'A1', cap: 'A2', ruleSet: 'A3' }],
    'unknown-line-code': [{ code: 'A1', ruleSet: 'A2', suggestions: 'A3' }, { code: 'A1', ruleSet: 'A2', suggestions: '' }],
    'line-title-mismatch': [{ line: 'A1', title: 'A2', official: 'A3', ruleSet: 'A4' }],
    'missing-source-kind': [{ source: 'A1', ruleSet: 'A2', kinds: 'A3' }],
    'over-allocated': [{ source: 'A1', programmed: 'A2', assigned: 'A3', excess: 'A4' }],
    'under-allocated': [{ source: 'A1', programmed: 'A2', assigned: 'A3', remaining: 'A4' }],
    'total-mismatch': Object.values(subjects).flat().map(subject => ({ subject, declared: 'A1', computed: 'A2', difference: 'A3' })),
    'split-mismatch': [{ parts: 'A1', amount: 'A2', difference: 'A3' }],
    'unassigned-item': [{ sources: 'A1' }],
    'missing-declaration': [
        { key: 'A1', ruleSet: 'A2' }, { key: 'A1', title: 'A3', line: 'A4', ruleSet: 'A2' }, { key: 'A1', section: 'A5', ruleSet: 'A2' }
    ],
    'incomplete-declaration': [
        { key: 'A1', ruleSet: 'A2', missing: [['A3', 'A4'], ['A5']], empty: false },
        { key: 'A1', title: 'A6', ruleSet: 'A2', missing: [['A3']], empty: true },
        { key: 'A1', ruleSet: 'A2', missing: [], empty: true }
    ],
    'summary-staff-mismatch': [
        { summary: 'A1', date: 'A2', category: 'A3', inSummary: 'A4', table: 'A5', inStaff: 'A6', difference: 'A7' },
        { summary: '', date: 'A2', category: 'A3', inSummary: 'A4', table: '', inStaff: 'A6', difference: 'A7' }
    ],
    'movements-summary-mismatch': [{ from: 'A1', to: 'A2', net: 'A3', summaryFrom: 'A4', summaryTo: 'A5', change: 'A6' }],
    'hires-cost-mismatch': [{ year: 'A1', upTo: 'A2', profile: 'A3', heads: 'A4', hired: 'A5' }, { year: 'A1', upTo: 'A2', heads: 'A4', hired: 'A5' }],
    'hire-category-mismatch': [{ category: 'A1', profile: 'A2', profileCategory: 'A3' }],
    'office-statistics-mismatch': (['iscritti', 'residenti'] as const).map(measure =>
        ({ office: 'A1', measure, inOffice: 'A2', table: 'A3', inStatistics: 'A4', difference: 'A5' })),
    'missing-unit-cost': [{ profile: 'A1' }],
    'duplicate-office-staff': [{ office: 'A1', table: 'A2', missing: ['A3', 'A4'] }, { office: 'A1', table: '', missing: [] }],
    'duplicate-hiring-period': [{ period: 'A1', hiring: 'A2' }],
    'missing-section': [{ section: 'A1', title: 'A2', ruleSet: 'A3' }],
    'unanswered-request': [{ request: 'A1' }],
    'unknown-reference': (Object.keys(referenceWords) as ReferenceKind[]).flatMap(what => [{ what, name: 'A1' }, { what, name: 'A1', line: 'A2' }]),
    'reprogramming-unbalanced': [{ leaving: 'A1', arriving: 'A2', difference: 'A3' }],
    'move-exceeds-available': [{ amount: 'A1', from: 'A2', available: 'A3' }],
    'reprogrammed-over-allocated': [{ source: 'A1', before: 'A2', after: 'A3', assigned: 'A4', excess: 'A5' }],
    'reprogrammed-cap-exceeded': [{ line: 'A1', source: 'A2', before: 'A3', after: 'A4', cap: 'A5', rate: 'A6', excess: 'A7' }],
    'cost-mismatch': [{ heads: 'A1', profile: 'A2', unitCost: 'A3', expected: 'A4', declared: 'A5', difference: 'A6' }],
    'cofinancing-mismatch': [{ shares: 'A1', sum: 'A2', cost: 'A3', difference: 'A4' }],
    'function-total-mismatch': [{ category: 'A1', office: 'A2', declared: 'A3', computed: 'A4', difference: 'A5' }],
    'function-staff-mismatch': [
        { office: 'A1', date: 'A2', category: 'A3', inFunctions: 'A4', table: 'A5', inStaff: 'A6', difference: 'A7' },
        { office: 'A1', date: 'A2', category: 'A3', inFunctions: 'A4', table: '', inStaff: 'A6', difference: 'A7' }
    ],
    'percentage-out-of-range': [{ value: 'A1' }],
    'milestones-decreasing': [{ value: 'A1', period: 'A2', previous: 'A3', previousPeriod: 'A4' }],
    'duplicate-name': Object.keys(duplicateWords).map(what => ({ what: what as keyof typeof duplicateWords, name: 'A1' })),
    'invalid-number': [
        ...(Object.keys(faults) as NumberFaultKind[]).flatMap(fault => [{ text: 'A1', fault }, { text: 'A1', fault, suggestion: 'A2' }]),
        { text: 'A1', fault: 'ambiguous', suggestion: 'A2', alternative: 'A3' }
    ],
    'invalid-date': [{ text: 'A1' }, { text: 'A1', year: true }],
    'period-reversed': [{ start: 'A1', end: 'A2' }],
    'linking-error': [...[...Object.keys(referentWords), 'UnknownType'].map(referent => ({ referent, name: 'A1' })), { referent: 'FundingSource', name: 'A1', suggestion: 'S2' }],
    'missing-rule-set': [{ ruleSets: 'A1' }, { ruleSets: '' }],
    'ambiguous-rule-set': [{ name: 'A1', files: 'A2', chosen: 'A3' }],
    'rule-file-missing': [{ file: 'A1' }],
    'rule-set-invalid': [{ name: 'A1', file: 'A2', count: 1, line: 3, first: 'A4' }, { name: 'A1', file: 'A2', count: 4, line: 3, first: 'A4.' }],
    'unknown-issue-code': [{ code: 'A1' }, { code: 'A1', suggestion: 'A2' }]
};

/** The markers (`A1`, `L1`…) a message shows. */
const markers = (text: string) => [...new Set(text.match(/\b[A-Z][0-9]\b/g) ?? [])].sort();

describe('issue messages', () => {
    test('every code has samples', () => {
        expect(Object.keys(samples).sort()).toEqual([...issueCodes].sort());
    });

    for (const code of issueCodes) {
        test(`${code}: Italian and English sentences with the same figures`, () => {
            const problems: string[] = [];
            for (const args of samples[code] as readonly IssueArguments[typeof code][]) {
                const it = issueMessage(code, args as never, 'it');
                const en = issueMessage(code, args as never, 'en');
                if (it === en) {
                    problems.push(`untranslated: ${it}`);
                }
                if (!it.endsWith('.')) {
                    problems.push(`Italian sentence without a period: ${it}`);
                }
                if (!/[.?]$/.test(en)) {
                    problems.push(`English sentence without a period: ${en}`);
                }
                if (markers(it).join() !== markers(en).join()) {
                    problems.push(`different figures: ${it} | ${en}`);
                }
                if (/undefined|\[object/.test(it + en)) {
                    problems.push(`a missing argument shows: ${it} | ${en}`);
                }
            }
            expect(problems).toEqual([]);
        });
    }

    test('the README documents every code', () => {
        const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
        expect(issueCodes.filter(code => !readme.includes(`| \`${code}\` |`))).toEqual([]);
    });
});

describe('i18n imports nothing outside i18n', () => {
    test('so the client can bundle its messages without the language core', () => {
        const dir = path.join(repoRoot, 'src', 'language', 'i18n');
        const outside = fs.readdirSync(dir).flatMap(file => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)]
            .map(m => m[1]).filter(from => !/^\.\/[\w-]+\.js$/.test(from)).map(from => `${file}: ${from}`));
        expect(outside).toEqual([]);
    });
});
