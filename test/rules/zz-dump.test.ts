import {it} from 'vitest'
import {fromRst} from '../../src/rst/index.ts'
it('dump', () => {
  const text = (process.env.RST ?? '').replace(/\\n/g, '\n')
  const show = (n: any, d = 0): void => {
    const {children, position, ...rest} = n
    console.log(' '.repeat(d * 2) + JSON.stringify({...rest, at: `${position?.start.line}:${position?.start.column}-${position?.end.line}:${position?.end.column}`}).slice(0, 300))
    for (const c of children ?? []) show(c, d + 1)
  }
  show(fromRst(text))
})
