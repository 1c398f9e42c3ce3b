// Times alex's own API (markdown(), what `alex FILE` runs for a .md file) on
// each document inside one node process, so node start-up and module loading
// are not counted, and records where each finding is for the recall figures.
//
//   node alex-time.mjs FILE.md... > alex-api.json
//
// Each document is checked once to warm up, then REPEAT times (env ALEX_REPEAT,
// default 9; 3 for documents over 50,000 words); the median is reported, once
// with alex's defaults and once with its noBinary option.
import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {markdown} from 'alex'

const repeatDefault = Number(process.env.ALEX_REPEAT || 9)

function offsetOf(lineStarts, point) {
  if (point && typeof point.offset === 'number') return point.offset
  return lineStarts[point.line - 1] + point.column - 1
}

function run(text, options, repeat) {
  markdown(text, options) // warm-up (JIT, lazy module state)
  const times = []
  let file
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint()
    file = markdown(text, options)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
  const messages = file.messages.map((m) => {
    const pos = m.position || {start: m.place, end: m.place}
    return [offsetOf(lineStarts, pos.start), offsetOf(lineStarts, pos.end || pos.start), m.source, m.ruleId]
  })
  return {median_ms: times[Math.floor(times.length / 2)], times_ms: times, messages}
}

const docs = {}
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8')
  const words = text.split(/\s+/).filter(Boolean).length
  const repeat = words > 50000 ? Math.min(repeatDefault, 3) : repeatDefault
  docs[basename(path)] = {
    words,
    repeat,
    default: run(text, undefined, repeat),
    noBinary: run(text, {noBinary: true}, repeat),
  }
  process.stderr.write(`alex ${basename(path)}: ${docs[basename(path)].default.median_ms.toFixed(1)} ms\n`)
}
process.stdout.write(JSON.stringify({node: process.version, docs}) + '\n')
