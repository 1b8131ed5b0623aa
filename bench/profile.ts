/**
 * Summaries of V8 profiles, mapped back to the sources through the bundles' source maps:
 * self time per function and per module (package or source file) from a `.cpuprofile`,
 * retained bytes per object type from a `.heapsnapshot`, and live bytes per allocating
 * function and module from a sampling heap profile.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';

interface CallFrame {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
}

interface ProfileNode {
    id: number;
    callFrame: CallFrame;
    children?: number[];
}

export interface CpuProfile {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
}

const consumers = new Map<string, SourceMapConsumer | undefined>();

function consumerFor(url: string): SourceMapConsumer | undefined {
    if (!consumers.has(url)) {
        let consumer: SourceMapConsumer | undefined;
        try {
            const file = url.startsWith('file:') ? fileURLToPath(url) : url;
            if (fs.existsSync(file + '.map')) {
                consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(file + '.map', 'utf8')));
            }
        } catch {
            consumer = undefined;
        }
        consumers.set(url, consumer);
    }
    return consumers.get(url);
}

export interface Origin {
    /** The package (`langium`, `exceljs`), `src/<file>`, `node:internal`, or a V8 pseudo-frame. */
    module: string;
    /** The function with its original file and line. */
    where: string;
}

/** Where a frame of a bundle comes from, by the bundle's source map. */
export function origin(frame: CallFrame): Origin {
    if (frame.url === '') {
        return { module: frame.functionName || '(anonymous)', where: frame.functionName };
    }
    if (frame.url.startsWith('node:')) {
        return { module: 'node (internals)', where: `${frame.functionName || '(anonymous)'} ${frame.url}` };
    }
    const consumer = consumerFor(frame.url);
    const position = consumer?.originalPositionFor({ line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) });
    const source = position?.source ?? frame.url;
    const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    const module = packageMatch ? packageMatch[1] : source.replace(/^(\.\.\/)+/, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/');
    const shortFile = source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
    const line = position?.line ?? frame.lineNumber + 1;
    return { module, where: `${frame.functionName || position?.name || '(anonymous)'} ${shortFile}:${line}` };
}

function top(map: Map<string, number>, count: number): [string, number][] {
    return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** Self time (ms) per function and per module, from the samples taken at or after `fromMicros` (V8's monotonic clock). */
export function summarizeCpu(profile: CpuProfile, options: { fromMicros?: number; functions?: number; modules?: number; totals?: number } = {}): string {
    const byId = new Map(profile.nodes.map(n => [n.id, n]));
    const selfMicros = new Map<number, number>();
    let time = profile.startTime;
    let total = 0;
    profile.samples.forEach((id, i) => {
        time += profile.timeDeltas[i] ?? 0;
        const delta = profile.timeDeltas[i + 1] ?? 0;
        if (options.fromMicros !== undefined && time < options.fromMicros) {
            return;
        }
        selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
        total += delta;
    });
    const byFunction = new Map<string, number>();
    const byModule = new Map<string, number>();
    for (const [id, micros] of selfMicros) {
        const node = byId.get(id);
        if (!node) {
            continue;
        }
        const { module, where } = origin(node.callFrame);
        byFunction.set(where, (byFunction.get(where) ?? 0) + micros);
        byModule.set(module, (byModule.get(module) ?? 0) + micros);
    }
    // Total (inclusive) time per function: each sample counts once for every distinct function on its stack.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) {
        for (const child of n.children ?? []) {
            parent.set(child, n.id);
        }
    }
    const byFunctionTotal = new Map<string, number>();
    const wheres = new Map<number, string>();
    const whereOf = (id: number) => {
        let where = wheres.get(id);
        if (where === undefined) {
            const node = byId.get(id);
            where = node ? origin(node.callFrame).where : '?';
            wheres.set(id, where);
        }
        return where;
    };
    for (const [id, micros] of selfMicros) {
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
            seen.add(whereOf(at));
        }
        for (const where of seen) {
            byFunctionTotal.set(where, (byFunctionTotal.get(where) ?? 0) + micros);
        }
    }
    const line = ([name, micros]: [string, number]) => `${(micros / 1000).toFixed(1).padStart(9)} ms ${(100 * micros / total).toFixed(1).padStart(5)}%  ${name}`;
    return [
        `sampled ${(total / 1000).toFixed(0)} ms`,
        'total time by function (self and callees; the bundle\'s top level is the loading of every module):',
        ...top(byFunctionTotal, options.totals ?? 20).filter(([name]) => name !== '(root)').map(line),
        'self time by module:',
        ...top(byModule, options.modules ?? 15).map(line),
        'self time by function:',
        ...top(byFunction, options.functions ?? 25).map(line)
    ].join('\n') + '\n';
}

interface HeapSnapshot {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
    strings: string[];
}

/** Self bytes per object type (constructor for objects, V8 type otherwise), and per line of text. */
export function summarizeHeapSnapshot(snapshot: HeapSnapshot, lines: number, count = 25): string {
    const fields = snapshot.snapshot.meta.node_fields;
    const types = snapshot.snapshot.meta.node_types[0];
    const width = fields.length;
    const typeAt = fields.indexOf('type');
    const nameAt = fields.indexOf('name');
    const sizeAt = fields.indexOf('self_size');
    const bytes = new Map<string, number>();
    const counts = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < snapshot.nodes.length; i += width) {
        const type = types[snapshot.nodes[i + typeAt]];
        const name = snapshot.strings[snapshot.nodes[i + nameAt]];
        const key = type === 'object' || type === 'closure' ? `${type} ${name}` : type === 'native' || type === 'hidden' || type === 'array' ? `${type} ${name.slice(0, 40)}` : `(${type})`;
        const size = snapshot.nodes[i + sizeAt];
        bytes.set(key, (bytes.get(key) ?? 0) + size);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        total += size;
    }
    const rows = top(bytes, count).map(([key, size]) =>
        `${(size / 2 ** 20).toFixed(1).padStart(8)} MiB ${(size / lines).toFixed(0).padStart(6)} B/line ${String(counts.get(key)).padStart(9)} objects ${(counts.get(key) ?? 0) / lines >= 0.1 ? ((counts.get(key) ?? 0) / lines).toFixed(1).padStart(6) + '/line' : '           '}  ${key}`);
    return [`heap snapshot: ${(total / 2 ** 20).toFixed(1)} MiB in ${snapshot.nodes.length / width} objects, ${(total / lines).toFixed(0)} B per line (${lines} lines)`, ...rows].join('\n') + '\n';
}

interface SamplingNode {
    callFrame: CallFrame;
    selfSize: number;
    children: SamplingNode[];
}

/** Live bytes per allocating function and module, from a sampling heap profile. */
export function summarizeSamplingHeap(head: SamplingNode, lines: number, count = 20): string {
    const byFunction = new Map<string, number>();
    const byModule = new Map<string, number>();
    let total = 0;
    const visit = (node: SamplingNode) => {
        if (node.selfSize > 0) {
            const { module, where } = origin(node.callFrame);
            byFunction.set(where, (byFunction.get(where) ?? 0) + node.selfSize);
            byModule.set(module, (byModule.get(module) ?? 0) + node.selfSize);
            total += node.selfSize;
        }
        node.children.forEach(visit);
    };
    visit(head);
    const line = ([name, size]: [string, number]) => `${(size / 2 ** 20).toFixed(1).padStart(8)} MiB ${(size / lines).toFixed(0).padStart(6)} B/line  ${name}`;
    return [
        `sampled live allocations: ${(total / 2 ** 20).toFixed(1)} MiB, ${(total / lines).toFixed(0)} B per line`,
        'by module:', ...top(byModule, 12).map(line),
        'by allocating function:', ...top(byFunction, count).map(line)
    ].join('\n') + '\n';
}
