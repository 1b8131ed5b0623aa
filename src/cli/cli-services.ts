/**
 * The language's services for one command. A start-up snapshot holds a set made (and its parser
 * built) when the snapshot was built; the first command of the process takes that set when it is
 * for the same rule-set folder, otherwise a new set is made as in any other run.
 */
import { NodeFileSystem } from 'langium/node';
import { createCpiplanServices, type CpiplanServices } from '../language/cpiplan-module.js';

let prepared: { rulesDir: string | undefined; services: CpiplanServices } | undefined;

/** Keeps a set of services, made in advance, for the first command that asks for this rule-set folder. */
export function prepareServices(rulesDir: string | undefined, services: CpiplanServices): void {
    prepared = { rulesDir, services };
}

/** Services that read files from disk and load the shipped rule sets of `rulesDir`. */
export function cliServices(rulesDir: string | undefined): CpiplanServices {
    const ready = prepared;
    prepared = undefined;
    return ready !== undefined && ready.rulesDir === rulesDir ? ready.services : createCpiplanServices({ ...NodeFileSystem, rulesDir }).Cpiplan;
}
