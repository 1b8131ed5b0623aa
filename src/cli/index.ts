/** Entry of the bundled CLI. */
import { main } from './main.js';

void main(process.argv);
