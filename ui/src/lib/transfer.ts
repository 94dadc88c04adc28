// Import and export of the interchange JSON through native dialogs, shared by the sidebar buttons and the
// keyboard shortcuts.
import { api } from './api';
import { app } from './state.svelte';
import { fileStem } from './dialogs';
import { t } from './i18n.svelte';

export async function importRecord() {
  await app.guard(async () => {
    const id = await api.pickAndImport(t('import_json'));
    if (!id) return;
    await app.refreshList();
    await app.open(id, 'overview');
    app.info(t('imported'));
  });
}

/** The empty list's first step: the built-in example meeting, opened where a new user can see the whole job. */
export async function openExample() {
  await app.guard(async () => {
    const id = await api.openExample();
    await app.refreshList();
    await app.open(id, 'overview');
  });
}

export async function exportRecord() {
  const record = app.record;
  const id = app.currentId;
  if (!record || !id) return;
  await app.guard(async () => {
    const saved = await api.exportRecordJson(
      id,
      t('export_json'),
      `${fileStem(record.meeting.title, record.meeting.date)}.json`,
    );
    if (saved) app.info(t('exported'));
  });
}
