/**
 * The yaml functions the CLI loads on demand (`await import('./yaml-lazy.js')`): importing the library itself that way
 * would give only its CommonJS default export once it is bundled.
 */
export { parse, stringify } from 'yaml';
