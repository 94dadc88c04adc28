// The one error shape that crosses IPC: `{code, message}` (Rust's `rapporteur_app::AppError`). Anything else that
// reaches the UI (a Tauri plumbing failure, a bug) is wrapped into the same shape, so screens only ever show
// readable messages and can branch on a stable code.
import type { AppError } from '../bindings/AppError';
import type { ErrorCode } from '../bindings/ErrorCode';

export type { AppError, ErrorCode };

const CODES: readonly ErrorCode[] = [
  'invalid_input',
  'too_large',
  'not_found',
  'conflict',
  'unsupported',
  'io',
  'database',
  'sync',
  'export',
  'internal',
];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (CODES as readonly string[]).includes(value);
}

/** True for exactly the `{code, message}` objects the backend sends (extra keys are tolerated). */
export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v.code) && typeof v.message === 'string';
}

/** Whatever was thrown, as an AppError: backend errors pass through, anything else becomes `internal`. */
export function toAppError(thrown: unknown): AppError {
  if (isAppError(thrown)) return { code: thrown.code, message: oneLine(thrown.message) };
  if (thrown instanceof Error) return { code: 'internal', message: oneLine(thrown.message) };
  if (typeof thrown === 'string') return { code: 'internal', message: oneLine(thrown) };
  return { code: 'internal', message: 'Unexpected error' };
}

function oneLine(text: string): string {
  const line = text.split(/\s+/).filter(Boolean).join(' ');
  return line.length > 0 ? line : 'Unexpected error';
}
