// The registry of output formats: each format is one module, loaded only when
// selected (stylish pulls in vfile-reporter, which a JSON run never needs).

import type {Formatter} from './types.ts'

export const FORMATS = {
  stylish: async () => (await import('./stylish.ts')).stylish,
  json: async () => (await import('./json.ts')).json,
  sarif: async () => (await import('./sarif.ts')).sarif,
  github: async () => (await import('./github.ts')).github,
  gitlab: async () => (await import('./gitlab.ts')).gitlab,
  checkpatch: async () => (await import('./checkpatch.ts')).checkpatch,
} satisfies Record<string, () => Promise<Formatter>>

export type FormatName = keyof typeof FORMATS

export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name)
}

export function loadFormat(name: FormatName): Promise<Formatter> {
  return FORMATS[name]()
}
