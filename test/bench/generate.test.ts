/** The benchmark's synthetic plans: of the size asked, and clean, so that `cpiplan check` on them exits 0 and is timed. */
import { describe, expect, test } from 'vitest';
import { syntheticPlan } from '../../bench/generate.js';
import { check } from '../helpers.js';

describe('synthetic plans', () => {
    test.each([1_000, 3_000])('%i lines: no diagnostic under the shipped rule set', async lines => {
        const text = syntheticPlan(lines);
        const count = text.split('\n').length - 1;
        expect(count).toBeGreaterThanOrEqual(lines);
        expect(count).toBeLessThan(lines + 23);
        const checked = await check(text);
        expect(checked.diagnostics.map(d => `${String(d.code)}: ${d.message}`)).toEqual([]);
    });
});
