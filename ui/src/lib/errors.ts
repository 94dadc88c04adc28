// The one error shape that crosses IPC: `{code, message}` (Rust's `rapporteur_app::AppError`). Anything else that
// reaches the UI (a Tauri plumbing failure, a bug) is wrapped into the same shape, so screens only ever show
// readable messages and can branch on a stable code.
import type { AppError } from '../bindings/AppError';
import type { ErrorCode } from '../bindings/ErrorCode';

export type { AppError, ErrorCode };

// Exhaustive by construction: a code added to (or removed from) Rust's `ErrorCode` fails the type check here
// until it is listed, so the UI never drops a backend error to `internal` by accident.
const CODE_SET = {
  invalid_input: true,
  too_large: true,
  not_found: true,
  conflict: true,
  io: true,
  database: true,
  sync: true,
  export: true,
  internal: true,
} as const satisfies Record<ErrorCode, true>;

const CODES = Object.keys(CODE_SET) as readonly ErrorCode[];

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
  if (isAppError(thrown)) {
    const e: AppError = { code: thrown.code, message: oneLine(thrown.message) };
    if (thrown.local) e.local = thrown.local;
    return e;
  }
  if (thrown instanceof Error) return { code: 'internal', message: oneLine(thrown.message) };
  if (typeof thrown === 'string') return { code: 'internal', message: oneLine(thrown) };
  return { code: 'internal', message: 'Unexpected error' };
}

function oneLine(text: string): string {
  const line = text.split(/\s+/).filter(Boolean).join(' ');
  return line.length > 0 ? line : 'Unexpected error';
}
