// A usage or input error: bad arguments, a broken config, a missing path. The
// CLI prints its message (no stack trace) and exits with status 2.

export class UsageError extends Error {
  override name = 'UsageError'
}
