// npm's `postinstall`: where the package is installed (not in a checkout, where npm runs it before anything is
// built) on POSIX, makes the start-up snapshot in the package and a launcher that starts it (src/cli/install.ts).
// It never fails the install: whatever goes wrong leaves the JavaScript launcher as it is.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'out', 'cli.cjs');
const installed = __dirname.split(path.sep).includes('node_modules');
if (process.platform !== 'win32' && installed && fs.existsSync(cli)) {
    process.env.CPIPLAN_INSTALL_LAUNCHER = path.join(__dirname, 'cpiplan.cjs');
    try {
        require(cli);
    } catch (error) {
        process.stderr.write(`cpiplan: install step failed (${error.message}): the JavaScript launcher is kept.\n`);
    }
}
