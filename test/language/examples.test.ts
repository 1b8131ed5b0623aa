/** The verdicts on the three real plans, exactly as domain.md §6 and the issue state them. */
import { describe, expect, test } from 'vitest';
import { check, example } from '../helpers.js';
import { formatMoney } from '../../src/language/model/numbers.js';

describe('Marche 2020', () => {
    test('over-allocated on Allegato B, the grand total, three missing declarations, and nothing else', async () => {
        const checked = await check(example('marche-2020.cpiplan'));
        const summary = checked.diagnostics.filter(d => d.severity === 1).map(d => `${d.code} ${d.range.start.line + 1}`).sort();
        expect(summary).toEqual([
            'missing-declaration 460',
            'missing-declaration 481',
            'missing-declaration 6',
            'over-allocated 444',
            'total-mismatch 493'
        ]);
        const over = checked.diagnostics.find(d => d.code === 'over-allocated')!;
        expect(over.message).toBe('€ 15.525.104,60 programmed on Allegato B d.m. 74/2019 exceeds the € 13.525.104,60 assigned (excess € 2.000.000,00).');
        const total = checked.diagnostics.find(d => d.code === 'total-mismatch')!;
        expect(total.message).toContain('€ 13.525.104,60, but its parts add up to € 15.525.104,60');
        expect(checked.diagnostics.filter(d => d.code === 'missing-declaration').map(d => (d.data as { key: string }).key).sort())
            .toEqual(['coerenza_standard_nazionali', 'governance_lep', 'nessun_compenso_osservatorio']);
    });

    test('sections 4 and 5 are missing: two warnings on the region, not errors', async () => {
        const checked = await check(example('marche-2020.cpiplan'));
        const warnings = checked.diagnostics.filter(d => d.severity !== 1);
        expect(warnings.map(d => [d.code, d.severity, d.range.start.line + 1, (d.data as { section: string }).section])).toEqual([
            ['missing-section', 2, 6, '4'],
            ['missing-section', 2, 6, '5']
        ]);
        expect(warnings[0].message).toBe('Section 4 "Il modello di governance del piano di rafforzamento", required by DM 74/2019, is missing.');
    });

    test('caps are respected, with the headroom the cap notes imply', async () => {
        const evaluation = (await check(example('marche-2020.cpiplan'))).evaluation();
        expect(evaluation.caps.map(c => [c.line.code, formatMoney(c.charged), formatMoney(c.cap), formatMoney(c.headroom)])).toEqual([
            ['3.1', '€ 200.000,00', '€ 202.876,57', '€ 2.876,57'],
            ['3.2', '€ 670.000,00', '€ 676.255,23', '€ 6.255,23'],
            ['3.3', '€ 270.000,00', '€ 270.502,09', '€ 502,09'],
            ['3.6', '€ 347.104,60', '€ 541.004,18', '€ 193.899,58']
        ]);
        expect(evaluation.grandTotal).toBe(1552510460n);
    });

    test('staffing and statistics add up', async () => {
        const evaluation = (await check(example('marche-2020.cpiplan'))).evaluation();
        const staff = evaluation.staffTables[0];
        expect(staff.total).toBe(338);
        expect(Object.fromEntries(staff.byCategory)).toEqual({ B: 60, C: 156, D: 122 });
        expect(staff.offices).toHaveLength(14);
        expect(evaluation.movements[0]).toMatchObject({ entries: 43, exits: 27, progressions: 23, net: 16 });
        const mismatched = evaluation.totals.filter(t => t.declared !== t.computed);
        expect(mismatched.map(t => t.subject.of)).toEqual(['plan']);
        expect(evaluation.totals.filter(t => t.subject.of.startsWith('statistics')).length).toBeGreaterThan(50);
    });
});

describe("Valle d'Aosta 2020", () => {
    test('has no diagnostics at all', async () => {
        const checked = await check(example('valle-d-aosta-2020.cpiplan'));
        expect(checked.diagnostics).toEqual([]);
    });

    test('caps on the Allegato B part hold; the Allegato C part of 3.6 is outside the cap', async () => {
        const evaluation = (await check(example('valle-d-aosta-2020.cpiplan'))).evaluation();
        expect(evaluation.caps.map(c => [c.line.code, formatMoney(c.charged), formatMoney(c.cap)])).toEqual([
            ['3.1', '€ 24.600,00', '€ 24.603,75'],
            ['3.2', '€ 82.000,00', '€ 82.012,51'],
            ['3.3', '€ 30.000,00', '€ 32.805,00'],
            ['3.6', '€ 65.600,00', '€ 65.610,01']
        ]);
        const line36 = evaluation.lines.find(l => l.line.code === '3.6')!;
        expect(formatMoney(line36.total)).toBe('€ 85.590,16');
        expect(evaluation.sources.map(s => [s.source.name, formatMoney(s.programmed), formatMoney(s.remaining!)])).toEqual([
            ['B', '€ 1.640.250,18', '€ 0,00'],
            ['C', '€ 140.940,00', '€ 0,00']
        ]);
        expect(formatMoney(evaluation.grandTotal)).toBe('€ 1.781.190,18');
    });

    test('staff, costs and co-financing add up', async () => {
        const evaluation = (await check(example('valle-d-aosta-2020.cpiplan'))).evaluation();
        expect(evaluation.staffTables[0].offices.map(o => o.total)).toEqual([27, 10]);
        expect(evaluation.staffTables[0].total).toBe(37);
        expect(evaluation.personnelCosts.map(c => [formatMoney(c.total), formatMoney(c.shares)])).toEqual([
            ['€ 704.345,00', '€ 704.345,00'],
            ['€ 1.199.620,00', '€ 1.199.620,00']
        ]);
        expect(evaluation.personnelCosts[0].rows.map(r => r.expected)).toEqual([14614500n, 55820000n]);
    });
});

describe('Puglia 2020', () => {
    test('has no errors and no warnings', async () => {
        const checked = await check(example('puglia-2020.cpiplan'));
        expect(checked.diagnostics).toEqual([]);
    });

    test('indicators: targets, cumulative values, progress', async () => {
        const evaluation = (await check(example('puglia-2020.cpiplan'))).evaluation();
        const rate = evaluation.indicators.find(i => i.indicator.title.startsWith('Tasso di intermediazione'))!;
        expect(rate.baseline).toEqual({ units: 12n, scale: 1 });
        expect(rate.values.map(v => v.node.period)).toEqual(['2019', '2020']);
        expect(rate.progress).toEqual({ units: 5000n, scale: 2 }); // (3,7 − 1,2) / (6,2 − 1,2) = 50%
        const plans = evaluation.indicators.find(i => i.indicator.title === 'N. PdSP (triennio)')!;
        expect(plans.target).toEqual({ units: 50006n, scale: 0 });
        expect(plans.progress).toEqual({ units: 100n, scale: 0 });
        expect(evaluation.indicators.every(i => i.decreasing.length === 0)).toBe(true);
        expect(evaluation.indicators.length).toBeGreaterThan(35);
    });
});
