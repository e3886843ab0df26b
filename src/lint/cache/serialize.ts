// Messages to plain data and back, for the result cache. Every enumerable
// field of a vfile message travels (reason, place, ruleId, fatal, url, fix,
// messageId, note, …); the `cause` Error keeps its message and its own
// fields (place, file). Restored messages are real `VFileMessage`s, so
// reporters cannot tell a cached message from a fresh one.

import {VFileMessage} from 'vfile-message'

export type PlainMessage = Record<string, unknown>

export function toPlain(message: VFileMessage): PlainMessage {
  const plain: PlainMessage = {}
  for (const key of Object.keys(message)) {
    const value = (message as unknown as Record<string, unknown>)[key]
    if (key === 'cause' && value instanceof Error) {
      const cause: PlainMessage = {}
      for (const causeKey of Object.keys(value)) cause[causeKey] = (value as unknown as Record<string, unknown>)[causeKey]
      plain[key] = {'@error': value.message, fields: cause}
    } else if (key === 'ancestors') {
      // Tree nodes: never kept (no reporter reads them, and trees are not cached).
      plain[key] = undefined
    } else {
      plain[key] = value
    }
  }
  return plain
}

export function fromPlain(plain: PlainMessage): VFileMessage {
  const message = Object.create(VFileMessage.prototype) as VFileMessage
  for (const key of Object.keys(plain)) {
    const value = plain[key]
    if (key === 'cause' && isErrorRecord(value)) {
      ;(message as unknown as Record<string, unknown>)[key] = Object.assign(new Error(value['@error']), value.fields)
    } else {
      ;(message as unknown as Record<string, unknown>)[key] = value
    }
  }
  return message
}

function isErrorRecord(value: unknown): value is {'@error': string; fields: PlainMessage} {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['@error'] === 'string'
}
