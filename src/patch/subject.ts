// Read the `[PATCH v6 2/4]` prefix of a patch subject (or Patchwork's
// `[v6,2/4]` name): the version, the place in the series and the title, which
// order a series and name each patch in messages.

import type {SubjectInfo} from './types.ts'

export function parseSubject(subject: string): SubjectInfo {
  const info: SubjectInfo = {tags: [], title: ''}
  let rest = subject.replace(/[\r\n]+[ \t]*/g, ' ').trim()
  // Replies quote the subject: `Re: [PATCH 2/4] …` still names patch 2.
  for (;;) {
    const lower = rest.slice(0, 4).toLowerCase()
    if (lower === 're: ' || lower === 'aw: ') rest = rest.slice(4).trimStart()
    else if (rest.slice(0, 5).toLowerCase() === 'fwd: ') rest = rest.slice(5).trimStart()
    else break
  }
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) break
    for (const word of rest.slice(1, close).split(/[\s,]+/)) {
      if (word === '') continue
      const version = /^[vV](\d+)$/.exec(word)
      const place = /^(\d+)\/(\d+)$/.exec(word)
      if (version) info.version = Number(version[1])
      else if (place) {
        info.index = Number(place[1])
        info.total = Number(place[2])
      } else info.tags.push(word)
    }
    rest = rest.slice(close + 1).trimStart()
  }
  info.title = rest
  return info
}

/** `[PATCH v6 2/4]`-style label for messages. */
export function subjectLabel(s: SubjectInfo): string {
  const parts = [s.tags.length > 0 ? s.tags.join(' ') : 'PATCH']
  if (s.version !== undefined) parts.push(`v${s.version}`)
  if (s.index !== undefined && s.total !== undefined) parts.push(`${s.index}/${s.total}`)
  return `[${parts.join(' ')}]`
}
