import { Alert, Button, Flex, Spin } from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionUser } from '../../shared/sync/protocol';
import { databaseName, openYoufuDb, requestPersistentStorage, type YoufuDb } from '../db/database';
import type { RepoContext } from '../db/repository';
import { appStrings } from './appStrings';
import { useStrings } from './i18n';

/** What every page of a signed-in session needs: the account's own database and who is acting. */
export interface DbSession {
  db: YoufuDb;
  user: SessionUser;
  scopes: readonly string[];
  serverId: string;
}

const DbContext = createContext<DbSession | null>(null);

export function useDbSession(): DbSession {
  const s = useContext(DbContext);
  if (!s) throw new Error('useDbSession outside DbProvider');
  return s;
}

export function useDb(): YoufuDb {
  return useDbSession().db;
}

/** The repository context for writes made by the signed-in person. */
export function useRepoContext(): RepoContext {
  const { db, user } = useDbSession();
  return useMemo(
    () => ({ db, actor: { staffId: user.id, name: user.name }, now: () => new Date(), newId: () => crypto.randomUUID() }),
    [db, user.id, user.name],
  );
}

type OpenState = { kind: 'opening' } | { kind: 'open'; db: YoufuDb } | { kind: 'failed'; message: string };

/** Opens `station-<serverId>-<userId>` for the session and closes it when the session ends. */
export function DbProvider({ user, scopes, serverId, children }: Omit<DbSession, 'db'> & { children: ReactNode }) {
  const t = useStrings(appStrings);
  const [state, setState] = useState<OpenState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const name = databaseName(serverId, user.id);

  useEffect(() => {
    let cancelled = false;
    let opened: YoufuDb | null = null;
    setState({ kind: 'opening' });
    openYoufuDb(name).then(
      (db) => {
        opened = db;
        if (cancelled) db.close();
        else setState({ kind: 'open', db });
      },
      (e: unknown) => {
        if (!cancelled) setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    void requestPersistentStorage();
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [name, attempt]);

  const value = useMemo<DbSession | null>(
    () => (state.kind === 'open' ? { db: state.db, user, scopes, serverId } : null),
    [state, user, scopes, serverId],
  );

  if (state.kind === 'failed') {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Alert
          type="error"
          showIcon
          title={t('openDbFailed')}
          description={state.message}
          action={<Button onClick={() => setAttempt((a) => a + 1)}>{t('retry')}</Button>}
        />
      </Flex>
    );
  }
  if (!value) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
        <Spin description={t('openingDb')} size="large" />
      </Flex>
    );
  }
  return <DbContext.Provider value={value}>{children}</DbContext.Provider>;
}
