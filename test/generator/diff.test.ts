/** The reprogramming diff between two versions of a plan. */
import { describe, expect, test } from 'vitest';
import { diffPlans } from '../../src/language/model/diff.js';
import { diffJson, diffTables } from '../../src/generator/diff-tables.js';
import { renderMarkdown } from '../../src/generator/render.js';
import { check, example, header } from '../helpers.js';

async function diffOf(before: string, after: string) {
    return diffPlans((await check(before)).evaluation(), (await check(after)).evaluation());
}

const base = `${header}
linea 3.1 "Comunicazione" { voce "Campagna" € 20.000,00 su B }
linea 3.4 "Sedi" {
    voce "Immobili" € 600.000,00 su B
    voce "Arredi" € 50.000,00 su B
}
linea 3.6 "Spese generali" { voce "Assistenza tecnica" € 85.590,16 su B € 65.600,00, C € 19.990,16 }
`;

describe('diff', () => {
    test('an item changed: old, new, change, per source, and the cap before and after', async () => {
        const diff = await diffOf(base, base.replace('€ 20.000,00', '€ 24.000,00'));
        const line = diff.lines.find(l => l.key === '3.1')!;
        expect(line.status).toBe('changed');
        expect(line.items[0]).toMatchObject({ title: 'Campagna', status: 'changed', amount: { before: 2000000n, after: 2400000n, change: 400000n } });
        expect(line.items[0].bySource.get('B')).toEqual({ before: 2000000n, after: 2400000n, change: 400000n });
        expect(line.caps[0]).toMatchObject({ cap: { before: 2460375n, after: 2460375n }, headroom: { before: 460375n, after: 60375n } });
        expect(diff.grandTotal.change).toBe(400000n);
        expect(diff.lines.find(l => l.key === '3.4')!.status).toBe('unchanged');
    });

    test('an item moved between lines is reported once, where it went, with where it came from', async () => {
        const after = base.replace('    voce "Arredi" € 50.000,00 su B\n', '').replace('linea 3.1 "Comunicazione" { voce "Campagna" € 20.000,00 su B }',
            'linea 3.1 "Comunicazione" {\n    voce "Campagna" € 20.000,00 su B\n    voce "Arredi" € 50.000,00 su B\n}');
        const diff = await diffOf(base, after);
        expect(diff.lines.find(l => l.key === '3.1')!.items.find(i => i.title === 'Arredi')).toMatchObject({ status: 'moved', movedFrom: '3.4', amount: { change: 0n } });
        expect(diff.lines.find(l => l.key === '3.4')!.items.map(i => i.title)).toEqual(['Immobili']);
        expect(diff.lines.find(l => l.key === '3.4')!.total.change).toBe(-5000000n);
        expect(renderMarkdown(diffTables(diff))).toContain('| Arredi | spostata da 3.4 |');
    });

    test('a source split changed: per-source changes, same amount', async () => {
        const diff = await diffOf(base, base.replace('su B € 65.600,00, C € 19.990,16', 'su B € 60.000,00, C € 25.590,16'));
        const item = diff.lines.find(l => l.key === '3.6')!.items[0];
        expect(item.status).toBe('changed');
        expect(item.amount.change).toBe(0n);
        expect(item.bySource.get('B')!.change).toBe(-560000n);
        expect(item.bySource.get('C')!.change).toBe(560000n);
        expect(diff.sources.find(s => s.name === 'C')!.programmed).toEqual({ before: 1999016n, after: 2559016n, change: 560000n });
    });

    test('items and lines added and removed', async () => {
        const after = base.replace('linea 3.1 "Comunicazione" { voce "Campagna" € 20.000,00 su B }\n', '')
            + 'linea "Azioni di politica attiva" { voce "Progetti" € 10.000,00 su C }\n';
        const diff = await diffOf(base, after);
        expect(diff.lines.map(l => [l.key, l.status])).toEqual([
            ['3.4', 'unchanged'], ['3.6', 'unchanged'], ['Azioni di politica attiva', 'added'], ['3.1', 'removed']
        ]);
        expect(diff.lines.find(l => l.key === '3.1')!.items[0]).toMatchObject({ status: 'removed', amount: { before: 2000000n, change: -2000000n } });
    });

    test("Valle d'Aosta before and after the amendment of PD 6226/2020: declarations added, figures unchanged", async () => {
        const amended = example('valle-d-aosta-2020.cpiplan');
        const original = amended.replace(/^\s*dichiarazione (nessun_compenso_osservatorio|coerenza_standard_nazionali) .*\n/gm, '');
        const diff = await diffOf(original, amended);
        expect(diff.lines.every(l => l.status === 'unchanged')).toBe(true);
        expect(diff.grandTotal).toEqual({ before: 178119018n, after: 178119018n, change: 0n });
        await expect(renderMarkdown(diffTables(diff))).toMatchFileSnapshot('golden/diff-valle-d-aosta.md');
        const json = JSON.parse(diffJson(diff));
        expect(json.grandTotal).toEqual({ before: '178119018', after: '178119018', change: '0' });
        expect(json.lines[0].caps[0]).toMatchObject({ rate: '1,5%', cap: { before: '2460375', after: '2460375' } });
    });
});
