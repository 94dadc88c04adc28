// What the window says for a backend error: the sentence the backend named (`local`, a `MessageId`), formatted
// in the interface language through the catalogue; the English `message` only for an error the backend gave no
// sentence (a fault of the program, or a plumbing failure). `detail` values stay as the lower layer wrote them.
import type { AppError } from '../bindings/AppError';
import type { MessageId } from '../bindings/MessageId';
import type { Args, Key } from './i18n.svelte';
import { t } from './i18n.svelte';

// The catalogue id of each sentence. The template type makes svelte-check refuse a `MessageId` that Rust adds
// until en.ftl defines `error_<id>`.
function keyOf(id: MessageId): Key {
  const key: `error_${MessageId}` = `error_${id}`;
  return key satisfies Key;
}

// Values that are counts: passed to Fluent as numbers, so they are written in the language's digits grouping and
// choose plural forms ("не менее 12 символов").
const NUMERIC = new Set(['size', 'limit', 'min', 'line', 'column', 'byte']);

function args(raw: Record<string, string | undefined>): Args {
  const out: Args = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name] = NUMERIC.has(name) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** The one line the window shows for `e`, in the interface language where the backend named its sentence. */
export function errorText(e: AppError): string {
  if (!e.local) return e.message;
  return t(keyOf(e.local.id), args(e.local.args));
}
