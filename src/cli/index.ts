/** Entry of the bundled CLI. The compile cache goes first, so that it sees the bundles loaded after it. */
import * as path from 'node:path';
import { enableCompileCache } from './compile-cache.js';
import { main } from './main.js';

const here = typeof __dirname === 'string' ? __dirname : process.cwd();
enableCompileCache(filename => path.dirname(filename) === here && filename.endsWith('.cjs'));
void main(process.argv);
