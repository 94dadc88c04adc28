// Native file dialogs (tauri-plugin-dialog). File access happens only through paths the user picked here.
import { ask, open, save } from '@tauri-apps/plugin-dialog';

export async function pickJsonToOpen(title: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: false, filters: [{ name: 'JSON', extensions: ['json'] }] });
  return typeof picked === 'string' ? picked : null;
}

export async function pickImage(title: string, kind: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: false, filters: [{ name: kind, extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'] }] });
  return typeof picked === 'string' ? picked : null;
}

export async function pickFolder(title: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: true });
  return typeof picked === 'string' ? picked : null;
}

/** The native save dialog. Its size is not ours to set: on Linux, tauri-plugin-dialog (rfd 0.17, GTK 3) opens a
 *  GtkFileChooserNative, which neither crate lets the app size or reach; GTK sizes it from the font (45 lines
 *  by 60 characters) or from the user's saved org.gtk.Settings.FileChooser window-size, so with an 11 pt
 *  font it can be taller than a 1280x800 screen (issue 10). */
export async function pickSavePath(title: string, defaultPath: string, extension: string): Promise<string | null> {
  return save({ title, defaultPath, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
}

export async function confirm(message: string, title: string): Promise<boolean> {
  return ask(message, { title, kind: 'warning' });
}

/** A file name from a meeting title: letters, digits and dashes. */
export function fileStem(title: string, date: string): string {
  const stem = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${stem || 'meeting'}-${date}`;
}

export async function pickAnyFile(title: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: false });
  return typeof picked === 'string' ? picked : null;
}

/** The extension of a file name, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
