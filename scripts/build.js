// Bundle the CLI into dist/ with esbuild: one entry file keeps Node's
// start-up short (the whole-tree run has a 0.3 s budget, start-up included).
// Code splitting lets heavy, rarely used parts (mail parsing) load on demand.
import {build} from 'esbuild'

await build({
  entryPoints: {cli: 'src/cli/main.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    // Some bundled CommonJS dependencies call require(); give them one.
    js: "import {createRequire as __qrlCreateRequire} from 'node:module';const require = __qrlCreateRequire(import.meta.url);",
  },
})
