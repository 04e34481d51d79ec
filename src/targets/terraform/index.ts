export { renderTerraform, type TerraformOptions, type TerraformOutput } from './render.js';
export { writeTerraformOutput } from './output-dir.js';
