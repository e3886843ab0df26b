// Config presets. `recommended`: every rule at its default severity. `qemu`:
// recommended plus QEMU specifics — the place where project-level rules (the
// toctree, references and MAINTAINERS checks) get their QEMU settings.

import type {Rule, SeveritySetting} from './types.ts'

export type RuleEntry = {severity: SeveritySetting; options: Record<string, unknown>}

export const PRESETS = ['recommended', 'qemu'] as const
export type PresetName = (typeof PRESETS)[number]

/** QEMU-specific overrides on top of `recommended` (rule id → severity). */
const QEMU_OVERRIDES: Record<string, SeveritySetting> = {
  // A third of QEMU's docs are claimed by no subsystem section today: on the
  // whole tree that is noise. Patch mode turns it on for files a patch adds.
  'maintainers-uncovered': 'off',
}

export function isPreset(name: string): name is PresetName {
  return (PRESETS as readonly string[]).includes(name)
}

export function presetRules(name: PresetName, rules: readonly Rule<never>[]): Map<string, RuleEntry> {
  const out = new Map<string, RuleEntry>()
  for (const rule of rules) out.set(rule.meta.id, {severity: rule.meta.severity, options: {}})
  if (name === 'qemu') {
    for (const [id, severity] of Object.entries(QEMU_OVERRIDES)) {
      if (out.has(id)) out.set(id, {severity, options: {}})
    }
  }
  return out
}
