import { describe, expect, it } from 'vitest';
import { isAppError, isErrorCode, toAppError } from './errors';

describe('AppError guard', () => {
  it('accepts the backend shape', () => {
    expect(isAppError({ code: 'not_found', message: 'meeting x: not found' })).toBe(true);
    expect(isAppError({ code: 'invalid_input', message: 'f.json:3:7: unknown field `foo`', extra: 1 })).toBe(true);
  });

  it('refuses anything else', () => {
    expect(isAppError(null)).toBe(false);
    expect(isAppError('not found')).toBe(false);
    expect(isAppError({ code: 'nope', message: 'x' })).toBe(false);
    expect(isAppError({ code: 'io' })).toBe(false);
    expect(isAppError({ message: 'x' })).toBe(false);
    expect(isAppError({ code: 'io', message: 3 })).toBe(false);
  });

  it('knows every code', () => {
    for (const c of [
      'invalid_input',
      'too_large',
      'not_found',
      'conflict',
      'io',
      'database',
      'sync',
      'export',
      'internal',
    ]) {
      expect(isErrorCode(c)).toBe(true);
    }
    expect(isErrorCode('NotFound')).toBe(false);
  });

  it('wraps whatever was thrown into one readable line', () => {
    expect(toAppError({ code: 'io', message: 'disk\nfull' })).toEqual({ code: 'io', message: 'disk full' });
    expect(toAppError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(toAppError('command edit not found')).toEqual({ code: 'internal', message: 'command edit not found' });
    expect(toAppError(undefined)).toEqual({ code: 'internal', message: 'Unexpected error' });
    expect(toAppError({ code: 'io', message: '  ' }).message).toBe('Unexpected error');
  });
});
