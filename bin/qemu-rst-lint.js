#!/usr/bin/env node
// Loads the bundled CLI (dist/cli.cjs, built by `npm run build`, which npm ci
// and npm install run) with the V8 code cache the build wrote beside it
// (dist/cli-TOKEN.cache): a cold run then starts from compiled bytecode instead of
// compiling the ~3 MB bundle and every function it calls. A cache from another
// Node version is rejected by V8 and the code is simply compiled as usual.
//
// This file is CommonJS (bin/package.json says so): an ES module entry makes
// Node load its ES module loader first, ~30 internal modules and ~16 M
// instructions of every run, before any of our code.
'use strict'
const {readFileSync, writeFileSync} = require('node:fs')
const {createRequire} = require('node:module')
const {dirname, join} = require('node:path')
const v8 = require('node:v8')
const vm = require('node:vm')

// A run is short and cold: most of its code runs once per file or line, in the
// interpreter and baseline tier. Optimizing it with TurboFan costs more than it
// saves, and the compiler thread competes with GC for this process's cores
// (whole tree, cold: 829 -> 655 ms median; patch mode 282 -> 225 ms). It is
// set before the bundle is compiled, so the code cache (made under the same
// flag, by the training run through this file) matches V8's flag hash. A run
// over much more text turns it back on (src/cli/tiering.ts).
v8.setFlagsFromString('--no-opt')

const cli = join(__dirname, '..', 'dist', 'cli.cjs')

let source
try {
  // The build makes the bundle pure ASCII: latin1 reads it without UTF-8 decoding.
  source = readFileSync(cli, 'latin1')
} catch (error) {
  if (error?.code !== 'ENOENT') throw error
  process.stderr.write('qemu-rst-lint: the CLI is not built (dist/cli.cjs is missing); run `npm run build` in the qemu-rst-lint checkout\n')
  process.exit(2)
}
// The build ends the bundle with `// qrl-build=TOKEN` and names the cache after it:
// V8 checks only a cache's source length, so a cache must never meet another bundle.
const token = /qrl-build=([\w-]+)/.exec(source.slice(-200))?.[1] ?? 'none'
const cacheFile = `${dirname(cli)}/cli-${token}.cache`
let cachedData
try {
  cachedData = readFileSync(cacheFile)
} catch {
  cachedData = undefined
}

// CommonJS's own wrapper, so the bundle runs exactly as `require` would run it.
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
const script = new vm.Script(wrapped, {filename: cli, cachedData})
// A rejected cache costs a third of a cold run and shows nowhere else: say so when timing.
// (A worker thread of a large run loads the bundle through this file too: it stays quiet.)
const mainThread = () => require('node:worker_threads').isMainThread
if ((process.env.TIMING || process.argv.includes('--timing')) && mainThread()) {
  const state = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected by V8' : 'used'
  process.stderr.write(`code cache: ${state} (${cacheFile})\n`)
}
if (process.env.QRL_CODE_CACHE_TRAINING && mainThread()) {
  // The build's training run: after it, the cache holds every function it compiled.
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()))
}
const bundle = {exports: {}}
script.runInThisContext()(bundle.exports, createRequire(cli), bundle, cli, dirname(cli))
