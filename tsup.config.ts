import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';

const resolveFromHere = createRequire(import.meta.url);

export default defineConfig({
  entry: { kops: 'src/cli/main.ts', nodeup: 'src/nodeup/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: true,
  clean: false,
  sourcemap: false,
  // Bundled CommonJS code (commander, yaml) calls require for Node built-ins: each output file gets one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as kopsCreateRequire } from 'node:module';\nconst require = kopsCreateRequire(import.meta.url);" },
  // The AWS SDK, yaml, commander and the X.509 library are bundled: Node then compiles them as part of our chunks
  // instead of scanning each CommonJS file for its exports when it is imported, which cost a no-op update about a
  // second. Chunks stay split, so commands load only what they import (`kops version` loads no SDK). The Google,
  // Kubernetes and HCL libraries stay external: they read files next to their own sources.
  external: [/^@google-cloud\//, /^@kubernetes\//, /^@cdktf\//],
  noExternal: [/^@aws-sdk\//, /^@smithy\//, /^@aws-crypto\//, /^@peculiar\//, /^yaml$/, /^commander$/],
  esbuildPlugins: [
    {
      // The X.509 library's CommonJS build, so that it is evaluated where it is imported, after `reflect-metadata`
      // (its ES build would be hoisted above that import, and its dependency injection fails without it).
      name: 'x509-commonjs',
      setup(build) {
        build.onResolve({ filter: /^@peculiar\/x509$/ }, () => ({ path: resolveFromHere.resolve('@peculiar/x509') }));
      },
    },
  ],
});
