// Shared by the patch tests: load a fixture tree into a MapFiles, read fixture bytes.

import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {MapFiles} from '../../src/patch/map-files.ts'
import type {TreeFiles} from '../../src/tree/files.ts'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/patches/', import.meta.url))

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name))
}

/** Every file under a fixture directory, as a MapFiles. */
export function fixtureTree(dir: string): MapFiles {
  const root = join(FIXTURES, dir)
  const files: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else files[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8')
    }
  }
  walk(root)
  return new MapFiles(files, root)
}

/** A read-only view of a directory on disk (the real disk TreeFiles lives in src/tree). */
export function diskTree(root: string): TreeFiles {
  return {
    root,
    read(path) {
      try {
        return readFileSync(join(root, path), 'utf8')
      } catch {
        return undefined
      }
    },
    exists(path) {
      try {
        statSync(join(root, path))
        return true
      } catch {
        return false
      }
    },
    isDirectory(path) {
      try {
        return statSync(join(root, path)).isDirectory()
      } catch {
        return false
      }
    },
    list: () => [],
  }
}

/** Lines of a text, 1-based, for assertions. */
export function lineOf(text: string | undefined, n: number): string | undefined {
  return text?.split('\n')[n - 1]
}
