import { useEffect } from 'react';

// Ctrl+S saves the form in front (issue 16), as in every office program: the topmost open dialog's
// first enabled button whose text begins with 保存 (保存, 保存督导记录, 保存设置 …), else the page's.
// The browser's own "save page" never opens. (Esc closes a dialog: Mantine's Modal and Drawer do.)

function visible(el: Element): boolean {
  return el instanceof HTMLElement && el.offsetParent !== null;
}

/** The save button Ctrl+S presses now, or null. */
export function saveButton(doc: Document = document): HTMLButtonElement | null {
  const dialogs = [...doc.querySelectorAll('[role="dialog"]')].filter(visible);
  const scope = dialogs.at(-1) ?? doc.querySelector('main') ?? doc.body;
  const buttons = [...scope.querySelectorAll('button')] as HTMLButtonElement[];
  return buttons.find((b) => !b.disabled && visible(b) && (b.textContent ?? '').trim().startsWith('保存')) ?? null;
}

export function useSaveShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      // Let the field being typed in hand its value to the form first (date fields read it on blur).
      (document.activeElement as HTMLElement | null)?.blur?.();
      setTimeout(() => saveButton()?.click(), 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
