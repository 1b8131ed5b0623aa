/** Tables of the outline: objectives and results per line, timeline, governance, information systems, reprogramming. */
import { describe, expect, test } from 'vitest';
import { buildTables } from '../../src/generator/build-tables.js';
import { formatCell, renderCsv, renderMarkdown } from '../../src/generator/render.js';
import type { Table } from '../../src/generator/table-model.js';
import { check, example, header } from '../helpers.js';

async function tablesOf(text: string) {
    return buildTables((await check(text)).evaluation());
}

const rows = (table: Table | undefined) => table?.rows.map(r => [r.role, ...r.cells.map(formatCell)]);

describe('outline tables', () => {
    test('objectives and results per line, with targets and times', async () => {
        const tables = await tablesOf(`${header}linea 3.1 "Comunicazione" { voce "Piano" € 10,00 su B }
obiettivi linea 3.1 "I risultati" {
    obiettivo "conoscenza dei servizi" per "cittadini" { indicatore "contatti" obiettivo almeno 3.000 }
    risultato "piano di comunicazione" obiettivo 1 tempi nel triennio 2020-2022
}`);
        expect(rows(tables.tables.find(t => t.group === 'objectives'))).toEqual([
            ['heading', 'Linea 3.1 – I risultati', '', '', '', ''],
            ['item', 'Obiettivo', 'conoscenza dei servizi', 'cittadini', '', ''],
            ['item', 'Indicatore', 'contatti', '', 'almeno 3.000', ''],
            ['item', 'Risultato', 'piano di comunicazione', '', '1', 'nel triennio 2020-2022']
        ]);
    });

    test('timeline, governance and information systems', async () => {
        const tables = await tablesOf(`${header}assunzioni "Fabbisogno" { anno 2020 D 1 }
cronoprogramma { fase "Assunzioni 2020" da marzo 2020 assunzioni "Fabbisogno" fase "Comunicazione" dal 01/03/2020 al 31/12/2020 linea 3.1 nota "n" }
governance { soggetto "ANPAL" ruolo "LEP" affidamenti secondo "D.lgs." 50/2016 "Codice" }
sistema "SIL" { modulo "Job Agency" tipo "back office" servizio "SAP" { accesso "credenziali" interoperabilità con "ANPAL" tramite "Nodo" continua "flusso" } }`);
        const group = (g: string) => rows(tables.tables.find(t => t.group === g));
        expect(group('timeline')).toEqual([
            ['item', 'Assunzioni 2020', 'da marzo 2020', 'Assunzioni "Fabbisogno"', ''],
            ['item', 'Comunicazione', 'dal 01/03/2020 al 31/12/2020', 'Linea 3.1', 'n']
        ]);
        expect(group('governance')).toEqual([['item', 'ANPAL', 'LEP'], ['item', 'Affidamenti', 'secondo D.lgs. 50/2016 – Codice']]);
        expect(group('systems')).toEqual([
            ['heading', 'SIL', '', '', ''],
            ['item', '', 'Modulo', 'Job Agency', 'back office'],
            ['item', 'SAP', 'Accesso', '', 'credenziali'],
            ['item', 'SAP', 'Interoperabilità', 'con ANPAL tramite Nodo continua', 'flusso']
        ]);
    });

    test('reprogramming: the moves, and every line before and after them, in every text format', async () => {
        const tables = await tablesOf(`${header}linea 3.1 "Comunicazione" { voce "Piano" € 20.000,00 su B }
linea 3.6 "Spese generali" { voce "Assistenza" € 10.000,00 su B € 5.000,00, C € 5.000,00 }
riprogrammazione "Rimodulazione" approvata con PD 1234/2021 del 01/06/2021 {
    sposta € 4.000,00 dalla linea 3.6 su B alla linea 3.1
    sposta € 1.000,00 dalla linea 3.6 su C alla linea 3.6 su B
}`);
        const [moves, after] = tables.tables.filter(t => t.group === 'reprogramming');
        expect(rows(moves)).toEqual([
            ['heading', 'Rimodulazione – approvata con PD 1234/2021 del 01/06/2021', '', ''],
            ['item', '3.6 su B', '3.1', '€ 4.000,00'],
            ['item', '3.6 su C', '3.6 su B', '€ 1.000,00']
        ]);
        expect(rows(after)).toEqual([
            ['item', '3.1 - Comunicazione', '€ 20.000,00', '€ 4.000,00', '€ 24.000,00', '€ 24.000,00', '€ 0,00'],
            ['item', '3.6 - Spese generali', '€ 10.000,00', '-€ 4.000,00', '€ 6.000,00', '€ 2.000,00', '€ 4.000,00'],
            ['total', 'Programmato per fonte', '', '', '', '€ 26.000,00', '€ 4.000,00']
        ]);
        expect(renderMarkdown({ plan: 'T', tables: [moves, after] })).toContain('## Quadro finanziario dopo la riprogrammazione');
        expect(renderCsv({ plan: 'T', tables: [moves] })).toContain('3.6 su B');
    });

    test('a plan without these constructs has none of these tables (Puglia)', async () => {
        const tables = await tablesOf(example('puglia-2020.cpiplan'));
        expect(tables.tables.filter(t => ['objectives', 'timeline', 'governance', 'systems', 'reprogramming'].includes(t.group))).toEqual([]);
    });

    test("Valle d'Aosta: governance actors and the SIL VDA's nine services", async () => {
        const tables = await tablesOf(example('valle-d-aosta-2020.cpiplan'));
        expect(tables.tables.find(t => t.group === 'governance')!.rows.map(r => formatCell(r.cells[0]))).toEqual([
            'Ministero del Lavoro', 'ANPAL', 'ANPAL SERVIZI', "Regione Valle d'Aosta – Dipartimento politiche del lavoro e della formazione", 'Soggetti Attuatori', 'Affidamenti'
        ]);
        const services = new Set(tables.tables.find(t => t.group === 'systems')!.rows.filter(r => r.role === 'item').map(r => formatCell(r.cells[0])).filter(s => s !== ''));
        expect(services.size).toBe(9);
    });
});
