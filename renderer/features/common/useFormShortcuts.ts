import { useEffect, useEffectEvent } from 'react';

/**
 * Ctrl+S (⌘S) saves and Esc cancels, from anywhere on the page, even while typing in a field.
 * Esc is left alone while a dropdown or dialog is open, so it closes that first.
 */
export function useFormShortcuts(onSave: () => void, onCancel: () => void): void {
  // The latest handlers, without re-adding the listener on every render.
  const save = useEffectEvent(onSave);
  const cancel = useEffectEvent(onCancel);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      } else if (
        e.key === 'Escape' &&
        !e.defaultPrevented &&
        !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-modal-wrap')
      ) {
        cancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
