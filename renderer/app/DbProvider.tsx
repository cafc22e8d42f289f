import { Alert, Button, Flex, Spin } from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionUser } from '../../shared/sync/protocol';
import { closeSealedDatabase, openSealedDatabase } from '../db/atRest/openSealed';
import type { BackupResult } from '../../shared/backup/errors';
import { applyRestore, prepareRestore } from '../db/backup/restoreBackup';
import { databaseName, resolveDatabaseName, restoredDatabaseName, setDatabaseAlias } from '../db/databaseAlias';
import type { YoufuDb } from '../db/handle';
import { deleteLocalDatabase } from '../db/localDatabases';
import { requestPersistentStorage } from '../db/persistentStorage';
import { type OpenFailureCode, openFailureCode } from '../db/openFailure';
import type { RepoContext } from '../db/repository';
import { type KeyLoadError, loadDatabaseKeys } from '../platform/dbKeys';
import { signOutSession } from '../platform/session';
import { appStrings } from './appStrings';
import { dbStrings } from './dbStrings';
import { OpenFailedScreen } from './OpenFailedScreen';
import { useStrings } from './i18n';
import { LOCAL_DEMO_SERVER_ID } from './localDemo';
import { useAppStore } from './store';

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

type OpenState =
  | { kind: 'opening' }
  | { kind: 'sealing' }
  | { kind: 'open'; db: YoufuDb }
  | { kind: 'failed'; code: OpenFailureCode; message: string }
  | { kind: 'no_keys'; error: KeyLoadError | 'keys_mismatch'; detail?: string };

const OPENING: OpenState = { kind: 'opening' };

/**
 * Opens `station-<serverId>-<userId>` for the session with its keys (renderer/platform/dbKeys.ts)
 * and closes it, dropping the keys, when the session ends or locks: the lock screen unmounts
 * this provider. On the first open after an update it seals what the plaintext version left.
 */
export function DbProvider({ user, scopes, serverId, children }: Omit<DbSession, 'db'> & { children: ReactNode }) {
  const t = useStrings(appStrings);
  const tk = useStrings(dbStrings);
  const [attempt, setAttempt] = useState(0);
  // The account's keys belong to its base name; a restore after a database that would not open
  // points the account at a new database (databaseAlias.ts), sealed with the same keys.
  const baseName = databaseName(serverId, user.id);
  const name = resolveDatabaseName(baseName);
  // Each opening's state, with what it opens: another database or attempt is 'opening' until
  // its own answer is in (never the previous, closed, database).
  const openKey = JSON.stringify([baseName, name, serverId, attempt]);
  const [shown, setShown] = useState<{ key: string; state: OpenState } | null>(null);
  const state = shown !== null && shown.key === openKey ? shown.state : OPENING;

  useEffect(() => {
    let cancelled = false;
    let opened: YoufuDb | null = null;
    const setState = (next: OpenState): void => setShown({ key: openKey, state: next });
    const open = async (): Promise<void> => {
      const keys = await loadDatabaseKeys(baseName, { demo: serverId === LOCAL_DEMO_SERVER_ID });
      if (cancelled) return;
      if (!keys.ok) {
        setState({ kind: 'no_keys', error: keys.error, ...(keys.detail === undefined ? {} : { detail: keys.detail }) });
        return;
      }
      let announced = false;
      const res = await openSealedDatabase(name, keys.keys, {
        onSealProgress: () => {
          if (!announced && !cancelled) setState({ kind: 'sealing' });
          announced = true;
        },
      });
      if (!res.ok) {
        if (!cancelled) setState({ kind: 'no_keys', error: res.error });
        return;
      }
      opened = res.db;
      if (cancelled) closeSealedDatabase(res.db);
      else setState({ kind: 'open', db: res.db });
    };
    open().catch((e: unknown) => {
      if (!cancelled) setState({ kind: 'failed', code: openFailureCode(e), message: e instanceof Error ? e.message : String(e) });
    });
    void requestPersistentStorage();
    return () => {
      cancelled = true;
      if (opened) closeSealedDatabase(opened);
    };
  }, [openKey, baseName, name, serverId]);

  const value = useMemo<DbSession | null>(
    () => (state.kind === 'open' ? { db: state.db, user, scopes, serverId } : null),
    [state, user, scopes, serverId],
  );

  const retry = () => setAttempt((a) => a + 1);
  const restore = async (bytes: Uint8Array, password: string): Promise<BackupResult<unknown>> => {
    const res = await restoreIntoNewDatabase(baseName, user.id, serverId, bytes, password);
    if (res.ok) retry();
    return res;
  };
  // A database that will not open, or whose data these keys cannot read: a clear message and a
  // restore offer, never a wipe.
  if (state.kind === 'failed')
    return <OpenFailedScreen message={state.message} newerVersion={state.code === 'newer_version'} onRetry={retry} onRestore={restore} />;
  if (state.kind === 'no_keys' && state.error === 'keys_mismatch') {
    return (
      <OpenFailedScreen message={null} title={tk('keysMismatch')} intro={tk('keysMismatchHint')} onRetry={retry} onRestore={restore} />
    );
  }
  if (state.kind === 'no_keys') return <NoKeys error={state.error} detail={state.detail} onRetry={() => setAttempt((a) => a + 1)} />;
  if (!value) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
        <Spin description={state.kind === 'sealing' ? tk('sealing') : t('openingDb')} size="large" />
      </Flex>
    );
  }
  return <DbContext.Provider value={value}>{children}</DbContext.Provider>;
}

/** The database stays closed: no keys for it in this session, or not the keys it was sealed with. */
function NoKeys({ error, detail, onRetry }: { error: KeyLoadError | 'keys_mismatch'; detail?: string | undefined; onRetry: () => void }) {
  const t = useStrings(appStrings);
  const tk = useStrings(dbStrings);
  const signOut = useAppStore((s) => s.signOut);
  const title =
    error === 'sign_in_again'
      ? tk('signInAgain')
      : error === 'locked'
        ? tk('keysLocked')
        : error === 'keys_mismatch'
          ? tk('keysMismatch')
          : tk('keysUnavailable');
  const description = error === 'sign_in_again' ? tk('signInAgainHint') : error === 'keys_mismatch' ? tk('keysMismatchHint') : detail;
  const backToSignIn = async (): Promise<void> => {
    await signOutSession();
    signOut();
  };
  return (
    <Flex justify="center" style={{ padding: 48 }} data-testid="db-keys-problem">
      <Alert
        type={error === 'keys_mismatch' ? 'error' : 'warning'}
        showIcon
        title={title}
        description={description}
        action={
          error === 'sign_in_again' ? (
            <Button type="primary" onClick={() => void backToSignIn()}>
              {tk('backToSignIn')}
            </Button>
          ) : (
            <Button onClick={onRetry}>{t('retry')}</Button>
          )
        }
      />
    </Flex>
  );
}

/**
 * The restore offered when the account's database will not open: the backup goes into a NEW
 * database (same keys), which becomes the account's database only once the restore is complete.
 * The unreadable database is left exactly as it was; a failed restore removes its new database.
 */
async function restoreIntoNewDatabase(
  baseName: string,
  accountId: string,
  serverId: string,
  bytes: Uint8Array,
  password: string,
): Promise<BackupResult<unknown>> {
  const keys = await loadDatabaseKeys(baseName, { demo: serverId === LOCAL_DEMO_SERVER_ID });
  if (!keys.ok) return { ok: false, error: { code: 'backup_restore_failed', detail: keys.error } };
  const name = restoredDatabaseName(baseName, new Date());
  const opened = await openSealedDatabase(name, keys.keys);
  if (!opened.ok) return { ok: false, error: { code: 'backup_restore_failed', detail: opened.error } };
  const db = opened.db;
  let done = false;
  try {
    const prepared = await prepareRestore(db, bytes, password, { accountId, allowSameAccountFreshProfile: true });
    if (!prepared.ok) return prepared;
    const applied = await applyRestore(db, prepared.value);
    if (!applied.ok) return applied;
    done = true;
    return applied;
  } finally {
    closeSealedDatabase(db);
    if (done) setDatabaseAlias(baseName, name);
    else await deleteLocalDatabase(name);
  }
}
