// Messages survive the cache: through plain data and v8 serialisation, every
// field a reporter reads comes back the same, the `cause` included.

import {deserialize, serialize} from 'node:v8'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {fromPlain, toPlain} from '../../src/lint/cache/serialize.ts'

function roundTrip(message: VFileMessage): VFileMessage {
  return fromPlain(deserialize(serialize(toPlain(message))) as ReturnType<typeof toPlain>)
}

describe('cached message round trip', () => {
  it('keeps place, identity, severity, fix, url and cause', () => {
    const file = new VFile({path: 'docs/a.rst'})
    const cause = Object.assign(new Error('first defined here'), {place: {start: {line: 2, column: 1, offset: 5}, end: {line: 2, column: 9, offset: 13}}, file: 'docs/b.rst'})
    const message = file.message('Duplicate label `x`', {
      place: {start: {line: 7, column: 3, offset: 40}, end: {line: 7, column: 8, offset: 45}},
      ruleId: 'some-rule',
      source: 'qemu-rst-lint',
      cause,
    })
    message.fatal = true
    message.url = 'https://example.org/rules#some-rule'
    message.messageId = 'duplicate'
    message.fix = {title: 'Remove it', safety: 'safe', edits: [{start: 40, end: 45, text: ''}]} as never
    message.note = 'a note'
    const back = roundTrip(message)
    expect(back).toBeInstanceOf(VFileMessage)
    for (const key of ['reason', 'message', 'line', 'column', 'place', 'ruleId', 'source', 'fatal', 'url', 'messageId', 'fix', 'note', 'file', 'name'] as const) {
      expect(back[key as keyof VFileMessage], key).toEqual(message[key as keyof VFileMessage])
    }
    expect(back.cause).toBeInstanceOf(Error)
    expect((back.cause as Error).message).toBe('first defined here')
    expect(back.cause).toMatchObject({place: cause.place, file: 'docs/b.rst'})
    expect(Object.keys(back)).toEqual(Object.keys(message))
  })

  it('keeps an info message without `fatal`', () => {
    const file = new VFile({path: 'x.rst'})
    const message = file.message('Just so you know', {place: {line: 1, column: 1}, ruleId: 'r', source: 's'})
    message.fatal = undefined
    const back = roundTrip(message)
    expect(back.fatal).toBeUndefined()
    expect(back.line).toBe(1)
    expect(JSON.stringify(back)).toBe(JSON.stringify(message))
  })
})
