/** Synthetic plans for the benchmark: many lines, items, sources, offices and staff rows. */

/**
 * A plan of about `targetLines` lines, well-formed, consistent and clean under the shipped rule
 * set (no diagnostic at all): written with the outline of DM 74/2019 as the real plans are (every
 * required section present, short), the figures at plan level between sections 2 and 3, each
 * source assigned exactly what the lines programme on it.
 */
export function syntheticPlan(targetLines: number): string {
    const head: string[] = [
        'piano "Sintetico" periodo 2019-2021 regole "DM 74/2019"',
        'sezione 1 "Il quadro di contesto" {',
        '    sezione 1.1 "Il quadro di contesto normativo e organizzativo" { testo "Contesto." }',
        '    sezione 1.2 "Il personale in servizio" { testo "Personale." }',
        '    sezione 1.3 "Le attività dei CPI" { testo "Attività." }',
        '    sezione 1.4 "I sistemi informativi" { testo "Sistemi." }',
        '    sezione 1.5 "Osservatorio regionale del mercato del lavoro" { testo "Osservatorio." }',
        '}',
        'sezione 2 "Obiettivi, linee di intervento e quadro finanziario generale" {',
        '    sezione 2.1 "Obiettivi generali" { testo "Obiettivi." }',
        '    sezione 2.2 "Linee di intervento e quadro finanziario" { testo "Quadro finanziario." }',
        '}'
    ];
    const sources = ['B', 'C'];
    const sourcesAt = head.length;
    head.push('', '');
    const offices = Math.max(2, Math.round(targetLines / 100));
    for (let o = 0; o < offices; o++) {
        head.push(`cpi ufficio_${o} "CPI ${o}" residenti 12.345 iscritti 1.234`);
    }
    for (let p = 0; p < 20; p++) {
        head.push(`profilo profilo_${p} "Profilo ${p}" categoria ${'BCD'[p % 3]} costo € 45.000,00`);
    }
    head.push('personale al 24/11/2020 "Dotazione" {');
    for (let o = 0; o < offices; o++) {
        head.push(`    ufficio ufficio_${o} {`);
        for (let p = 0; p < 10; p++) {
            head.push(`        profilo_${p} ${'BCD'[p % 3]} ${p + 1}`);
        }
        head.push('        totale 55 di cui B 22, C 15, D 18');
        head.push('    }');
    }
    head.push('}');
    const tail: string[] = [
        'sezione 3 "Descrizione degli interventi e dei servizi programmati" { testo "Interventi." }',
        'sezione 4 "Il modello di governance del piano di rafforzamento" {',
        '    dichiarazione governance_lep "DM 22 maggio 2020, ANPAL, LEP."',
        '}',
        'sezione 5 "Riprogrammazione delle risorse" {',
        '    dichiarazione riprogrammazione "Le risorse potranno essere riprogrammate."',
        '}'
    ];
    const lines: string[] = [];
    let line = 0;
    while (head.length + lines.length + tail.length < targetLines) {
        line++;
        lines.push(`linea "Linea ${line}" {`);
        for (let i = 0; i < 20; i++) {
            lines.push(`    voce "Voce ${line}.${i}" € 1.234,50 su ${sources[i % 2]}`);
        }
        lines.push('    totale € 24.690,00');
        lines.push('}');
    }
    // Ten items of € 1.234,50 on each source in every line.
    const assigned = euros(BigInt(line) * 1_234_500n);
    head[sourcesAt] = `fonte B "Allegato B d.m. 74/2019" tipo allegato_B assegnato € ${assigned}`;
    head[sourcesAt + 1] = `fonte C "Allegato C d.m. 74/2019" tipo allegato_C assegnato € ${assigned}`;
    return [...head, ...lines, ...tail].join('\n') + '\n';
}

/** Cents as an Italian amount: `1.234.500,00`. */
function euros(cents: bigint): string {
    const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${whole},${(cents % 100n).toString().padStart(2, '0')}`;
}
