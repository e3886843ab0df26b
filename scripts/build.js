// Bundle the CLI into dist/ with esbuild: one entry file keeps Node's
// start-up short (the whole-tree run has a 0.3 s budget, start-up included).
// Code splitting lets heavy, rarely used parts (mail parsing) load on demand.
// `--bench` bundles the benchmark (bench/run.ts) into dist/bench/ instead: it
// is measured as shipped, without a TypeScript loader in the way.
import {readdirSync, rmSync} from 'node:fs'
import {build} from 'esbuild'

const common = {
  bundle: true,
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
}

if (process.argv.includes('--bench')) {
  await build({...common, entryPoints: {run: 'bench/run.ts'}, outdir: 'dist/bench'})
} else {
  // Chunk names carry content hashes: drop the previous build's, or they pile up.
  for (const name of safeList('dist')) if (/\.js(\.map)?$/.test(name)) rmSync(`dist/${name}`)
  await build({...common, entryPoints: {cli: 'src/cli/main.ts'}, outdir: 'dist', splitting: true})
}

function safeList(dir) {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
