import { useEffect, useState } from 'react';
import { todayInShanghai } from '../../shared/duties';

/** Today's date in Shenzhen, refreshed each minute so an app left open overnight moves on. */
export function useToday(): string {
  const [today, setToday] = useState(() => todayInShanghai(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setToday(todayInShanghai(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}
