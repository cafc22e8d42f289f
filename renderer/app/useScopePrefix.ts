import { useDbSession } from './DbProvider';

/** The session's station scope (a code prefix): its first scope, else the user's own station. */
export function useScopePrefix(): string {
  const { scopes, user } = useDbSession();
  return scopes[0] ?? user.stationCode;
}
