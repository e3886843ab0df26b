// `--format stylish` (default): vfile-reporter's grouped, human output (colour
// on a TTY, vfile-sort order, vfile-statistics summary). vfile-reporter is
// loaded by the registry only when this format is used.

import {reporter} from 'vfile-reporter'
import {VFile} from 'vfile'
import type {Formatter} from './types.ts'

export const stylish: Formatter = ({files, color}) => {
  const vfiles = files
    .filter((file) => file.messages.length > 0)
    .map((file) => {
      const vfile = new VFile({path: file.path})
      vfile.messages = file.messages
      return vfile
    })
  if (vfiles.length === 0) return ''
  return reporter(vfiles, {color}) + '\n'
}
