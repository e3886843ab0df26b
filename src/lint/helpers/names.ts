// The directive, role and substitution names a QEMU docs build knows:
// docutils' own, Sphinx's (with its domains) and those QEMU's extensions and
// conf.py add. Names are compared lowercase, as docutils and Sphinx do.

const words = (text: string): string[] => text.trim().split(/\s+/)

/** docutils' directives (reStructuredText Directives, plus the test directive). */
export const docutilsDirectives = words(`
  attention caution danger error hint important note tip warning admonition
  image figure topic sidebar line-block parsed-literal code math rubric epigraph highlights
  pull-quote compound container table csv-table list-table contents sectnum section-numbering
  header footer target-notes meta replace unicode date include raw class role default-role title
  restructuredtext-test-directive code-block sourcecode
`)

/** Sphinx's own directives (unprefixed) and its default `py` domain's shorthands. */
export const sphinxDirectives = words(`
  toctree literalinclude highlight highlightlang index only option program cmdoption envvar glossary
  productionlist seealso versionadded versionchanged versionremoved deprecated centered hlist acks
  tabularcolumns rst-class describe object default-domain sectionauthor moduleauthor codeauthor
  todo todolist ifconfig graphviz digraph graph inheritance-diagram
  function data exception class attribute method staticmethod classmethod decorator decoratormethod
  module currentmodule property
  autodoc automodule autoclass autofunction automethod autoattribute autodata autoexception
`)

/** QEMU's extensions (docs/sphinx/*.py). */
export const qemuDirectives = words(`kernel-doc qapi-doc hxtool-doc dbus-doc qmp-example`)

/** Object types per domain: `c:function`, `qapi:command`, ... */
export const domainDirectives: Record<string, string[]> = {
  c: words('function member macro struct union enum enumerator type var alias namespace namespace-push namespace-pop'),
  cpp: words(`class struct function member var type concept enum enum-struct enum-class enumerator union
    alias namespace namespace-push namespace-pop`),
  py: words(`function data exception class attribute property method staticmethod classmethod decorator
    decoratormethod module currentmodule type`),
  js: words('function method class data attribute module'),
  rst: words('directive directive:option role'),
  std: words('option cmdoption envvar program glossary productionlist describe object'),
  math: [],
  qapi: words('module namespace command event enum object struct union alternate directive'),
  dbus: words('interface method signal property'),
}

/** docutils' roles (standard and aliases). */
export const docutilsRoles = words(`
  emphasis strong literal code math pep-reference pep rfc-reference rfc subscript sub superscript sup
  title-reference title t abbreviation ab acronym ac raw
`)

/** Sphinx's roles, plus those of its default `py` domain. */
export const sphinxRoles = words(`
  any ref doc option envvar term token keyword numref download kbd file samp command program abbr
  manpage menuselection guilabel mailheader makevar mimetype newsgroup regexp dfn eq pep rfc
  func data const class meth attr exc obj mod type
`)

/** Roles per domain: `c:func`, `qapi:cmd`, ... */
export const domainRoles: Record<string, string[]> = {
  c: words('func member macro data type struct union enum enumerator var expr texpr'),
  cpp: words('any class struct func member var type concept enum enumerator expr texpr'),
  py: words('func data const class meth attr exc obj mod type'),
  js: words('func meth class data attr mod'),
  rst: words('dir role'),
  std: words('ref doc option envvar term token keyword numref'),
  math: words('numref'),
  qapi: words('mod cmd event enum obj alt type any'),
  dbus: words('iface meth sig prop'),
}

const directiveSet = new Set([
  ...docutilsDirectives,
  ...sphinxDirectives,
  ...qemuDirectives,
  ...Object.entries(domainDirectives).flatMap(([domain, names]) => names.map((name) => `${domain}:${name}`)),
])

const roleSet = new Set([
  ...docutilsRoles,
  ...sphinxRoles,
  ...Object.entries(domainRoles).flatMap(([domain, names]) => names.map((name) => `${domain}:${name}`)),
])

export function isKnownDirective(name: string, extra: readonly string[] = []): boolean {
  const lower = name.toLowerCase()
  return directiveSet.has(lower) || extra.some((known) => known.toLowerCase() === lower)
}

export function isKnownRole(name: string, extra: readonly string[] = []): boolean {
  const lower = name.toLowerCase()
  return roleSet.has(lower) || extra.some((known) => known.toLowerCase() === lower)
}

export const knownDirectives: ReadonlySet<string> = directiveSet
export const knownRoles: ReadonlySet<string> = roleSet

/**
 * Substitutions every QEMU document gets through conf.py's `rst_epilog`: the
 * names defined in docs/defs.rst.inc, the three conf.py adds, and Sphinx's own.
 */
export const qemuEpilogSubstitutions = words(`
  qemu_system qemu_system_x86 I2C I2S
  CONFDIR VER_MACHINE_DEPRECATION_VERSION VER_MACHINE_DELETION_VERSION
  version release today
`)
