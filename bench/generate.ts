/** Synthetic plans for the benchmark: many lines, items, sources, offices and staff rows. */

/** A plan of about `targetLines` lines, well-formed and consistent. */
export function syntheticPlan(targetLines: number): string {
    const out: string[] = ['piano "Sintetico" periodo 2019-2021 regole "DM 74/2019"'];
    const sources = ['B', 'C', 'R'];
    out.push('fonte B "Allegato B d.m. 74/2019" tipo allegato_B assegnato € 900.000.000,00');
    out.push('fonte C "Allegato C d.m. 74/2019" tipo allegato_C assegnato € 90.000.000,00');
    out.push('fonte R "Fondi regionali" assegnato € 900.000.000,00');
    out.push('sezione 4 "Governance" { dichiarazione governance_lep "DM 22 maggio 2020, ANPAL, LEP." }');
    const offices = Math.max(2, Math.round(targetLines / 100));
    for (let o = 0; o < offices; o++) {
        out.push(`cpi ufficio_${o} "CPI ${o}" residenti 12.345 iscritti 1.234`);
    }
    for (let p = 0; p < 20; p++) {
        out.push(`profilo profilo_${p} "Profilo ${p}" categoria ${'BCD'[p % 3]} costo € 45.000,00`);
    }
    out.push('personale al 24/11/2020 "Dotazione" {');
    for (let o = 0; o < offices; o++) {
        out.push(`    ufficio ufficio_${o} {`);
        for (let p = 0; p < 10; p++) {
            out.push(`        profilo_${p} ${'BCD'[p % 3]} ${p + 1}`);
        }
        out.push('        totale 55 di cui B 22, C 15, D 18');
        out.push('    }');
    }
    out.push('}');
    let line = 0;
    while (out.length < targetLines) {
        line++;
        out.push(`linea "Linea ${line}" {`);
        for (let i = 0; i < 20; i++) {
            out.push(`    voce "Voce ${line}.${i}" € 1.234,50 su ${sources[i % 3]}`);
        }
        out.push('    totale € 24.690,00');
        out.push('}');
    }
    return out.join('\n') + '\n';
}
