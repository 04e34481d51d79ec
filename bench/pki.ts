/**
 * Time to create every keyset of a new cluster (main + events etcd), as a ratio to running `openssl genrsa 2048`
 * the same number of times in the same run. Not a test: prints figures only.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { openVfs } from '../src/statestore/index.js';
import { Keystore, clusterKeysetNames } from '../src/pki/keystore.js';
import { systemIssueEnv } from '../src/pki/certificates.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const names = clusterKeysetNames(['main', 'events']);

let ours = 0;
let openssl = 0;
for (let round = 0; round < rounds; round++) {
  const keystore = new Keystore(openVfs(`memfs://bench/pki-${round}/pki`), systemIssueEnv);
  let t = performance.now();
  await keystore.ensureKeysets(names);
  ours += performance.now() - t;

  t = performance.now();
  for (let i = 0; i < names.length; i++) execFileSync('openssl', ['genrsa', '2048'], { stdio: ['ignore', 'ignore', 'ignore'] });
  openssl += performance.now() - t;
}
const perCluster = (ms: number) => (ms / rounds).toFixed(0);
console.log(`pki: ${names.length} keysets per cluster, ${rounds} rounds`);
console.log(`  kops-ts create all keysets: ${perCluster(ours)} ms per cluster`);
console.log(`  openssl genrsa 2048 x${names.length}: ${perCluster(openssl)} ms`);
console.log(`  ratio (ours / openssl): ${(ours / openssl).toFixed(2)}`);
