// The loop every list state of docutils shares (BulletList, EnumeratedList,
// FieldList, OptionList, DefinitionList): after the first item, take items
// while the next line is unindented and makes an item of the same list; then
// close the list and warn when no blank line ends it. Each list says only
// what "an item of the same list" is.

import {exact, type Line} from '../lines.ts'
import type {Block, Position} from '../types.ts'
import {isUnindented, unindentWarning} from './body.ts'
import type {BlockParser} from './parser.ts'
import type {Sink} from './sink.ts'

/** A parsed item: its node, the index of the line after it, and whether a blank line ended it. */
export interface ParsedItem<N> {
  node: N
  end: number
  blankFinish: boolean
}

/**
 * Collects `first` and the items that follow it into `list` (whose position
 * holds where the list starts), adds the list to `sink` and returns the index
 * of the line after it. `nextItem` gets each following unindented line and
 * returns its item, or undefined when the line does not continue the list;
 * `name` starts the unindent warning ("Bullet list").
 */
export function collectItems<N extends {position: Position}>(
  p: BlockParser,
  lines: Line[],
  sink: Sink,
  list: Block & {children: N[]},
  first: ParsedItem<N>,
  nextItem: (line: Line, index: number) => ParsedItem<N> | undefined,
  name: string,
): number {
  const children = [first.node]
  let at = first.end
  let blankFinish = first.blankFinish
  for (;;) {
    const next = lines[at]
    if (!isUnindented(next)) break
    const item = nextItem(next, at)
    if (!item) break
    children.push(item.node)
    blankFinish = item.blankFinish
    at = item.end
  }
  list.position = p.join(list.position, children[children.length - 1]!.position)
  list.children = exact(children)
  sink.add(list)
  if (!blankFinish) unindentWarning(p, lines, at, name)
  return at
}
