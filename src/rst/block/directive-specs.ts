// How each directive splits its block and treats its content: argument
// counts (docutils' required/optional arguments and final-argument
// whitespace), whether options and content are allowed, and whether the
// content is parsed as rST (`rst`) or kept verbatim (`raw`). docutils'
// directives as docutils 0.19 defines them; Sphinx's and QEMU's as Sphinx
// and QEMU's extensions do (the oracle's table, ORACLE.md).

export interface DirectiveSpec {
  required: number
  optional: number
  finalWhitespace: boolean
  /** Whether the directive has an option spec (options may follow the arguments). */
  options: boolean
  /** The option names docutils accepts; undefined: any (Sphinx's directives, handled generically). */
  optionNames?: ReadonlySet<string>
  content: boolean
  body: 'rst' | 'raw'
}

function spec(
  required: number,
  optional: number,
  finalWhitespace: boolean,
  options: boolean | string | null,
  content: boolean,
  body: 'rst' | 'raw',
): DirectiveSpec {
  const out: DirectiveSpec = {required, optional, finalWhitespace, options: Boolean(options), content, body}
  if (typeof options === 'string') out.optionNames = new Set(options.split(' '))
  return out
}

/** docutils' own directives (names lowercase), generated from docutils 0.19's classes. */
const docutils: Record<string, DirectiveSpec> = {
  attention: spec(0, 0, true, 'class name', true, 'rst'),
  caution: spec(0, 0, true, 'class name', true, 'rst'),
  danger: spec(0, 0, true, 'class name', true, 'rst'),
  error: spec(0, 0, true, 'class name', true, 'rst'),
  hint: spec(0, 0, true, 'class name', true, 'rst'),
  important: spec(0, 0, true, 'class name', true, 'rst'),
  note: spec(0, 0, true, 'class name', true, 'rst'),
  tip: spec(0, 0, true, 'class name', true, 'rst'),
  warning: spec(0, 0, true, 'class name', true, 'rst'),
  admonition: spec(1, 0, true, 'class name', true, 'rst'),
  topic: spec(1, 0, true, 'class name', true, 'rst'),
  sidebar: spec(0, 1, true, 'class name subtitle', true, 'rst'),
  'line-block': spec(0, 0, false, 'class name', true, 'raw'),
  'parsed-literal': spec(0, 0, false, 'class name', true, 'raw'),
  code: spec(0, 1, false, 'class name number-lines', true, 'raw'),
  math: spec(0, 0, false, 'class name', true, 'raw'),
  rubric: spec(1, 0, true, 'class name', false, 'raw'),
  epigraph: spec(0, 0, false, null, true, 'rst'),
  highlights: spec(0, 0, false, null, true, 'rst'),
  'pull-quote': spec(0, 0, false, null, true, 'rst'),
  compound: spec(0, 0, false, 'class name', true, 'rst'),
  container: spec(0, 1, true, 'name', true, 'rst'),
  image: spec(1, 0, true, 'align alt class height name scale target width', false, 'raw'),
  figure: spec(1, 0, true, 'align alt class figclass figwidth height name scale target width', true, 'rst'),
  table: spec(0, 1, true, 'align class name width widths', true, 'rst'),
  'csv-table': spec(0, 1, true, 'align class delim encoding escape file header header-rows keepspace name quote stub-columns url width widths', true, 'raw'),
  'list-table': spec(0, 1, true, 'align class header-rows name stub-columns width widths', true, 'rst'),
  contents: spec(0, 1, true, 'backlinks class depth local', false, 'raw'),
  sectnum: spec(0, 0, false, 'depth prefix start suffix', false, 'raw'),
  'section-numbering': spec(0, 0, false, 'depth prefix start suffix', false, 'raw'),
  header: spec(0, 0, false, null, true, 'rst'),
  footer: spec(0, 0, false, null, true, 'rst'),
  'target-notes': spec(0, 0, false, 'class name', false, 'raw'),
  meta: spec(0, 0, false, null, true, 'raw'),
  raw: spec(1, 0, true, 'class encoding file url', true, 'raw'),
  include: spec(1, 0, true, 'class code encoding end-before end-line literal name number-lines parser start-after start-line tab-width', false, 'raw'),
  replace: spec(0, 0, false, null, true, 'raw'),
  unicode: spec(1, 0, true, 'ltrim rtrim trim', false, 'raw'),
  date: spec(0, 0, false, null, true, 'raw'),
  class: spec(1, 0, true, null, true, 'rst'),
  role: spec(0, 0, false, null, true, 'raw'),
  'default-role': spec(0, 1, false, null, false, 'raw'),
  title: spec(1, 0, true, null, false, 'raw'),
}

/** Content parsed as rST by Sphinx (besides every name containing `:`). */
const sphinxRst = new Set([
  'seealso', 'todo', 'only', 'ifconfig', 'versionadded', 'versionchanged', 'deprecated', 'versionremoved',
  'glossary', 'hlist', 'centered', 'acks', 'rst-class', 'cssclass', 'tab', 'tabs', 'card', 'dropdown',
  'option', 'envvar', 'describe', 'object', 'cmdoption', 'function', 'method', 'attribute', 'data',
  'exception', 'decorator', 'staticmethod', 'classmethod', 'property',
])

/** Content kept verbatim even though the name is unknown to docutils. */
const sphinxRaw = new Set([
  'toctree', 'code-block', 'sourcecode', 'literalinclude', 'highlight', 'index', 'program', 'productionlist',
  'tabularcolumns', 'default-domain', 'sectionauthor', 'moduleauthor', 'codeauthor', 'currentmodule', 'module',
  'autosummary', 'automodule', 'autoclass', 'autofunction', 'autodata', 'automethod', 'autoattribute',
  'autoexception', 'doctest', 'testcode', 'testoutput', 'testsetup', 'testcleanup', 'graphviz', 'graph',
  'digraph', 'inheritance-diagram', 'todolist', 'qmp-example', 'kernel-doc', 'qapi-doc', 'hxtool-doc', 'dbus-doc',
])

/** Argument layouts of Sphinx/QEMU directives: [required, optional, final whitespace]. */
const sphinxArguments: Record<string, [number, number, boolean]> = {
  toctree: [0, 0, false], glossary: [0, 0, false], hlist: [0, 0, false], seealso: [0, 0, false],
  todo: [0, 0, false], 'qmp-example': [0, 0, false], acks: [0, 0, false], productionlist: [0, 0, false],
  tabularcolumns: [1, 0, true], centered: [1, 0, true], 'code-block': [0, 1, false], sourcecode: [0, 1, false],
  highlight: [1, 0, false], literalinclude: [1, 0, true], index: [1, 0, true], only: [1, 0, true],
  ifconfig: [1, 0, true], versionadded: [1, 1, true], versionchanged: [1, 1, true], deprecated: [1, 1, true],
  versionremoved: [1, 1, true], option: [1, 0, true], program: [1, 0, true], envvar: [1, 0, true],
  describe: [1, 0, true], object: [1, 0, true],
}

/** Sphinx replaces docutils' `code` aliases with its own directive. */
const sphinxOverrides = new Set(['code-block', 'sourcecode'])

export function isDocutilsDirective(name: string): boolean {
  const lower = name.toLowerCase()
  return !sphinxOverrides.has(lower) && Object.hasOwn(docutils, lower)
}

/** The spec of directive `name` (any case); `annotated` tells whether a `qmp-example` has `:annotated:`. */
export function directiveSpec(name: string): DirectiveSpec {
  const lower = name.toLowerCase()
  if (!sphinxOverrides.has(lower)) {
    const known = docutils[lower]
    if (known) return known
  }
  const layout = sphinxArguments[lower] ?? (lower.includes(':') ? [1, 0, true] : [0, 1, true])
  const body = sphinxRaw.has(lower) ? 'raw' : sphinxRst.has(lower) || lower.includes(':') ? 'rst' : 'raw'
  return spec(layout[0], layout[1], layout[2], true, true, body)
}
