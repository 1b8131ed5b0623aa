/**
 * The local symbols found by walking only where the grammar puts referenceable things (plan and
 * section elements, rule-set source kinds) are those of Langium's walk of every node.
 */
import * as path from 'node:path';
import { AstUtils, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { CpiplanScopeComputation } from '../../src/language/scoping.js';
import { check, example, rulesDir, testServices } from '../helpers.js';

/** What every node's walk gives, as the scope computation's own `addLocalSymbol` keeps it. */
class EveryNode extends CpiplanScopeComputation {
    everyNode(document: LangiumDocument): [AstNode, string[]][] {
        const symbols = new Map<AstNode, string[]>();
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            const one = new (class { add(container: AstNode, description: AstNodeDescription) {
                symbols.set(container, [...symbols.get(container) ?? [], `${description.type} ${description.name}`]);
            } })();
            this.addLocalSymbol(node, document, one as never);
        }
        return [...symbols];
    }
}

async function both(document: LangiumDocument): Promise<{ walked: [AstNode, string[]][]; everyNode: [AstNode, string[]][] }> {
    const services = await testServices();
    const computation = new EveryNode(services);
    const symbols = await computation.collectLocalSymbols(document);
    const everyNode = computation.everyNode(document);
    // Every container the full walk finds, in its order, with what the restricted walk holds for it; and nothing more.
    const walked = everyNode.map(([container]) => [container, symbols.getStream(container).map(d => `${d.type} ${d.name}`).toArray()] as [AstNode, string[]]);
    const containers = new Set(everyNode.map(([container]) => container));
    const extra = AstUtils.streamAst(document.parseResult.value).filter(node => !containers.has(node) && symbols.has(node)).toArray();
    expect(extra).toEqual([]);
    return { walked, everyNode };
}

describe('local symbols', () => {
    test.each(['marche-2020.cpiplan', 'puglia-2020.cpiplan', 'valle-d-aosta-2020.cpiplan'])('%s: the same as a walk of every node', async name => {
        const { document } = await check(example(name));
        const { walked, everyNode } = await both(document);
        expect(walked.length).toBeGreaterThan(0);
        expect(walked).toEqual(everyNode);
    });

    test('sources, offices, profiles and hiring plans nested in sections, and a rule set\'s source kinds', async () => {
        const { document } = await check(`piano "Test" regole "DM 74/2019"
sezione 1 "Uno" {
    sezione 1.1 "Uno.uno" {
        fonte B "B" tipo allegato_B assegnato € 10,00
        cpi nord "Nord"
        profilo p1 "Profilo" categoria C
    }
    assunzioni "Piano" { }
}
linea "L" { voce "V" € 10,00 su B }
`);
        const { walked, everyNode } = await both(document);
        expect(walked.flatMap(([, names]) => names)).toEqual(['FundingSource B', 'Office nord', 'Profile p1', 'HiringPlan Piano']);
        expect(walked).toEqual(everyNode);
        const rules = (await testServices()).shared.workspace.LangiumDocuments.all
            .find(d => d.uri.fsPath === path.join(rulesDir, 'dm74-2019.cpiplan'));
        expect(rules).toBeDefined();
        if (rules) {
            const fromRules = await both(rules);
            expect(fromRules.walked.flatMap(([, names]) => names)).toEqual(['SourceKind allegato_B', 'SourceKind allegato_C']);
            expect(fromRules.walked).toEqual(fromRules.everyNode);
        }
    });
});
