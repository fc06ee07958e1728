/**
 * PostgreSQL error classes the app reacts to. Drizzle wraps driver errors, so the SQLSTATE
 * may sit on the error or on its cause.
 */
function sqlState(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';
export const isSerializationFailure = (error: unknown): boolean => sqlState(error) === '40001';
