/** "Paste as cpiplan": a tab-separated table from the clipboard as the sources, lines and totals of a plan, or nothing when it is not one. */
import { recogniseFramework } from './framework.js';
import { gridOfText } from './grid.js';
import { writePlan } from './write-plan.js';

/** The text to insert for pasted `clipboard`, or undefined when it holds no table of amounts. */
export function pasteAsCpiplan(clipboard: string): string | undefined {
    if (!clipboard.includes('\t')) {
        return undefined;
    }
    const framework = recogniseFramework(gridOfText(clipboard));
    if (!framework || framework.lines.length === 0) {
        return undefined;
    }
    return writePlan(undefined, framework, [], 'appunti');
}
