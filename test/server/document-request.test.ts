/** The server's `cpiplan/document` request: the document the VS Code command saves, with the plan's open problems. */
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { registerRequests } from '../../src/server/requests.js';
import { requests, type DocumentParams, type DocumentResult } from '../../src/protocol.js';
import { example, testServices } from '../helpers.js';

/** A connection that only records the request handlers. */
function recordingConnection() {
    const handlers = new Map<string, (params: unknown) => Promise<unknown>>();
    const connection = { onRequest: (name: string, handler: (params: unknown) => Promise<unknown>) => { handlers.set(name, handler); } };
    return { connection: connection as unknown as Connection, handlers };
}

describe('cpiplan/document', () => {
    test('Markdown with the draft mark and the number of problems; DOCX as base64', async () => {
        const { connection, handlers } = recordingConnection();
        const services = await testServices();
        registerRequests(connection, services);
        const workspace = services.shared.workspace;
        const document = workspace.LangiumDocumentFactory.fromString(example('marche-2020.cpiplan'), URI.file('/test/document-request.cpiplan'));
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: true });
        const handler = handlers.get(requests.document);
        expect(handler).toBeDefined();
        const uri = document.uri.toString();
        const md = await handler?.({ uri, format: 'md' } satisfies DocumentParams) as DocumentResult;
        expect(md.problems).toBe(5);
        expect(md.encoding).toBe('utf8');
        expect(md.content).toContain('**BOZZA – 5 problemi aperti**');
        const docx = await handler?.({ uri, format: 'docx' } satisfies DocumentParams) as DocumentResult;
        expect(docx.encoding).toBe('base64');
        expect(Buffer.from(docx.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    });
});
