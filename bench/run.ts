// `npm run bench`: runs every benchmark section over the QEMU corpus read once
// from shared/, printing each section's figures. Sections are independent
// functions (corpus → lines) so later ones (whole-tree lint) just join the list.

import {cpus, loadavg} from 'node:os'
import {type Corpus, loadCorpus, sharedDir} from './corpus.ts'
import {benchLint} from './lint.ts'
import {benchParse} from './parse.ts'
import {benchPatch} from './patch.ts'
import {benchStaged} from './staged.ts'
import {benchStartup} from './startup.ts'

interface Section {
  name: string
  run(corpus: Corpus): string[] | Promise<string[]>
}

const sections: Section[] = [
  {name: 'startup', run: benchStartup},
  {name: 'parse', run: benchParse},
  {name: 'lint', run: benchLint},
  {name: 'patch', run: benchPatch},
  {name: 'staged', run: benchStaged},
]

const corpus = loadCorpus()
if (!corpus) {
  console.log(`bench: skipped, no QEMU corpus at ${sharedDir()}/qemu-tree/docs (set QRL_SHARED)`)
} else {
  const load = loadavg().map((value) => value.toFixed(1)).join(' ')
  console.log(`bench: node ${process.version}, ${cpus().length} CPUs, load average ${load} (each section says what it times)`)
  const only = process.argv.slice(2)
  for (const section of sections) {
    if (only.length > 0 && !only.includes(section.name)) continue
    for (const line of await section.run(corpus)) console.log(line)
  }
}
