#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build` (npm ci and npm install run it).
try {
  await import('../dist/cli.js')
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('qemu-rst-lint: the CLI is not built (dist/cli.js is missing); run `npm run build` in the qemu-rst-lint checkout\n')
    process.exit(2)
  }
  throw error
}
