/**
 * `npm run api-coverage`: for each cloud with a field registry, how the Cluster and InstanceGroup spec leaves are
 * classed. `-v` lists the silently ignored leaves (and the pending ones, with who owns them).
 */
import { classifyLeaves } from '../src/apis/fields/coverage.js';
import { REGISTRIES } from '../src/apis/fields/index.js';
import { coverageCounts, describeCounts } from '../src/apis/fields/counts.js';

const verbose = process.argv.includes('-v');
for (const [cloud, registry] of Object.entries(REGISTRIES)) {
  const leaves = classifyLeaves(cloud, registry);
  const counts = coverageCounts(leaves);
  console.log(describeCounts(cloud, counts));
  if (verbose) for (const line of counts.ignoredLines) console.log(`  ${line}`);
}
