// The question dialog (tauri-plugin-dialog's `ask`), and the names the backend's save dialogs suggest. File
// dialogs are not opened here: the backend opens them itself and works only on what the user picked, so the
// page never sends a path (src-tauri/src/dialogs.rs).
import { ask } from '@tauri-apps/plugin-dialog';

export async function confirm(message: string, title: string): Promise<boolean> {
  return ask(message, { title, kind: 'warning' });
}

/** A file name from a meeting title: letters, digits and dashes. */
export function fileStem(title: string, date: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem || 'meeting'}-${date}`;
}
