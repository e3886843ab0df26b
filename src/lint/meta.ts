// The linter's identity, stamped on every message in one place: the message
// `source`, the package version and the documentation URL of each rule (a
// GitHub-style anchor in docs/rules.md, generated from the rule metadata).

export const SOURCE = 'qemu-rst-lint'
export const VERSION = '0.1.0'
export const HOMEPAGE = 'https://github.com/qemu-rst-lint/qemu-rst-lint'

export const RULES_DOC = `${HOMEPAGE}/blob/main/docs/rules.md`

/** The documentation link of a rule: its heading's anchor in docs/rules.md. */
export function ruleUrl(id: string): string {
  return `${RULES_DOC}#${id}`
}
