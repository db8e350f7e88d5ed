// Runs the jobs of child-jobs.server.ts in a child process of the server (node:child_process fork), so
// that building or parsing a large file never holds the server's event loop nor takes its memory. Plain
// JavaScript, started from this path by the production build and the tests alike.
//
// A message { file, input } names a job file (an absolute path to a *.job.mjs that the server chose, never
// a person) whose default export is called with `input`; the answer is { ok: true, output } or
// { ok: false, error }. Job modules are imported once per process.
import url from 'node:url'

process.on('message', async ({ file, input }) => {
  let answer
  try {
    const job = await import(url.pathToFileURL(file).href)
    answer = { ok: true, output: await job.default(input) }
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  process.send(answer)
})
