// npm's `postinstall`: where the package is installed (not in a checkout, where npm runs it before anything is
// built) on POSIX, makes the start-up snapshot in the package and a launcher that starts it (src/cli/install.ts).
// It never fails the install: whatever goes wrong leaves the JavaScript launcher as it is.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const packageDir = path.join(__dirname, '..');
const cli = path.join(packageDir, 'out', 'cli.cjs');
// Installed: the package's folder is in a node_modules folder (or in a scope's, `node_modules/@scope/`), and is no
// git checkout; a checkout's bin/cpiplan.cjs is the committed file and stays as it is.
const parent = path.dirname(packageDir);
const installed = (path.basename(parent) === 'node_modules' || (path.basename(parent).startsWith('@') && path.basename(path.dirname(parent)) === 'node_modules'))
    && !fs.existsSync(path.join(packageDir, '.git'));
if (process.platform !== 'win32' && installed && fs.existsSync(cli)) {
    process.env.CPIPLAN_INSTALL_LAUNCHER = path.join(__dirname, 'cpiplan.cjs');
    try {
        require(cli);
    } catch (error) {
        process.stderr.write(`cpiplan: install step failed (${error.message}): the JavaScript launcher is kept.\n`);
    }
}
