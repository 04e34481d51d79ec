/**
 * `npm run api-coverage`: for each cloud with a field registry, how the Cluster and InstanceGroup spec leaves are
 * classed. `-v` lists the silently ignored leaves (and the pending ones, with who owns them).
 */
import { resolve } from 'node:path';
import { classifyLeaves } from '../src/apis/fields/coverage.js';
import { REGISTRIES } from '../src/apis/fields/index.js';
import { coverageCounts, describeCounts } from '../test/apis/fields/counts.js';
import { flagFields, readFlagTable } from '../test/apis/fields/flag-table.js';

const sharedDir = resolve(import.meta.dirname, '../../shared');
const verbose = process.argv.includes('-v');
const flags = flagFields(readFlagTable(sharedDir));
for (const [cloud, registry] of Object.entries(REGISTRIES)) {
  const leaves = classifyLeaves(cloud, registry, flags);
  const counts = await coverageCounts(leaves);
  console.log(describeCounts(cloud, counts));
  if (verbose) for (const line of counts.ignoredLines) console.log(`  ${line}`);
}
