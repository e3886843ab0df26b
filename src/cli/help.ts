// The `--help` text: commands, options, exit status, config and suppression
// syntax in one screen.

import {FORMATS} from '../report/index.ts'

export function helpText(): string {
  return `Usage: qemu-rst-lint [options] [files or directories...]
       qemu-rst-lint <command> [arguments]

Lint QEMU's reStructuredText documentation. Without paths, lints the docs/
directory of the QEMU tree containing the current directory (the nearest
ancestor holding docs/conf.py or docs/index.rst and MAINTAINERS).
Lints .rst, .rst.inc and .md.

Commands:
  rules                 list every rule: id, severity, fixable, description
  ast FILE              print the rST syntax tree of FILE as JSON (positions included)
  patch INPUT...        lint only what a patch, series or Patchwork dump introduces
                        (see qemu-rst-lint patch --help)
  install-hook          write a git pre-commit hook running --staged (--force replaces
                        a hook it did not write); uninstall-hook removes it

Options:
  --tree DIR            the QEMU tree root (default: found upward from the paths)
  --inventory FILE      a Sphinx objects.inv whose entries count as reference targets
                        (kernel-doc C symbols, D-Bus objects, intersphinx); repeatable.
                        A docs build writes one: build/docs/manual/objects.inv
  --config FILE         use this config file instead of looking for .qemu-rst-lint.json
  --rule ID=SEVERITY    set a rule's severity (off, info, warning, error); repeatable
  --format NAME         ${Object.keys(FORMATS).join(', ')} (default: stylish)
  --quiet               report errors only
  --max-warnings N      exit 1 when there are more than N warnings
  --staged              lint the git index: only what the next commit introduces
                        (see qemu-rst-lint --staged --help)
  --fix                 apply safe fixes in place
  --fix-dry-run         print the fixes as a unified diff instead of writing them
  --print-config        print the resolved configuration as JSON and exit
  --color, --no-color   force colour on or off (default: on for a terminal)
  --timing              print the time spent per rule and phase on stderr (or TIMING=1)
  --no-cache            do not read or write the result cache (also QEMU_RST_LINT_CACHE=0).
                        By default results are cached per file in $XDG_CACHE_HOME/qemu-rst-lint/
                        (~/.cache/qemu-rst-lint/) and reused while nothing they depend on changed
  --cache-dir DIR       keep the result cache in DIR instead
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no errors, 1 errors found (or too many warnings), 2 usage or input error.

Config (.qemu-rst-lint.json, or a "qemu-rst-lint" key in package.json, found upward):
  {"extends": "qemu", "rules": {"no-tabs": "warning", "typo": ["error", {...}]},
   "ignore": ["docs/old/**"]}
  Presets: recommended (every rule at its default severity), qemu (the default).

Suppressions (rST comments; <!-- qemu-rst-lint: ... --> in Markdown):
  .. qemu-rst-lint: disable-next-line rule-a, rule-b
  .. qemu-rst-lint: disable rule-a      ...      .. qemu-rst-lint: enable rule-a
  Without rule ids they apply to every rule. Unused ones are reported.
`
}
