/**
 * A keystroke that re-parses only its block (syntax/incremental.ts) gives the tree, and then the
 * diagnostics, that parsing the whole text gives: on random edits of the real plans (typing,
 * deleting, quotes and braces that unbalance the text, changes across blocks), each compared with
 * a whole parse; and the cases where it must not be tried are not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumParser, type ParseResult } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { random } from '../../bench/fuzz-harness.js';
import { syntheticPlan } from '../../bench/generate.js';
import { changeBetween, reparse, reparseBlock, reparseToken, type TokenReading } from '../../src/language/syntax/incremental.js';
import { createCpiplanServices } from '../../src/language/cpiplan-module.js';
import { example, header, rulesDir, testServices } from '../helpers.js';
import { describeErrors, describeTree } from './tree-description.js';

/** What an analyst types, and the characters that unbalance a text (edits drawn by the fuzzer's seeded generator, so that a failing run can be replayed). */
const typed = ['1', '5', '0', ',', '.', ' ', 'a', 'e', 'z', '\n', '"', '{', '}', '€', '%', '/', '*', '-', '\t', 'linea ', 'sezione ', 'voce "x" € 1,00 su B\n'];

/** One random edit of `text`: a character or word typed, one to five deleted, or a digit changed. */
function edit(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const kind = next();
    if (kind < 0.45) {
        return text.slice(0, at) + typed[Math.floor(next() * typed.length)] + text.slice(at);
    }
    if (kind < 0.8) {
        return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
    }
    const digit = text.slice(at).search(/\d/);
    return digit < 0 ? text : text.slice(0, at + digit) + String(Math.floor(next() * 10)) + text.slice(at + digit + 1);
}

/** The first row where two described trees differ, with both rows; undefined when they are the same. */
function firstDifference(actual: unknown[], expected: unknown[]): unknown {
    for (let part = 0; part < 2; part++) {
        const a = actual[part] as unknown[];
        const b = expected[part] as unknown[];
        for (let row = 0; row < Math.max(a.length, b.length); row++) {
            if (JSON.stringify(a[row]) !== JSON.stringify(b[row])) {
                return { part: part === 0 ? 'CST' : 'AST', row, actual: a[row], expected: b[row] };
            }
        }
    }
    return undefined;
}

/** The parser, and what rewriting a token and wording a lexer error need, as the language server gives them (`reparse`). */
async function readers(): Promise<{ parser: LangiumParser; reading: { parser: LangiumParser } & TokenReading }> {
    const services = (await testServices()).parser;
    const parser = services.LangiumParser;
    return { parser, reading: { parser, lexer: services.Lexer, converter: services.ValueConverter, lexerWording: services.LexerErrorMessageProvider } };
}

/** That a parse made incrementally is there and is the whole parse of `text`: its tree and its errors. */
function expectWholeParse(parser: LangiumParser, incremental: ParseResult | undefined, text: string): void {
    expect(incremental, text).toBeDefined();
    const whole = parser.parse(text);
    expect(describeTree(incremental!.value)).toEqual(describeTree(whole.value));
    expect(describeErrors(incremental!)).toEqual(describeErrors(whole));
}

/** The texts edited, with how many of the 400 edits at least re-parse a block (the others break the text, or fall outside blocks). */
const plans: [string, string, number][] = [
    ['marche-2020.cpiplan', example('marche-2020.cpiplan'), 100],
    ['puglia-2020.cpiplan', example('puglia-2020.cpiplan'), 100],
    ['valle-d-aosta-2020.cpiplan', example('valle-d-aosta-2020.cpiplan'), 100],
    ['a generated plan', syntheticPlan(400), 30],
    ['comments and CRLF', `${header}/* a */ sezione 1 "Uno" { // b\r\n    /* c */ testo "Due." // d\r\n    linea "L" { /* e */ voce "V" € 10,00 su B }\r\n}\r\n// f\r\n`, 5]
];

describe('rewriting one token or re-parsing one block gives the tree of a whole parse', () => {
    test.each(plans)('%s: 400 random edits, each compared with a whole parse', async (_name, original, atLeast) => {
        const { parser, reading } = await readers();
        const next = random(_name.length * 7919);
        let text = original;
        let current: ParseResult = parser.parse(text);
        let reparsed = 0;
        let withErrors = 0;
        for (let i = 0; i < 400; i++) {
            // Half the edits go on from the last text (errors pile up until a later edit mends them), half start again from the plan.
            const changed = edit(next() < 0.5 ? text : original, next);
            const incremental = reparse(reading, current, text, changed);
            const whole = parser.parse(changed);
            if (incremental) {
                reparsed++;
                const where = `edit ${i}: ${JSON.stringify(changeBetween(text, changed))}`;
                expect(firstDifference(describeTree(incremental.value), describeTree(whole.value)), where).toBeUndefined();
                expect(describeErrors(incremental), where).toEqual(describeErrors(whole));
                if (whole.parserErrors.length + whole.lexerErrors.length > 0) {
                    withErrors++;
                }
            }
            current = incremental ?? whole;
            text = changed;
        }
        // The comparison above ran on many edits.
        expect(reparsed).toBeGreaterThanOrEqual(atLeast);
        console.log(`${_name}: ${reparsed} re-parsed, ${withErrors} with errors`);
    });
});

/** The intervention lines of `text` written one item per line: where each closing `}` line starts (a new line typed there is the line's last). */
function blockEnds(text: string): number[] {
    const ends: number[] = [];
    for (const open of text.matchAll(/^( *)linea [^\n]*\{\n/gm)) {
        const close = new RegExp(`^${open[1]}\\}$`, 'm').exec(text.slice(open.index));
        if (close) {
            ends.push(open.index + close.index);
        }
    }
    return ends;
}

describe('typing an item in an intervention line, keystroke by keystroke, while it does not read yet', () => {
    /** What an analyst types as a line's new last item: an item, a misspelt keyword, an unfinished text, a total, an item without its amount. */
    const typedLines = ['    voce "Spese per la sede" € 12.500,00 su B\n', '    vocee "Refuso" € 1,00\n', '    testo "Un testo\n', '    totale € 1.000\n', '    voce "Senza importo" su\n'];

    // Puglia's plan has no intervention line written as a block (its finances are tables).
    const withLines = plans.slice(0, 4).filter(([, text]) => blockEnds(text).length > 0);

    test('the plans with intervention lines are the real ones but Puglia, and the generated one', () => {
        expect(withLines.map(([name]) => name)).toEqual(['marche-2020.cpiplan', 'valle-d-aosta-2020.cpiplan', 'a generated plan']);
    });

    test.each(withLines)('%s: each keystroke, typed and then deleted, gives the tree and the errors of a whole parse', async (_name, original) => {
        const { parser, reading } = await readers();
        const ends = blockEnds(original);
        // Three lines, from the start, the middle and the end of the plan.
        const chosen = [ends[0], ends[Math.floor(ends.length / 2)], ends[ends.length - 1]];
        let keystrokes = 0;
        let broken = 0;
        let brokenReparsed = 0;
        for (const [b, at] of chosen.entries()) {
            const line = typedLines[b % typedLines.length];
            let text = original;
            let current: ParseResult = parser.parse(text);
            const steps = [...Array.from({ length: line.length }, (_, n) => n + 1), ...Array.from({ length: line.length }, (_, n) => line.length - 1 - n)];
            for (const typed of steps) {
                const changed = original.slice(0, at) + line.slice(0, typed) + original.slice(at);
                const incremental = reparse(reading, current, text, changed);
                const whole = parser.parse(changed);
                const where = `${JSON.stringify(line.slice(0, typed))} at ${at}`;
                keystrokes++;
                const hasErrors = whole.parserErrors.length + whole.lexerErrors.length > 0;
                broken += hasErrors ? 1 : 0;
                if (incremental) {
                    brokenReparsed += hasErrors ? 1 : 0;
                    expect(firstDifference(describeTree(incremental.value), describeTree(whole.value)), where).toBeUndefined();
                    expect(describeErrors(incremental), where).toEqual(describeErrors(whole));
                }
                current = incremental ?? whole;
                text = changed;
            }
        }
        // Most keystrokes leave the line unreadable for a while; most of those re-parse only their block.
        expect(broken).toBeGreaterThan(keystrokes / 4);
        expect(brokenReparsed).toBeGreaterThan(broken / 2);
    });

    /** A line of another block left broken while the analyst types elsewhere: an unclosed quote, an item without its amount. */
    const brokenLines = ['    voce "Rotta € 5,00\n', '    voce "Senza importo"\n'];

    test.each(withLines)('%s: typing in one block while another, before or after it, stays broken', async (_name, clean) => {
        const { parser, reading } = await readers();
        const ends = blockEnds(clean);
        let reparsedWithOthersBroken = 0;
        // Typed in the last block with the first broken, and in the first with the last broken.
        for (const [b, [typedAt, brokenAt]] of [[ends.length - 1, 0], [0, ends.length - 1]].entries()) {
            const brokenLine = brokenLines[b];
            const broken = clean.slice(0, ends[brokenAt]) + brokenLine + clean.slice(ends[brokenAt]);
            const at = ends[typedAt] + (brokenAt < typedAt ? brokenLine.length : 0);
            const line = typedLines[0];
            let text = broken;
            let current: ParseResult = parser.parse(text);
            expect(current.parserErrors.length + current.lexerErrors.length).toBeGreaterThan(0);
            const steps = [...Array.from({ length: line.length }, (_, n) => n + 1), ...Array.from({ length: line.length }, (_, n) => line.length - 1 - n)];
            for (const typed of steps) {
                const changed = broken.slice(0, at) + line.slice(0, typed) + broken.slice(at);
                const incremental = reparse(reading, current, text, changed);
                const whole = parser.parse(changed);
                const where = `${JSON.stringify(line.slice(0, typed))} at ${at}, ${JSON.stringify(brokenLine)} at ${ends[brokenAt]}`;
                if (incremental) {
                    reparsedWithOthersBroken++;
                    expect(firstDifference(describeTree(incremental.value), describeTree(whole.value)), where).toBeUndefined();
                    expect(describeErrors(incremental), where).toEqual(describeErrors(whole));
                }
                current = incremental ?? whole;
                text = changed;
            }
        }
        // Keystrokes that add a line (the typed line's end, deleted again) move the errors after them: those parse whole.
        expect(reparsedWithOthersBroken).toBeGreaterThan(50);
    });
});

describe('when a block is re-parsed alone, and when the whole text is', () => {
    const plan = `${header}linea "Uno" {
    voce "Prima" € 10,00 su B
}
sezione 1 "Quadro" {
    testo "Un testo."
    linea "Due" { voce "Seconda" € 20,00 su C }
}
`;
    const cases: [string, (text: string) => string, boolean][] = [
        ['a figure typed inside a line', t => t.replace('€ 10,00', '€ 105,00'), true],
        ['a text changed inside a nested line', t => t.replace('"Seconda"', '"Seconda voce"'), true],
        ['a text changed in a section, outside its nested line', t => t.replace('"Un testo."', '"Un altro testo."'), true],
        ['the plan header', t => t.replace('"Test"', '"Prova"'), false],
        ['a source at the top level (no block)', t => t.replace('€ 140.940,00', '€ 140.941,00'), false],
        ["the block's first word", t => t.replace('linea "Uno"', 'line "Uno"'), false],
        ["the block's closing brace", t => t.replace('su B\n}', 'su B\n'), false],
        ['a quote left open inside a block (its error stays inside it)', t => t.replace('"Prima"', '"Prima'), true],
        ['an item without its amount inside a nested line', t => t.replace('voce "Seconda" € 20,00 su C', 'voce "Seconda" su C'), true],
        ['a brace added inside a block', t => t.replace('voce "Prima"', '{ voce "Prima"'), false],
        ['a change across two blocks', t => t.replace('su B\n}\nsezione 1', 'su B\n}\n\nsezione 1'), false]
    ];

    /** Whether `way` takes the change from `text`, and when it does, that its tree is a whole parse's; the values of the AST before. */
    const tried = async (way: 'block' | 'token', text: string, changed: string, expected: boolean) => {
        const services = (await testServices()).parser;
        const parser = services.LangiumParser;
        expect(changed).not.toBe(text);
        const previous = parser.parse(text);
        const values = (result: ParseResult) => JSON.stringify(result.value, (key: string, value: unknown) => key.startsWith('$') ? undefined : value);
        const before = values(previous);
        const incremental = way === 'block'
            ? reparseBlock(parser, previous, text, changed)
            : reparseToken({ lexer: services.Lexer, converter: services.ValueConverter }, previous, text, changed);
        expect(incremental !== undefined).toBe(expected);
        if (incremental) {
            const whole = parser.parse(changed);
            expect(describeTree(incremental.value)).toEqual(describeTree(whole.value));
            expect(describeErrors(incremental)).toEqual(describeErrors(whole));
        }
        return { before, after: incremental && values(incremental) };
    };

    test.each(cases)('%s', async (_name, change, expected) => {
        await tried('block', plan, change(plan), expected);
    });

    const tokenCases: [string, (text: string) => string, boolean][] = [
        ['a figure typed at the top level', t => t.replace('€ 140.940,00', '€ 140.941,00'), true],
        ['a figure typed inside a line', t => t.replace('€ 10,00', '€ 10,50'), true],
        ['a text typed in a title', t => t.replace('"Quadro"', '"Quadro generale"'), true],
        ['a comment typed', t => t.replace('// nota', '// nota bene'), true],
        ['a quote typed inside a text (two texts)', t => t.replace('"Prima"', '"Pri"ma"'), false],
        ['a figure that becomes a date', t => t.replace('€ 10,00', '€ 10/12/2020'), false],
        ['a space typed inside a figure (thousands apart)', t => t.replace('€ 140.940,00', '€ 140 940,00'), false],
        ['a text that names a rule set (a reference)', t => t.replace('"DM 74/2019"', '"DM 74/2020"'), false],
        ['a newline typed in a line comment', t => t.replace('// nota', '// no\nta'), false],
        ['a digit typed at the end of a figure', t => t.replace('€ 10,00', '€ 10,005'), true],
        ['a space typed at the end of a figure', t => t.replace('€ 10,00 su', '€ 10,00  su'), false],
        ['a figure edited at its first digit', t => t.replace('€ 10,00', '€ 20,00'), true],
        ['a digit typed before a figure', t => t.replace('€ 10,00', '€ 110,00'), true],
        ['a sign typed before a figure', t => t.replace('€ 10,00', '€ -10,00'), false],
        ["a text's opening quote removed", t => t.replace('"Quadro"', 'Quadro"'), false],
        ['a letter typed after a text', t => t.replace('"Prima" €', '"Prima"x €'), false]
    ];

    test.each(tokenCases)('token: %s', async (name, change, expected) => {
        const commented = plan.replace('voce "Prima"', '// nota\n    voce "Prima"');
        const { before, after } = await tried('token', commented, change(commented), expected);
        if (after !== undefined) {
            // A comment changes no value of the AST; a text or a figure changes one.
            if (name === 'a comment typed') {
                expect(after).toBe(before);
            } else {
                expect(after).not.toBe(before);
            }
        }
    });

    test('token: a text typed in a list point with sub-points (its rule calls itself: the sub-points give their own texts)', async () => {
        const listed = plan.replace('testo "Un testo."', 'elenco {\n        - "Punto" {\n            - "Sotto"\n        }\n    }');
        await tried('token', listed, listed.replace('"Punto"', '"Punto primo"'), true);
    });

    test('a rewritten figure is a new node: what was read of the old one stays with it', async () => {
        const services = (await testServices()).parser;
        const reading = { lexer: services.Lexer, converter: services.ValueConverter, lexerWording: services.LexerErrorMessageProvider };
        const previous = services.LangiumParser.parse(plan);
        const line = (previous.value as unknown as { elements: { $type: string; items?: { amount: object }[] }[] }).elements.find(e => e.$type === 'InterventionLine');
        const before = line?.items?.[0].amount;
        const changed = plan.replace('€ 10,00', '€ 10,50');
        expect(reparseToken(reading, previous, plan, changed)).toBeDefined();
        const after = line?.items?.[0].amount;
        expect(after).toBeDefined();
        expect(after).not.toBe(before);
        expect((after as { value: string }).value).toBe('10,50');
        expect((before as { value: string }).value).toBe('10,00');
    });

    test('an error after the block changed stays, moved with the text', async () => {
        const parser = (await testServices()).parser.LangiumParser;
        const broken = plan.replace('testo "Un testo."', 'testo Un testo.');
        const previous = parser.parse(broken);
        expect(previous.parserErrors.length).toBeGreaterThan(0);
        const changed = broken.replace('€ 10,00', '€ 110,00');
        expectWholeParse(parser, reparseBlock(parser, previous, broken, changed), changed);
    });

    test('a lone carriage return typed in a block of a CRLF plan ends a line: an error after it moves a line down', async () => {
        const services = (await testServices()).parser;
        const parser = services.LangiumParser;
        const broken = plan.replace('testo "Un testo."', 'testo Un testo.').replace(/\n/g, '\r\n');
        const previous = parser.parse(broken);
        expect(previous.parserErrors.length).toBeGreaterThan(0);
        // A line end of its own after an item's last word: the item reads on, and the error after it moves a line down.
        const changed = broken.replace('€ 10,00 su B\r\n', '€ 10,00 su B\r\r\n');
        expectWholeParse(parser, reparseBlock(parser, previous, broken, changed, services.LexerErrorMessageProvider), changed);
        // In a plan with line feeds, a carriage return typed before one makes one line end of two characters, not a new line: the error after stays, moved.
        const lf = plan.replace('testo "Un testo."', 'testo Un testo.');
        const crlf = lf.replace('€ 10,00 su B\n', '€ 10,00 su B\r\n');
        expectWholeParse(parser, reparseBlock(parser, parser.parse(lf), lf, crlf), crlf);
    });

    test('in a plan with an error, a figure or a text outside it is rewritten alone, and the error stays, moved with the text', async () => {
        const { parser, reading } = await readers();
        const broken = plan.replace('testo "Un testo."', 'testo Un testo.');
        for (const changed of [broken.replace('€ 140.940,00', '€ 140.941,00'), broken.replace('"Prima"', '"Prima voce"'), broken.replace('"Seconda"', '"Seconda voce"')]) {
            const previous = parser.parse(broken);
            expect(previous.parserErrors.length).toBeGreaterThan(0);
            expectWholeParse(parser, reparseToken(reading, previous, broken, changed), changed);
        }
    });

    const parsedWhole: [string, [string, string], string, [string, string]][] = [
        ['a figure typed on the line of the token before the error (its column moves)',
            ['voce "Prima" € 10,00 su B\n', 'gruppo "G" € 3,00 { voce "a" € 1,0 voce "b" € 2,00 su B\n    totale € 3,00\n'], "after 'B'", ['€ 1,0 ', '€ 1,00 ']],
        ['a text the error names (its message quotes it)',
            ['voce "Prima" € 10,00 su B', 'voce "Prima" "Di troppo" € 10,00 su B'], 'Di troppo', ['"Di troppo"', '"Di troppo!"']]
    ];

    test.each(parsedWhole)('in a plan with an error, %s is parsed whole', async (_name, [written, breaking], quoted, [typed, becomes]) => {
        const { parser, reading } = await readers();
        const broken = plan.replace(written, breaking);
        const previous = parser.parse(broken);
        expect(previous.parserErrors.map(error => error.message).join(' ')).toContain(quoted);
        expect(reparseToken(reading, previous, broken, broken.replace(typed, becomes))).toBeUndefined();
    });

    test('errors after the block changed move down with a line it gains; a lexer error, whose message names its line, is worded again', async () => {
        const services = (await testServices()).parser;
        const parser = services.LangiumParser;
        const broken = plan.replace('testo "Un testo."', 'testo "Un testo.').replace('voce "Seconda"', 'voce Seconda');
        const previous = parser.parse(broken);
        expect(previous.lexerErrors.length).toBeGreaterThan(0);
        expect(previous.parserErrors.length).toBeGreaterThan(0);
        const changed = broken.replace('su B\n', 'su B\n\n');
        // Without the lexer's wording the message cannot be made again: the whole text is parsed.
        expect(reparseBlock(parser, parser.parse(broken), broken, changed)).toBeUndefined();
        const moved = reparseBlock(parser, previous, broken, changed, services.LexerErrorMessageProvider);
        expectWholeParse(parser, moved, changed);
        expect(moved!.lexerErrors[0].message).toContain(`line ${previous.lexerErrors[0].line! + 1}`);
    });

    test('a block whose error is mended is re-parsed alone, and the plan has no error left', async () => {
        const parser = (await testServices()).parser.LangiumParser;
        const broken = plan.replace('"Prima"', '"Prima');
        const previous = parser.parse(broken);
        expect(previous.lexerErrors.length + previous.parserErrors.length).toBeGreaterThan(0);
        const mended = reparseBlock(parser, previous, broken, plan);
        expectWholeParse(parser, mended, plan);
        expect(mended!.lexerErrors.length + mended!.parserErrors.length).toBe(0);
    });

    test('a block whose new error is in its header (before its brace) is not re-parsed alone', async () => {
        const parser = (await testServices()).parser.LangiumParser;
        const previous = parser.parse(plan);
        const changed = plan.replace('linea "Due" {', 'linea "Due" xx {');
        expect(parser.parse(changed).parserErrors.length).toBeGreaterThan(0);
        expect(reparseBlock(parser, previous, plan, changed)).toBeUndefined();
    });

    test('the change is the shortest one: common beginning and end left out', () => {
        expect(changeBetween('abcdef', 'abXYef')).toEqual({ start: 2, oldEnd: 4, newEnd: 4 });
        expect(changeBetween('aaa', 'aaaa')).toEqual({ start: 3, oldEnd: 3, newEnd: 4 });
        expect(changeBetween('abc', 'abc')).toEqual({ start: 3, oldEnd: 3, newEnd: 3 });
    });
});

describe('an edited document gets the diagnostics of a fresh one', () => {
    test('Marche edited through the document builder, as the language server does', async () => {
        const services = await testServices();
        const shared = services.shared;
        const uri = URI.file('/test/incremental/marche.cpiplan');
        const original = example('marche-2020.cpiplan');
        const textDocuments = shared.workspace.TextDocuments!;
        let version = 1;
        textDocuments.set(TextDocument.create(uri.toString(), 'cpiplan', version, original));
        const document = shared.workspace.LangiumDocumentFactory.fromString(original, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const next = random(42);
        let text = original;
        let reparsed = 0;
        for (let i = 0; i < 40; i++) {
            // A figure changed (a digit typed before its first digit or after it), then put back: each
            // edit keeps the plan's blocks as they are; some rewrite a token, others re-parse a block.
            const amounts = [...text.matchAll(/€ \d/g)];
            const at = amounts[Math.floor(next() * amounts.length)].index! + 2 + (i % 2);
            text = next() < 0.5 ? text.slice(0, at) + '9' + text.slice(at) : original;
            const before = document.parseResult.value;
            textDocuments.set(TextDocument.create(uri.toString(), 'cpiplan', ++version, text));
            await shared.workspace.DocumentBuilder.update([uri], []);
            if (document.parseResult.value === before) {
                reparsed++;
            }
            const fresh = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/test/incremental/fresh-${i}.cpiplan`));
            shared.workspace.LangiumDocuments.addDocument(fresh);
            await shared.workspace.DocumentBuilder.build([fresh], { validation: true });
            const summary = (diagnostics: typeof document.diagnostics) => (diagnostics ?? []).map(d => [d.code, d.message, d.range, d.severity]);
            expect(summary(document.diagnostics), `edit ${i}`).toEqual(summary(fresh.diagnostics));
            // Removed from the index too, not only from the documents.
            await shared.workspace.DocumentBuilder.update([], [fresh.uri]);
        }
        expect(reparsed).toBeGreaterThan(10);
        textDocuments.delete(uri.toString());
        await shared.workspace.DocumentBuilder.update([], [uri]);
    });
});

describe('a rule file edited token by token', () => {
    /** A plan's diagnostics in services of its own, with the shipped rule set written as `ruleText`. */
    async function freshDiagnostics(ruleText: string, plan: string): Promise<string[]> {
        const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem, rulesDir });
        const workspace = Cpiplan.shared.workspace;
        const rules = fs.readdirSync(rulesDir).map(name => {
            const text = name === 'dm74-2019.cpiplan' ? ruleText : fs.readFileSync(path.join(rulesDir, name), 'utf8');
            const document = workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(rulesDir, name)));
            workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        const document = workspace.LangiumDocumentFactory.fromString(plan, URI.file('/test/incremental/fresh-plan.cpiplan'));
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([...rules, document], { validation: true });
        return (document.diagnostics ?? []).map(d => JSON.stringify([d.code, d.message, d.range]));
    }

    test('a cap or a declaration\'s wording changed in the rule set: the plan gets the diagnostics of a fresh workspace', async () => {
        const shared = (await testServices()).shared;
        const workspace = shared.workspace;
        const ruleUri = URI.file(path.join(rulesDir, 'dm74-2019.cpiplan'));
        const original = fs.readFileSync(ruleUri.fsPath, 'utf8');
        const plan = example('marche-2020.cpiplan');
        const planDocument = workspace.LangiumDocumentFactory.fromString(plan, URI.file('/test/incremental/plan-with-rules.cpiplan'));
        workspace.LangiumDocuments.addDocument(planDocument);
        await workspace.DocumentBuilder.build([planDocument], { validation: true });
        const ruleDocument = workspace.LangiumDocuments.getDocument(ruleUri);
        const diagnostics = () => (planDocument.diagnostics ?? []).map(d => JSON.stringify([d.code, d.message, d.range]));
        const unchanged = diagnostics();
        let version = 1;
        const edit = async (text: string) => {
            workspace.TextDocuments?.set(TextDocument.create(ruleUri.toString(), 'cpiplan', ++version, text));
            await workspace.DocumentBuilder.update([ruleUri], []);
        };
        try {
            for (const [from, to] of [['tetto 2% di', 'tetto 1% di'], ['"nessun compenso ai componenti', '"nessun compenso a chi compone']]) {
                const text = original.replace(from, to);
                const root = ruleDocument?.parseResult.value;
                await edit(text);
                // The rule file's token was rewritten, not the file parsed again.
                expect(ruleDocument?.parseResult.value).toBe(root);
                const edited = diagnostics();
                expect(edited).toEqual(await freshDiagnostics(text, plan));
                expect(edited).not.toEqual(unchanged);
                await edit(original);
                expect(diagnostics()).toEqual(unchanged);
            }
        } finally {
            workspace.TextDocuments?.delete(ruleUri.toString());
            await workspace.DocumentBuilder.update([], [planDocument.uri]);
        }
    });
});
