// The interface language chosen in Settings: the six languages are offered, the choice is saved through
// settings_set, and the whole window switches, Arabic right to left.
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import type { Settings } from '../bindings/Settings';
import { setLanguage } from '../lib/i18n.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage('en');
});

it('switches the whole interface to Arabic, right to left, and saves the choice', async () => {
  const saved: Settings[] = [];
  mockWindows('main');
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as { settings?: Settings };
    switch (cmd) {
      case 'settings_get':
        return { sync_interval_secs: 60, ui_language: 'en', theme: 'light', letterhead: {} };
      case 'settings_set':
        saved.push(args.settings!);
        return null;
      case 'list_meetings':
        return [];
      case 'replica':
        return { id: 'r1', name: 'Laptop', peer: '1' };
      default:
        return null;
    }
  });
  render(App);
  await fireEvent.click(await screen.findByTestId('open-settings'));
  const select = (await screen.findByTestId('ui-language')) as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual([
    'العربية',
    '中文',
    'English',
    'Français',
    'Русский',
    'Español',
  ]);

  select.value = 'ar';
  await fireEvent.change(select);
  await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
  expect(document.documentElement.lang).toBe('ar');
  expect(saved.map((s) => s.ui_language)).toEqual(['ar']);
  expect(screen.getByTestId('open-settings').textContent).toBe('الإعدادات');
  expect(screen.getByTestId('new-meeting').textContent).toContain('اجتماع جديد');

  select.value = 'ru';
  await fireEvent.change(select);
  await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  expect(screen.getByTestId('open-settings').textContent).toBe('Настройки');
});
