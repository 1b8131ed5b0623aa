/**
 * `cpiplan check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps…),
 * built with node-sarif-builder. One result per diagnostic; rule ids are the diagnostic codes.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Result } from 'sarif';
import type { Diagnostic } from 'vscode-languageserver';
import { defaultSeverity, issueCodes, type IssueCode, type Locale } from '../language/validation/issues.js';
import type { CheckedDocument } from './load.js';

/** Langium's own codes for text that is not the language. */
type SyntaxCode = 'parsing-error' | 'lexing-error';

/** A one-line description of each rule, as the README's diagnostics table gives it. */
const ruleDescriptions: Record<IssueCode | SyntaxCode, Record<Locale, string>> = {
    'cap-exceeded': {
        it: "La parte di una linea a carico di una fonte supera il tetto che le regole fissano per quella linea e fonte.",
        en: "The part of a line charged to a source exceeds the rule set's cap for that line and source."
    },
    'over-allocated': {
        it: "Il programmato su una fonte supera l'assegnato.",
        en: 'The amount programmed on a source exceeds its assigned amount.'
    },
    'under-allocated': {
        it: "Il programmato su una fonte è inferiore all'assegnato: restano risorse da programmare.",
        en: 'The amount programmed on a source is below its assigned amount: money is left unprogrammed.'
    },
    'total-mismatch': {
        it: 'Un totale dichiarato è diverso dalla somma delle sue parti.',
        en: 'A declared total differs from the sum of its parts.'
    },
    'split-mismatch': {
        it: "Le parti di una voce sulle fonti non sommano all'importo della voce.",
        en: "An item's parts across sources do not add up to its amount."
    },
    'unassigned-item': {
        it: 'Una voce non indica la fonte e il piano ne ha più di una.',
        en: 'An item names no source and the plan has several.'
    },
    'missing-declaration': {
        it: 'Manca una dichiarazione richiesta dalle regole dove va posta (una linea, una sezione, il piano).',
        en: 'A declaration the rule set requires is missing where it belongs (a line, a section, the plan).'
    },
    'cost-mismatch': {
        it: 'Un costo del personale dichiarato è diverso da unità × costo unitario del profilo.',
        en: "A declared personnel cost differs from heads × the profile's unit cost."
    },
    'cofinancing-mismatch': {
        it: 'Le quote di finanziamento (Stato, Regione…) non sommano al costo del personale che finanziano.',
        en: 'The funding shares (State, Region…) do not add up to the personnel cost they fund.'
    },
    'percentage-out-of-range': {
        it: 'Una percentuale è inferiore a 0% o superiore a 100%.',
        en: 'A percentage is below 0% or above 100%.'
    },
    'milestones-decreasing': {
        it: "Il valore annuale di un indicatore cumulativo è inferiore a quello dell'anno prima.",
        en: "A cumulative indicator's yearly value is lower than the year before."
    },
    'duplicate-name': {
        it: 'Due elementi dello stesso tipo hanno lo stesso nome.',
        en: 'Two elements of the same kind share a name.'
    },
    'invalid-number': {
        it: 'Un numero non è nel formato italiano, è ambiguo o ha troppi decimali.',
        en: 'A number is not in the Italian format, is ambiguous or has too many decimals.'
    },
    'linking-error': {
        it: 'Un nome non si riferisce a nulla (una fonte, un ufficio, un profilo, un insieme di regole…).',
        en: 'A name refers to nothing (a source, an office, a profile, a rule set…).'
    },
    'parsing-error': {
        it: 'Il testo non segue la sintassi del linguaggio.',
        en: 'The text does not follow the syntax of the language.'
    },
    'lexing-error': {
        it: 'Il testo contiene caratteri che il linguaggio non conosce.',
        en: 'The text holds characters the language does not know.'
    }
};

const syntaxCodes: readonly SyntaxCode[] = ['parsing-error', 'lexing-error'];

function isKnownCode(code: string): code is IssueCode | SyntaxCode {
    return Object.hasOwn(ruleDescriptions, code);
}

/** A diagnostic's rule id: its code; `cpiplan` for one without a code. */
const ruleId = (diagnostic: Diagnostic): string => diagnostic.code === undefined ? 'cpiplan' : String(diagnostic.code);

/** SARIF levels: LSP errors, warnings and the rest (information, hints). */
function level(diagnostic: Diagnostic): Result.level {
    return diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'note';
}

function ruleLevel(code: IssueCode | SyntaxCode): Result.level {
    const severity = (syntaxCodes as readonly string[]).includes(code) ? 'error' : defaultSeverity(code as IssueCode);
    return severity === 'info' ? 'note' : severity;
}

/**
 * The file's URI as code scanning expects it: relative to the folder the check runs in (the
 * repository root in CI), with forward slashes; a file outside it gets an absolute `file:` URI.
 */
export function artifactUri(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
        return pathToFileURL(file).href;
    }
    return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** The SARIF 2.1.0 log of a check: every rule of the catalogue, one result per diagnostic. */
export function renderSarif(checked: CheckedDocument[], locale: Locale, version: string, cwd = process.cwd()): string {
    const run = new SarifRunBuilder().initSimple({ toolDriverName: 'cpiplan', toolDriverVersion: version });
    const known: (IssueCode | SyntaxCode)[] = [...issueCodes, ...syntaxCodes];
    for (const code of known) {
        const rule = new SarifRuleBuilder().initSimple({ ruleId: code, shortDescriptionText: ruleDescriptions[code][locale] });
        rule.rule.defaultConfiguration = { level: ruleLevel(code) };
        run.addRule(rule);
    }
    // A code outside the catalogue (none is expected) still gets a rule, so every result has one.
    const unknown = new Set(checked.flatMap(c => c.diagnostics.map(ruleId)).filter(code => !isKnownCode(code)));
    for (const code of unknown) {
        run.addRule(new SarifRuleBuilder().initSimple({ ruleId: code, shortDescriptionText: code }));
    }
    for (const file of checked) {
        const uri = artifactUri(file.path, cwd);
        const diagnostics = [...file.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const d of diagnostics) {
            const result = new SarifResultBuilder().initSimple({
                level: level(d),
                messageText: d.message,
                ruleId: ruleId(d),
                fileUri: uri,
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1
            });
            run.addResult(result);
        }
    }
    const builder = new SarifBuilder();
    builder.addRun(run);
    return builder.buildSarifJsonString({ indent: true }) + '\n';
}
