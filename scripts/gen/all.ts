import { generateApiFiles } from './api.js';
import { generateAssetHashes } from './asset-hashes.js';

/** Every generated file of the repository: path from the repository root -> content. */
export function generatedFiles(): Map<string, string> {
  return new Map([...generateApiFiles(), ...generateAssetHashes()]);
}
