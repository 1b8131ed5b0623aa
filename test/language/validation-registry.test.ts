/**
 * The validation registry calls synchronous checks without wrapping them in promises
 * (bench/PROFILE.md, round 3); what a check reports, throws or rejects comes out as with Langium's.
 */
import { EmptyFileSystem, URI, type ValidationAcceptor } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { createCpiplanServices } from '../../src/language/cpiplan-module.js';
import { CpiplanValidationRegistry } from '../../src/language/validation/registry.js';

async function validate(checks: ((node: unknown, accept: ValidationAcceptor) => unknown)[]): Promise<string[]> {
    const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem });
    Cpiplan.validation.ValidationRegistry.register({ Plan: checks as never });
    const document = Cpiplan.shared.workspace.LangiumDocumentFactory.fromString('piano "Test"\n', URI.file('/test/registry.cpiplan'));
    Cpiplan.shared.workspace.LangiumDocuments.addDocument(document);
    await Cpiplan.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return (document.diagnostics ?? []).map(d => d.message).filter(m => /boom|late|early/.test(m));
}

describe('the validation registry', () => {
    test('is cpiplan\'s', () => {
        const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem });
        expect(Cpiplan.validation.ValidationRegistry).toBeInstanceOf(CpiplanValidationRegistry);
    });

    test('reports what synchronous and asynchronous checks accept, in the order of the checks', async () => {
        const messages = await validate([
            (_node, accept) => accept('warning', 'early', { node: _node as never }),
            async (node, accept) => {
                await new Promise(resolve => setTimeout(resolve, 5));
                accept('warning', 'late', { node: node as never });
            },
            (node, accept) => accept('warning', 'early again', { node: node as never })
        ]);
        expect(messages).toEqual(['early', 'late', 'early again']);
    });

    test('a check that throws, or rejects, becomes an error on the node, as with Langium; the next checks still run', async () => {
        const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const messages = await validate([
                () => {
                    throw new Error('boom now');
                },
                async () => {
                    await Promise.resolve();
                    throw new Error('boom later');
                },
                (node, accept) => accept('warning', 'early', { node: node as never })
            ]);
            expect(messages).toEqual([
                'An error occurred during validation: boom now', 'An error occurred during validation: boom later', 'early'
            ]);
        } finally {
            error.mockRestore();
        }
    });

    test('a synchronous check is not awaited: the walk goes on in the same task', () => {
        const { Cpiplan } = createCpiplanServices({ ...EmptyFileSystem });
        const calls: string[] = [];
        Cpiplan.validation.ValidationRegistry.register({ Plan: (() => { calls.push('check'); }) as never });
        const check = Cpiplan.validation.ValidationRegistry.getChecks('Plan').toArray().at(-1);
        if (check === undefined) {
            throw new Error('no check');
        }
        const result = check({ $type: 'Plan' } as never, () => undefined, undefined as never);
        expect(result).toBeUndefined();
        expect(calls).toEqual(['check']);
    });
});
