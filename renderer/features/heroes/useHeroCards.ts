import { useDb } from '../../app/DbProvider';
import { useLiveQuery } from '../../db/live';
import { type HeroCardData, heroCards } from '../../db/queries/heroes';

export type { HeroCardData } from '../../db/queries/heroes';

/** The heroes a dedicated staff member serves, each with pending duties and the last visit or call. */
export function useHeroCards(staffId: string): HeroCardData[] | undefined {
  const db = useDb();
  return useLiveQuery(() => heroCards(db, staffId), [db, staffId]);
}
