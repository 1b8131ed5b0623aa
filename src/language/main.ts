/** Entry of the bundled language server that the VS Code extension starts. */
import { findRulesDir } from './workspace.js';
import { startLanguageServer } from './server.js';

startLanguageServer(findRulesDir(typeof __dirname === 'string' ? __dirname : process.cwd()));
