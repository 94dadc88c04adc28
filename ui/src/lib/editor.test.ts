import { describe, expect, it } from 'vitest';
import { createEditor } from './editor';

describe('createEditor', () => {
  it('is a named multi-line text box for assistive technology', () => {
    const host = document.createElement('div');
    const editor = createEditor(host, 'Text', () => {}, 'Summary');
    const box = host.querySelector('[data-testid=editor]');
    expect(box?.getAttribute('role')).toBe('textbox');
    expect(box?.getAttribute('aria-multiline')).toBe('true');
    expect(box?.getAttribute('aria-label')).toBe('Summary');
    editor.destroy();
  });
});
