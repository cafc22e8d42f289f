import { describe, expect, it } from 'vitest';
import { LEGACY_DRAFT_PREFIX, isVisitFormValues, removeLegacyVisitDrafts } from './visitDraft';
import { emptyAid, emptyNeed, initialVisitValues } from './visitFormValues';

const R1 = '11111111-0000-4000-8000-000000000001';

// Storing, sealing and writing drafts: renderer/db/draftRepository.test.ts.
describe('the visit form draft', () => {
  it('restores only what has the visit form’s shape', () => {
    const typed = { ...initialVisitValues({ recipientId: R1 }), notes: '老人说腰疼加重', needs: [emptyNeed()], aid: [emptyAid()] };
    expect(isVisitFormValues(typed)).toBe(true);
    expect(isVisitFormValues({ ...typed, notes: undefined })).toBe(false);
    expect(isVisitFormValues({ ...typed, needs: 'none' })).toBe(false);
    expect(isVisitFormValues({ notes: '只有备注' })).toBe(false);
    expect(isVisitFormValues(null)).toBe(false);
    expect(isVisitFormValues('draft')).toBe(false);
  });

  it('removes the previous version’s clear drafts from localStorage and nothing else', () => {
    const items = new Map([
      [`${LEGACY_DRAFT_PREFIX}${R1}`, JSON.stringify({ savedAt: 'x', values: { notes: '老人说腰疼加重' } })],
      [`${LEGACY_DRAFT_PREFIX}none`, '{}'],
      ['youfu-desk:locale', 'en'],
    ]);
    const storage = {
      get length() {
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      removeItem: (k: string) => {
        items.delete(k);
      },
    };
    expect(removeLegacyVisitDrafts(storage)).toBe(2);
    expect([...items.keys()]).toEqual(['youfu-desk:locale']);
  });
});
