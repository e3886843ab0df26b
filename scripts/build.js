// Bundle the CLI into dist/ with esbuild: one entry file keeps Node's
// start-up short (the whole-tree run has a 0.3 s budget, start-up included).
// Code splitting lets heavy, rarely used parts (mail parsing) load on demand.
import {build} from 'esbuild'

// `--bench`: bundle the benchmark (bench/run.ts) into dist/bench/ instead;
// it is measured as shipped, without a TypeScript loader in the way.
if (process.argv.includes('--bench')) {
  await build({
    entryPoints: {run: 'bench/run.ts'},
    outdir: 'dist/bench',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    banner: {
      js: "import {createRequire as __qrlCreateRequire} from 'node:module';const require = __qrlCreateRequire(import.meta.url);",
    },
  })
  process.exit(0)
}

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
