/** The benchmark's yardsticks: ledgers of exactly the plan's line count, that the reference checkers accept. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { beancountLedger, ledgerJournal } from '../../bench/ledgers.js';
import { summarizeCpu } from '../../bench/profile.js';

const installed = (program: string) => !spawnSync(program, ['--version']).error;

describe('generated ledgers', () => {
    test.each([1_000, 1_018, 10_006])('%i lines exactly, in both formats', lines => {
        expect(beancountLedger(lines).split('\n')).toHaveLength(lines + 1);
        expect(ledgerJournal(lines).split('\n')).toHaveLength(lines + 1);
    });

    test('every transaction balances: one debit and one credit of the same amount', () => {
        const postings = ledgerJournal(1_000).split('\n').filter(l => /^ {4}\S+ {2}-?\d/.test(l) && !l.includes('900000000'));
        expect(postings.length).toBeGreaterThan(400);
        const sum = postings.reduce((total, l) => total + Math.round(Number(/(-?[\d.]+) EUR/.exec(l)?.[1]) * 100), 0);
        expect(sum).toBe(0);
    });

    test.skipIf(!installed('ledger') || !installed('hledger') || !installed('bean-check'))('the reference checkers accept them', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpiplan-ledgers-'));
        try {
            fs.writeFileSync(path.join(dir, 'l.beancount'), beancountLedger(1_000));
            fs.writeFileSync(path.join(dir, 'l.journal'), ledgerJournal(1_000));
            expect(spawnSync('bean-check', ['-C', path.join(dir, 'l.beancount')], { encoding: 'utf8' }).status).toBe(0);
            expect(spawnSync('hledger', ['check', '-f', path.join(dir, 'l.journal')], { encoding: 'utf8' }).status).toBe(0);
            expect(spawnSync('ledger', ['-f', path.join(dir, 'l.journal'), 'bal'], { encoding: 'utf8' }).status).toBe(0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('cpu profile summary', () => {
    test('self time goes to the sampled frame, from the given time on', () => {
        const frame = (id: number, functionName: string) => ({ id, callFrame: { functionName, url: '', lineNumber: -1, columnNumber: -1 } });
        const profile = {
            nodes: [frame(1, '(root)'), frame(2, 'parse'), frame(3, 'validate')],
            startTime: 0,
            endTime: 400,
            samples: [2, 2, 3, 3, 3],
            timeDeltas: [0, 100, 100, 100, 100]
        };
        // Sample i lasts until sample i+1: parse 200 µs, validate 200 µs (the last sample has no end).
        expect(summarizeCpu(profile)).toMatch(/0\.2 ms +50\.0% +parse/);
        expect(summarizeCpu(profile, { fromMicros: 200 })).toMatch(/0\.2 ms +100\.0% +validate/);
    });

    test('total time counts a function once for all its callees', () => {
        const frame = (id: number, functionName: string, children: number[] = []) => ({ id, callFrame: { functionName, url: '', lineNumber: -1, columnNumber: -1 }, children });
        const profile = {
            nodes: [frame(1, '(root)', [2]), frame(2, 'build', [3, 4]), frame(3, 'parse'), frame(4, 'validate')],
            startTime: 0,
            endTime: 400,
            samples: [2, 3, 4, 4, 4],
            timeDeltas: [0, 100, 100, 100, 100]
        };
        const totals = summarizeCpu(profile).split('self time by module:')[0];
        expect(totals).toMatch(/0\.4 ms +100\.0% +build/);
        expect(totals).toMatch(/0\.2 ms +50\.0% +validate/);
    });
});
