import { useEffect } from 'react';
import { navigate } from './router';

/** The caseload search box; Ctrl+F lands here from anywhere. */
export const CASELOAD_SEARCH_ID = 'caseload-search';

function focusWhenPresent(id: string, triesLeft = 20): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLInputElement) {
    el.focus();
    el.select();
    return;
  }
  if (triesLeft > 0) requestAnimationFrame(() => focusWhenPresent(id, triesLeft - 1));
}

/**
 * Ctrl+F: caseload search (instead of the browser's find). Ctrl+N: log a visit. Ctrl+Shift+H:
 * a new request (热线: a help-line call). Esc closes dialogs through antd's own keyboard
 * handling; Ctrl+S belongs to each form.
 */
export function useShortcuts(): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (e.shiftKey) {
        if (key === 'h') {
          e.preventDefault();
          navigate('/requests/new');
        }
        return;
      }
      if (key === 'f') {
        e.preventDefault();
        if (!window.location.hash.startsWith('#/caseload')) navigate('/caseload');
        focusWhenPresent(CASELOAD_SEARCH_ID);
      } else if (key === 'n') {
        e.preventDefault();
        navigate('/visit/new');
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
