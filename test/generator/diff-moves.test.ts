/** `cpiplan diff` against the moves a version declares: the next version consolidates them, and the diff must agree. */
import { describe, expect, test } from 'vitest';
import { diffPlans } from '../../src/language/model/diff.js';
import { movesAgainstDiff } from '../../src/language/model/diff-moves.js';
import { check, header } from '../helpers.js';

const framework = (a: string, b: string, c: string) => `${header}
linea 3.1 "Comunicazione" { voce "Campagna" € ${a} su B }
linea 3.4 "Sedi" { voce "Immobili" € ${b} su B voce "Arredi" € 50.000,00 su B }
linea 3.6 "Spese generali" { voce "Assistenza tecnica" € ${c} su B }
`;
const moves = `riprogrammazione "Rimodulazione 2021" approvata con PD 1234/2021 del 01/06/2021 {
    sposta € 4.000,00 dalla linea 3.4 voce "Immobili" alla linea 3.1
    sposta € 1.000,00 dalla linea 3.4 alla linea 3.6
}`;
const declared = framework('20.000,00', '600.000,00', '60.000,00') + moves;

async function agreement(consolidated: string) {
    return movesAgainstDiff(diffPlans((await check(declared)).evaluation(), (await check(consolidated)).evaluation()));
}

describe('diff against declared moves', () => {
    test('the version that consolidates the moves differs by exactly them, line by line and per source', async () => {
        const result = await agreement(framework('24.000,00', '595.000,00', '61.000,00'));
        expect(result.map(a => [a.what, a.declared, a.found, a.agrees])).toEqual([
            [{ line: '3.1' }, 400000n, 400000n, true],
            [{ line: '3.4' }, -500000n, -500000n, true],
            [{ line: '3.6' }, 100000n, 100000n, true]
        ]);
    });

    test('a consolidation that moved a different amount disagrees, on the lines it got wrong', async () => {
        const result = await agreement(framework('24.000,00', '594.000,00', '62.000,00'));
        expect(result.filter(a => !a.agrees).map(a => [a.what, a.declared, a.found])).toEqual([
            [{ line: '3.4' }, -500000n, -600000n],
            [{ line: '3.6' }, 100000n, 200000n]
        ]);
    });

    test('a version that moves nothing has nothing to agree with', async () => {
        const plain = framework('20.000,00', '600.000,00', '60.000,00');
        expect(movesAgainstDiff(diffPlans((await check(plain)).evaluation(), (await check(plain)).evaluation()))).toEqual([]);
    });
});
