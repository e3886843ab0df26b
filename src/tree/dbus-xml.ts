// The D-Bus objects `dbus-doc` documents from an introspection XML file:
// interfaces (full names) and their methods, signals and properties. QEMU's
// D-Bus domain keys members by their short name, so that is what we record.

export interface DBusObject {
  type: 'interface' | 'method' | 'signal' | 'property'
  name: string
  interface?: string
  line: number
}

export function extractDBus(text: string): DBusObject[] {
  const objects: DBusObject[] = []
  let current: string | undefined
  let line = 1
  let at = 0
  for (;;) {
    const open = text.indexOf('<', at)
    if (open < 0) break
    for (let index = text.indexOf('\n', at); index >= 0 && index < open; index = text.indexOf('\n', index + 1)) line++
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4)
      at = end < 0 ? text.length : end + 3
      for (let index = text.indexOf('\n', open); index >= 0 && index < at; index = text.indexOf('\n', index + 1)) line++
      continue
    }
    const close = text.indexOf('>', open + 1)
    if (close < 0) break
    const tag = text.slice(open + 1, close)
    at = close + 1
    const element = /^(\/?)(interface|method|signal|property)\b/.exec(tag)
    if (!element) continue
    if (element[1] === '/') {
      if (element[2] === 'interface') current = undefined
      continue
    }
    const name = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag)
    const value = name?.[1] ?? name?.[2]
    if (!value) continue
    const type = element[2] as DBusObject['type']
    if (type === 'interface') {
      current = value
      objects.push({type, name: value, line})
      if (tag.endsWith('/')) current = undefined
    } else objects.push({type, name: value, interface: current, line})
    for (let index = text.indexOf('\n', open); index >= 0 && index < close; index = text.indexOf('\n', index + 1)) line++
  }
  return objects
}
