/** Entry of the bundled language server that the VS Code extension starts. */
import { findRulesDir } from '../language/workspace.js';
import { startLanguageServer } from './start-server.js';

startLanguageServer(findRulesDir(typeof __dirname === 'string' ? __dirname : process.cwd()));
