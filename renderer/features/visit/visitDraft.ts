import type { VisitFormValues } from './visitFormValues';

/**
 * The visit form is written through to localStorage on every change, keyed by recipient, so a
 * crash or a closed window loses nothing; the draft is restored on open and cleared on save.
 * localStorage (not Dexie) because a draft is local, unvalidated and never synced.
 */
const PREFIX = 'youfu-desk:visit-draft:';

export function draftKey(recipientId: string | null | undefined): string {
  return `${PREFIX}${recipientId ?? 'none'}`;
}

interface StoredDraft {
  savedAt: string;
  values: VisitFormValues;
}

function isStoredDraft(v: unknown): v is StoredDraft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.savedAt === 'string' && typeof d.values === 'object' && d.values !== null;
}

export function loadDraft(recipientId: string | null | undefined): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(draftKey(recipientId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveDraft(recipientId: string | null | undefined, values: VisitFormValues): void {
  try {
    const draft: StoredDraft = { savedAt: new Date().toISOString(), values };
    window.localStorage.setItem(draftKey(recipientId), JSON.stringify(draft));
  } catch {
    // A full or disabled localStorage must never block the form itself.
  }
}

export function clearDraft(recipientId: string | null | undefined): void {
  try {
    window.localStorage.removeItem(draftKey(recipientId));
  } catch {
    // Nothing to clear.
  }
}
