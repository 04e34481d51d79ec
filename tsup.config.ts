import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { kops: 'src/cli/main.ts', nodeup: 'src/nodeup/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: true,
  clean: false,
  sourcemap: false,
  banner: { js: '#!/usr/bin/env node' },
  // The AWS SDK and client-node stay external: they are loaded lazily only by commands that talk to a cloud,
  // so `kops version` starts without parsing them.
  external: [/^@aws-sdk\//, /^@google-cloud\//, /^@kubernetes\//, /^@cdktf\//, /^@peculiar\//],
});
