export { DocgenCommand } from './docgen-command.js';
