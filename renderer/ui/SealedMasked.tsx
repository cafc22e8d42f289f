import { useEffect, useState } from 'react';
import { maskIdNumber } from '../../shared/validation/idNumber';
import { maskPhone } from '../../shared/validation/phone';
import { useDb } from '../app/DbProvider';
import type { RecipientListItem } from '../db/codec';
import type { YoufuDb } from '../db/database';

/**
 * The masked ID number and first phone of a list row. List queries never decrypt; this cell
 * opens its own row only when it is rendered (the caseload list is virtualised, so that is the
 * rows on screen) and keeps just the MASKED strings, per open database, so scrolling back and
 * forth does not decrypt again. Closing the database (lock, sign-out) drops the cache with it.
 */
interface Masked {
  id: string;
  phone: string | null;
}

const caches = new WeakMap<YoufuDb, Map<string, Promise<Masked>>>();
const MAX_CACHED = 5000;

function maskedOf(db: YoufuDb, item: RecipientListItem): Promise<Masked> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${item.id}|${item.updatedAt}`;
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= MAX_CACHED) cache.clear();
    found = db.codec.openListItem('recipients', item).then((r) => ({ id: maskIdNumber(r.idNumber), phone: r.phones[0] ? maskPhone(r.phones[0]) : null }));
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

function useMasked(item: RecipientListItem): Masked | null {
  const db = useDb();
  const [masked, setMasked] = useState<Masked | null>(null);
  useEffect(() => {
    let live = true;
    maskedOf(db, item).then((m) => { if (live) setMasked(m); }, () => { if (live) setMasked(null); });
    return () => {
      live = false;
    };
  }, [db, item]);
  return masked;
}

const MONO = { fontVariantNumeric: 'tabular-nums', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', whiteSpace: 'nowrap' } as const;

/** `440304********123X`, opened from the row's sealed field when shown. */
export function SealedMaskedId({ item }: { item: RecipientListItem }) {
  const masked = useMasked(item);
  return <span style={MONO} data-testid="masked-id">{masked?.id ?? ''}</span>;
}

/** `138****5678` (first phone) or —, opened from the row's sealed field when shown. */
export function SealedMaskedPhone({ item }: { item: RecipientListItem }) {
  const masked = useMasked(item);
  if (masked === null) return <span style={MONO} />;
  return <span style={MONO} data-testid={masked.phone ? 'masked-phone' : undefined}>{masked.phone ?? '—'}</span>;
}
