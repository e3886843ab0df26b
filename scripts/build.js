// Bundle the CLI into one CommonJS file, dist/cli.cjs, with esbuild, then
// write the V8 code cache bin/qemu-rst-lint.js loads it with: a cold run
// (the whole tree has a 0.3 s budget, start-up included) must not spend its
// time compiling. One file: Node loads one module instead of sixty ESM chunks,
// and one script is what V8 can cache. mailparser (2 MB, only for e-mail
// input) stays outside, required from node_modules when a patch is a mail.
//
// The cache is named after a token written into the bundle, so a cache can
// only ever be used with the bundle it was made from (V8 itself checks only
// the source's length). It is made by a training run on the package's own
// fixtures (src/cli/code-cache-training.ts); without it the CLI still works.
//
// `--bench` bundles the benchmark (bench/run.ts) into dist/bench/ instead: it
// is measured as shipped, without a TypeScript loader in the way.
import {spawnSync} from 'node:child_process'
import {randomUUID} from 'node:crypto'
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
}

/**
 * vfile-reporter's `string-width` becomes src/report/string-width.ts, which
 * answers printable ASCII itself and hands anything else to the library (it
 * measured 8 % of a whole-tree run with the default format; see that file).
 */
const fastStringWidth = {
  name: 'fast-string-width',
  setup(build) {
    const wrapper = fileURLToPath(new URL('../src/report/string-width.ts', import.meta.url))
    build.onResolve({filter: /^string-width$/}, (args) => (args.importer.includes('vfile-reporter') ? {path: wrapper} : undefined))
  },
}

if (process.argv.includes('--bench')) {
  await build({
    ...common,
    format: 'esm',
    entryPoints: {run: 'bench/run.ts'},
    outdir: 'dist/bench',
    // Some bundled CommonJS dependencies call require(); give them one.
    banner: {js: "import {createRequire as __qrlCreateRequire} from 'node:module';const require = __qrlCreateRequire(import.meta.url);"},
  })
} else {
  // Earlier builds' files (chunks of the old ESM layout, caches of other bundles).
  for (const name of safeList('dist')) if (/\.(js|cjs|cache)(\.map)?$/.test(name)) rmSync(`dist/${name}`)
  const token = randomUUID()
  await build({
    ...common,
    format: 'cjs',
    entryPoints: {cli: 'src/cli/main.ts'},
    outExtension: {'.js': '.cjs'},
    outdir: 'dist',
    external: ['mailparser'],
    plugins: [fastStringWidth],
    // The bundle is CommonJS: give `import.meta.url` its file's URL.
    define: {'import.meta.url': '__qrlImportMetaUrl'},
    banner: {js: "const __qrlImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
    footer: {js: `// qrl-build=${token}`},
  })
  asciiOnly('dist/cli.cjs')
  const root = fileURLToPath(new URL('..', import.meta.url))
  const training = spawnSync(process.execPath, [`${root}bin/qemu-rst-lint.js`], {
    env: {...process.env, QRL_CODE_CACHE_TRAINING: root},
    encoding: 'utf8',
  })
  if (training.status !== 0) {
    process.stderr.write(`build: no code cache (the training run failed; the CLI works, only its start is slower)\n${training.stderr ?? ''}`)
  }
}

/**
 * bin/ reads the bundle as latin1, which takes a third of the time UTF-8
 * decoding does, so it must be pure ASCII. esbuild already escapes strings and
 * regexes; what is left is comments (dependencies' JSDoc), escaped the same way.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8')
  // Per UTF-16 unit (no `u` flag): an astral character becomes its surrogate pair's escapes.
  const ascii = text.replace(/[^\0-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (ascii !== text) writeFileSync(file, ascii)
}

function safeList(dir) {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
