/**
 * The keystroke levers of bench/PROFILE.md round 3 change how the tree is built and walked, never
 * what it is: the same CST and AST as Langium's own parser, containers and all; the same nodes and
 * references, in the same order, as Langium's streams; the same values as Langium's converter;
 * the same elements of each type as a walk of the plan.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    AstUtils, createLangiumParser, CstUtils, DefaultLinker, DefaultScopeProvider, DefaultValueConverter, EmptyFileSystem, GrammarAST, isLeafCstNode, URI,
    type AstNode, type LangiumParser, type Reference, type ReferenceInfo, type Scope
} from 'langium';
import { createCpiplanServices } from '../../src/language/cpiplan-module.js';
import { describe, expect, test } from 'vitest';
import { forEachReference, nodesOf } from '../../src/language/ast-walk.js';
import { isPlan, type PlanElement } from '../../src/language/generated/ast.js';
import { elementsOf } from '../../src/language/model/elements.js';
import { rangeOf } from '../../src/language/syntax/lean-cst.js';
import { CpiplanValueConverter, unquote } from '../../src/language/value-converter.js';
import { check, example, rulesDir, testServices } from '../helpers.js';
import { describeTree } from './tree-description.js';

const examples = ['marche-2020.cpiplan', 'puglia-2020.cpiplan', 'valle-d-aosta-2020.cpiplan'];
const texts: [string, string][] = [
    ...examples.map(name => [name, example(name)] as [string, string]),
    ...fs.readdirSync(rulesDir).map(name => [name, fs.readFileSync(path.join(rulesDir, name), 'utf8')] as [string, string]),
    // Comments everywhere: before a block's first token, between tokens, at the end.
    ['comments', `/* a */ piano /* b */ "Test" // c
regole "DM 74/2019" // d
sezione 1 "Uno" { // e
    /* f */ fonte B "B" tipo allegato_B assegnato € 10,00 // g
}
// h
linea "L" { /* i */ voce "V" € 10,00 su B }
/* j */`],
    // Windows and old Mac line ends, a comment over three lines, text after it on its last line.
    ['crlf', example('valle-d-aosta-2020.cpiplan').replace(/\n/g, '\r\n')],
    ['cr', 'piano "Test"\rregole "DM 74/2019" /* uno\r\ndue\ntre */ fonte B "B" tipo allegato_B assegnato € 10,00\r']
];

describe('the parser builds what Langium builds', () => {
    let langium: LangiumParser | undefined;
    const parsers = async () => {
        const services = await testServices();
        langium ??= createLangiumParser(services);
        return { ours: services.parser.LangiumParser, langium };
    };

    test.each(texts)('%s: the same CST, AST and containers', async (_name, text) => {
        const { ours, langium } = await parsers();
        const expected = langium.parse(text);
        const actual = ours.parse(text);
        expect(expected.parserErrors).toEqual([]);
        expect(actual.parserErrors).toEqual([]);
        const described = describeTree(actual.value);
        expect((described[0] as unknown[]).length).toBeGreaterThan(_name.endsWith('anpal-servizi.cpiplan') || _name === 'cr' ? 10 : 50);
        expect(described).toEqual(describeTree(expected.value));
    });

    test('a file with comments has its hidden nodes where Langium puts them', async () => {
        const { ours } = await parsers();
        const root = ours.parse(texts.find(([name]) => name === 'comments')![1]).value;
        const hidden = CstUtils.streamCst(root.$cstNode!).filter(node => node.hidden).map(node => node.text).toArray();
        expect(hidden).toEqual(['/* a */', '/* b */', '// c', '// d', '// e', '/* f */', '// g', '// h', '/* i */', '/* j */']);
    });
});

describe('a leaf\'s range, computed when asked', () => {
    test.each(texts)('%s: for every token, comments over several lines included, the range Langium makes from the token', async (_name, text) => {
        const services = await testServices();
        const lexed = services.parser.Lexer.tokenize(text);
        const root = services.parser.LangiumParser.parse(text).value.$cstNode!.root;
        const tokens = [...lexed.tokens, ...lexed.hidden];
        expect(tokens.length).toBeGreaterThan(3);
        for (const token of tokens) {
            expect(rangeOf(root, token.startOffset, token.image.length)).toEqual(CstUtils.tokenToRange(token));
        }
    });
});

describe('walking the tree', () => {
    test.each(texts)('%s: the nodes and references of Langium\'s streams, in their order', async (_name, text) => {
        const { document } = await check(text);
        const root = document.parseResult.value;
        const nodes = nodesOf(root);
        expect(nodes.length).toBeGreaterThan(examples.includes(_name) ? 500 : 0);
        expect(nodes).toEqual(AstUtils.streamAst(root).toArray());
        const references = nodes.flatMap(node => {
            const found: unknown[] = [];
            forEachReference(node, reference => found.push(reference));
            return found;
        });
        expect(references).toEqual(nodes.flatMap(node => AstUtils.streamReferences(node).toArray()));
        if (_name === 'marche-2020.cpiplan') {
            expect(references.length).toBeGreaterThan(5);
        }
    });

    test('a node whose children are not to be walked is kept, its children left out', async () => {
        const { document } = await check(texts[0][1]);
        const root = document.parseResult.value;
        const pruned = nodesOf(root, node => node.$type !== 'InterventionLine');
        const stream = AstUtils.streamAst(root).iterator();
        const expected: AstNode[] = [];
        for (const node of stream) {
            expected.push(node);
            if (node.$type === 'InterventionLine') {
                stream.prune();
            }
        }
        const asked: AstNode[] = [];
        expect(nodesOf(root, node => {
            asked.push(node);
            return node.$type !== 'InterventionLine';
        })).toEqual(asked);
        expect(pruned.some(node => node.$type === 'InterventionLine')).toBe(true);
        expect(pruned).toEqual(expected);
        expect(pruned.length).toBeLessThan(nodesOf(root).length);
    });
});

describe('converting values', () => {
    test('a quoted text: the text between the quotes, escapes as Langium reads them', () => {
        for (const image of ['"Piano regionale"', '""', '\'Marche\'', '"a \\"b\\" c"', '"tab\\there"', '"back\\\\slash"', '"ò à è"', '" spazi ai lati "', '"\\"']) {
            expect(unquote(image)).toBe(new DefaultValueConverter()['runConverter']({ name: 'STRING' } as GrammarAST.TerminalRule, image, undefined as never));
        }
        expect(unquote('"a \\"b\\" c"')).toBe('a "b" c');
    });

    test.each(texts)('%s: every token converted as Langium\'s converter does', async (_name, text) => {
        const { document } = await check(text);
        const ours = new CpiplanValueConverter();
        const langium = new DefaultValueConverter();
        const leaves = CstUtils.streamCst(document.parseResult.value.$cstNode!).filter(isLeafCstNode)
            .filter(leaf => GrammarAST.isRuleCall(leaf.grammarSource) || GrammarAST.isCrossReference(leaf.grammarSource)).toArray();
        expect(leaves.length).toBeGreaterThan(examples.includes(_name) ? 100 : 1);
        for (const leaf of leaves) {
            expect(ours.convert(leaf.text, leaf)).toEqual(langium.convert(leaf.text, leaf));
        }
    });
});

describe('the elements of a plan by type', () => {
    /** The walk elementsOf made before its index: plan elements, and everything inside sections. */
    function walked(root: AstNode, type: string): AstNode[] {
        const result: AstNode[] = [];
        const visit = (node: AstNode): void => {
            if (node.$type === type) {
                result.push(node);
            }
            if (node.$type === 'Section') {
                AstUtils.streamContents(node).forEach(visit);
            }
        };
        if (isPlan(root)) {
            root.elements.forEach(visit);
        }
        return result;
    }

    test.each(examples)('%s: every type, in document order, as a walk finds them', async name => {
        const { document } = await check(example(name));
        const plan = document.parseResult.value;
        if (!isPlan(plan)) {
            throw new Error('not a plan');
        }
        const types = new Set(AstUtils.streamAst(plan).map(node => node.$type));
        let found = 0;
        for (const type of types) {
            const elements = elementsOf(plan, type as PlanElement['$type']);
            found += elements.length;
            expect(elements).toEqual(walked(plan, type));
        }
        expect(found).toBeGreaterThan(50);
    });

    test('what a caller does with the list it got changes nothing for the next one', async () => {
        const { document } = await check(example('marche-2020.cpiplan'));
        const plan = document.parseResult.value;
        if (!isPlan(plan)) {
            throw new Error('not a plan');
        }
        const first = elementsOf(plan, 'InterventionLine');
        const count = first.length;
        first.length = 0;
        expect(elementsOf(plan, 'InterventionLine')).toHaveLength(count);
        expect(count).toBeGreaterThan(3);
    });
});

describe('references', () => {
    /** Every reference of a plan, as its user sees it, linked by the given services. */
    async function referencesOf(text: string, langiumReferences: boolean): Promise<unknown[]> {
        const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem, rulesDir });
        if (langiumReferences) {
            // The same services, but references made by Langium's own `buildReference`.
            const linker = Cpiplan.references.Linker as unknown as { buildReference: DefaultLinker['buildReference'] };
            linker.buildReference = DefaultLinker.prototype.buildReference;
        }
        const workspace = Cpiplan.shared.workspace;
        const documents = [...fs.readdirSync(rulesDir).map(f => workspace.LangiumDocumentFactory.fromString(
            fs.readFileSync(path.join(rulesDir, f), 'utf8'), URI.file(path.join(rulesDir, f)))),
        workspace.LangiumDocumentFactory.fromString(text, URI.file('/test/references.cpiplan'))];
        documents.forEach(document => workspace.LangiumDocuments.addDocument(document));
        await workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents.at(-1)!;
        const rows = AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).map(({ reference, property }) => {
            const single = reference as Reference;
            // The same data; the getters (`ref`, `error`, `$nodeDescription`) are the class's, not each reference's.
            const data = Object.keys(single).filter(key => 'value' in (Object.getOwnPropertyDescriptor(single, key) ?? {}));
            return [property, single.$refText, data.join(','), ['ref', 'error', '$nodeDescription'].every(key => key in single), single.ref?.$type, single.ref ? (single.ref as { name?: string }).name : undefined,
                single.error?.message, single.$nodeDescription?.name, single.$refNode?.text];
        }).toArray();
        return [rows, document.references.length, (document.diagnostics ?? []).map(d => `${d.code} ${d.message}`)];
    }

    test.each([...examples, 'broken'])('%s: resolved, or not, as Langium\'s references are', async name => {
        const text = name === 'broken'
            ? `piano "Test" regole "DM 74/2019"\nfonte B "B" tipo allegato_X assegnato € 10,00\nlinea "L" { voce "V" € 10,00 su C }\n`
            : example(name);
        const ours = await referencesOf(text, false);
        expect((ours[0] as unknown[]).length).toBeGreaterThan(name === 'broken' ? 2 : 0);
        expect(ours).toEqual(await referencesOf(text, true));
    });
});

describe('scopes', () => {
    const nested = `piano "Test" regole "DM 74/2019"
fonte B "B plan" tipo allegato_B assegnato € 10,00
sezione 1 "Uno" {
    fonte B "B section" tipo allegato_B assegnato € 10,00
    cpi nord "Nord"
    sezione 1.1 "Uno.uno" {
        linea "L" { voce "V" € 10,00 su B }
    }
}
linea "M" { voce "W" € 10,00 su B }
linea "N" { voce "X" € 10,00 su Z }
`;

    test.each([...examples, 'nested'])('%s: every reference sees what Langium\'s scope provider gives it', async name => {
        const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem, rulesDir });
        const workspace = Cpiplan.shared.workspace;
        const documents = [...fs.readdirSync(rulesDir).map(f => workspace.LangiumDocumentFactory.fromString(
            fs.readFileSync(path.join(rulesDir, f), 'utf8'), URI.file(path.join(rulesDir, f)))),
        workspace.LangiumDocumentFactory.fromString(name === 'nested' ? nested : example(name), URI.file('/test/scopes.cpiplan'))];
        documents.forEach(document => workspace.LangiumDocuments.addDocument(document));
        await workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents.at(-1)!;
        const provider = Cpiplan.references.ScopeProvider;
        // Langium's own chain of scopes, on the same symbols; the rule set and source kind scopes are cpiplan's alone.
        const langium = (info: ReferenceInfo) => DefaultScopeProvider.prototype.getScope.call(provider, info);
        const infos = AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node))
            .filter(info => info.property !== 'ruleSet' && info.property !== 'kind').toArray();
        expect(infos.length).toBeGreaterThan(name === 'puglia-2020.cpiplan' ? -1 : 2);
        const names = (scope: Scope) => scope.getAllElements().map(d => `${d.type} ${d.name} ${d.path}`).toArray();
        for (const info of infos) {
            const ours = provider.getScope(info);
            const theirs = langium(info);
            const text = info.reference.$refText;
            expect(ours.getElement(text)).toBe(theirs.getElement(text));
            expect(ours.getElements(text).toArray()).toEqual(theirs.getElements(text).toArray());
            expect(names(ours)).toEqual(names(theirs));
        }
        if (name === 'nested') {
            // The section's B for the line inside it, the plan's for the line outside; Z nowhere.
            const sources = infos.map(info => provider.getScope(info).getElement(info.reference.$refText)?.path);
            expect(new Set(sources).size).toBe(3);
        }
    });
});
