import type { YoufuDb } from '../../db/handle';
import { type DraftWriter, createDraftWriter, loadDraft, visitDraftId } from '../../db/draftRepository';
import type { VisitFormValues } from './visitFormValues';

/**
 * The visit form's draft: written to the account's own database as the form changes (sealed;
 * each change as soon as the write before it is done), restored on open, deleted on save and on
 * discard. See renderer/db/draftRepository.ts.
 */
export function isVisitFormValues(v: unknown): v is VisitFormValues {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.visitedAt === 'string' &&
    typeof d.notes === 'string' &&
    Array.isArray(d.needs) &&
    Array.isArray(d.aid) &&
    Array.isArray(d.staffIds)
  );
}

export async function loadVisitDraft(db: YoufuDb, recipientId: string): Promise<VisitFormValues | null> {
  const draft = await loadDraft(db, visitDraftId(recipientId));
  return draft !== null && isVisitFormValues(draft.values) ? draft.values : null;
}

export function createVisitDraftWriter(db: YoufuDb, recipientId: string): DraftWriter<VisitFormValues> {
  return createDraftWriter<VisitFormValues>(db, visitDraftId(recipientId), {
    onError: (e) => console.warn('visit draft not written', e instanceof Error ? e.name : String(e)),
  });
}

/**
 * The previous version wrote drafts in clear to localStorage under this prefix, keyed only by
 * recipient. They cannot be attributed to an account, so they are removed at start-up, unread.
 */
export const LEGACY_DRAFT_PREFIX = 'youfu-desk:visit-draft:';

export function removeLegacyVisitDrafts(
  storage: Pick<Storage, 'length' | 'key' | 'removeItem'> | undefined = globalThis.localStorage,
): number {
  if (!storage) return 0;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(LEGACY_DRAFT_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
    return keys.length;
  } catch {
    // A disabled localStorage holds no drafts either.
    return 0;
  }
}
