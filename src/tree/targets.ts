// The target index and Sphinx's resolution rules for `any` (the QEMU default
// role), `:ref:`, `:doc:` and `:option:`. Order as in Sphinx's
// `ReferencesResolver.resolve_anyref`: document, std labels, std options, std
// objects (glossary terms, env vars), then the other domains (C from
// kernel-doc, QAPI, D-Bus; inventories fill in for absent sources).

import {docnameJoin} from './docnames.ts'
import type {LabelDef, ObjectDef, OptionDef} from './model.ts'
import {collapse, normalizeName, splitExplicitTitle} from './text.ts'

export type Target =
  | {kind: 'doc'; docname: string}
  | {kind: 'label'; label: LabelDef}
  | {kind: 'option'; option: OptionDef}
  | {kind: 'object'; object: ObjectDef}
  /** `!text`: Sphinx renders it without making a reference. */
  | {kind: 'disabled'}

export interface ResolveContext {
  /** The `.. program::` in effect at the reference (one per include context). */
  programs?: ReadonlyArray<string | null>
}

export class TargetIndex {
  readonly docs = new Set<string>()
  readonly labels = new Map<string, LabelDef[]>()
  readonly options = new Map<string, OptionDef[]>()
  /** `std` objects by `type\0name`, other domains by `domain\0name`. */
  private readonly std = new Map<string, ObjectDef[]>()
  private readonly domains = new Map<string, ObjectDef[]>()
  /** QAPI full names (`module.name`) by their last dotted segment, for suffix lookups without a scan. */
  private readonly qapiByLast = new Map<string, string[]>()
  /** Objects of domains without special lookup rules, by `domain\0name`. */
  private readonly others = new Map<string, ObjectDef[]>()
  /** The first object of each `others` key, by name alone (the `any` role ignores the domain). */
  private readonly othersByName = new Map<string, ObjectDef[]>()
  /** The `std` object types present (glossary `term`, `envvar`, …), so a lookup is one probe per type. */
  private readonly stdTypes = new Set<string>()

  addDoc(docname: string): void {
    this.docs.add(docname)
  }

  addLabel(label: LabelDef): void {
    push(this.labels, label.name, label)
  }

  addOption(option: OptionDef): void {
    push(this.options, optionKey(option.program, option.name), option)
  }

  addObject(object: ObjectDef): void {
    if (object.domain === 'std') {
      const name = object.type === 'term' ? object.name.toLowerCase() : object.name
      if (object.type === 'label') {
        this.addLabel({name: normalizeName(object.name), titled: true, path: object.path, doc: object.doc})
        return
      }
      if (object.type === 'doc') {
        this.docs.add(object.name)
        return
      }
      this.stdTypes.add(object.type)
      push(this.std, `${object.type}\0${name}`, object)
      return
    }
    const key = `${object.domain}\0${object.name}`
    if (object.domain === 'qapi' && !this.domains.has(key)) push(this.qapiByLast, lastSegment(object.name), object.name)
    if (object.domain !== 'c' && object.domain !== 'dbus' && object.domain !== 'qapi') {
      if (!this.others.has(key)) push(this.othersByName, object.name, object)
      push(this.others, key, object)
    }
    push(this.domains, key, object)
  }

  /** `:doc:` — the document named relative to `fromDoc`, or absolute. */
  resolveDoc(target: string, fromDoc: string): Target | undefined {
    let name = target.trim()
    if (name.endsWith('.rst')) name = name.slice(0, -4)
    const docname = docnameJoin(fromDoc, name)
    return this.docs.has(docname) ? {kind: 'doc', docname} : undefined
  }

  /** `:ref:` — with an explicit title any label (`anonlabels`), else only titled ones (`labels`). */
  resolveRef(target: string, explicit: boolean): Target | undefined {
    const found = this.labels.get(normalizeName(target))
    if (!found) return undefined
    const label = explicit ? found[0] : found.find((entry) => entry.titled)
    return label ? {kind: 'label', label} : undefined
  }

  /**
   * `:option:` — `(program, option)`; also `-o value` / `-o=value` forms and
   * `prog sub -o` (words before the option become the program, joined by `-`).
   */
  resolveOption(target: string, context: ResolveContext = {}): Target | undefined {
    const programs = context.programs && context.programs.length > 0 ? context.programs : [null]
    const text = target.trim()
    for (const program of programs) {
      const direct = this.option(program, text)
      if (direct) return direct
      for (const needle of ['=', '[=', ' ']) {
        const at = text.indexOf(needle)
        if (at > 0) {
          const stem = this.option(program, text.slice(0, at))
          if (stem) return stem
        }
      }
      const words = text.split(/\s+/)
      for (let split = 1; split < words.length; split++) {
        const found = this.option(words.slice(0, split).join('-'), words.slice(split).join(' '))
        if (found) return found
      }
    }
    return undefined
  }

  private option(program: string | null, name: string): Target | undefined {
    const found = this.options.get(optionKey(program, name))?.[0]
    return found ? {kind: 'option', option: found} : undefined
  }

  /** Resolve `text` (the raw text between backquotes) as the `any` role does; first match. */
  resolveAny(text: string, fromDoc: string, context: ResolveContext = {}): Target | undefined {
    return this.resolveAnyAll(text, fromDoc, context)[0]
  }

  /** Every match, in Sphinx's order; more than one is Sphinx's "more than one target found" warning. */
  resolveAnyAll(text: string, fromDoc: string, context: ResolveContext = {}): Target[] {
    if (text.startsWith('!')) return [{kind: 'disabled'}]
    const {explicit, target} = splitExplicitTitle(text)
    const results: Target[] = []
    const doc = this.resolveDoc(target, fromDoc)
    if (doc) results.push(doc)
    const ref = this.resolveRef(target, explicit)
    if (ref) results.push(ref)
    const option = this.resolveOption(target, context)
    if (option) results.push(option)
    const term = collapse(target.toLowerCase())
    for (const type of this.stdTypes) {
      const objects = this.std.get(`${type}\0${type === 'term' ? term : target}`)
      if (objects) results.push({kind: 'object', object: objects[0] as ObjectDef})
    }
    results.push(...this.resolveDomains(target))
    return results
  }

  private resolveDomains(target: string): Target[] {
    const results: Target[] = []
    const bare = target.endsWith('()') ? target.slice(0, -2) : target
    // C: the name as written (nested names with dots).
    const c = this.domains.get(`c\0${bare}`)?.[0]
    if (c) results.push({kind: 'object', object: c})
    // D-Bus: keyed by short name; `iface.Member` finds `Member`.
    const dbus = this.domains.get(`dbus\0${bare}`)?.[0] ?? (bare.includes('.') ? this.domains.get(`dbus\0${bare.slice(bare.lastIndexOf('.') + 1)}`)?.[0] : undefined)
    if (dbus) results.push({kind: 'object', object: dbus})
    // QAPI: exact full name, else any `module.name` ending in `.target`.
    const qapi = this.domains.get(`qapi\0${target}`)?.[0]
    if (qapi) results.push({kind: 'object', object: qapi})
    else {
      const suffix = `.${target}`
      const match = this.qapiByLast.get(lastSegment(target))?.find((name) => name.endsWith(suffix))
      const object = match ? this.domains.get(`qapi\0${match}`)?.[0] : undefined
      if (object) results.push({kind: 'object', object})
    }
    // Any other domain: exact name.
    for (const object of this.othersByName.get(target) ?? []) results.push({kind: 'object', object})
    return results
  }

  /** Names of every label, for "did you mean". */
  labelNames(): string[] {
    return [...this.labels.keys()]
  }
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1)
}

function optionKey(program: string | null, name: string): string {
  return `${program ?? ''}\0${name}`
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
