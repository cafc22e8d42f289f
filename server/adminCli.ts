import { parseArgs } from 'node:util';
import { STAFF_ROLE } from '../shared/domain/enums';
import type { StaffRole } from '../shared/domain/enums';
import type { Account } from './auth/accounts';
import { createAccount, resetPassword, setAccountDisabled, setAccountStation } from './auth/accounts';
import { readServerConfig } from './config';
import type { Db } from './db/db';
import { openServerDb } from './db/openDb';
import { purgeTombstones } from './sync/tombstones';

const USAGE = `usage: npm run admin -- <command> …
  create-user <username> --name <姓名> --role <${STAFF_ROLE.values.join('|')}> --station <code>
  set-station <username> <code>        (the account's devices will refetch their data)
  reset-password <username>            (ends every session of the account)
  disable <username> | enable <username>
  purge-tombstones --older-than-days <n>
The password is read from YOUFU_PASSWORD, never from the command line (it would show in ps
and the shell history): 8 to 200 characters, not containing the username, not a common one.
Usernames are stored as sign-in reads them (lower case, no surrounding spaces): 2 to 64
letters or digits, with . _ - between them. Uses DATABASE_URL or DATA_DIR like the server; with the embedded
database, stop the server first.`;

function requirePassword(): string {
  const pw = process.env.YOUFU_PASSWORD;
  if (!pw) throw new Error('set YOUFU_PASSWORD to the new password');
  return pw;
}

function describe(a: Account): string {
  return `${a.username} (${a.name}, ${a.role}, station ${a.stationCode}${a.disabled ? ', disabled' : ''})`;
}

async function run(db: Db, argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      station: { type: 'string' },
      'older-than-days': { type: 'string' },
    },
  });
  const [command, username, arg] = positionals;
  switch (command) {
    case 'create-user': {
      if (!username || !values.name || !values.role || !values.station) throw new Error(USAGE);
      if (!(STAFF_ROLE.values as readonly string[]).includes(values.role))
        throw new Error(`role must be one of ${STAFF_ROLE.values.join(', ')}`);
      const a = await createAccount(db, {
        username,
        name: values.name,
        role: values.role as StaffRole,
        stationCode: values.station,
        password: requirePassword(),
      });
      return `created ${describe(a)}`;
    }
    case 'set-station':
      if (!username || !arg) throw new Error(USAGE);
      return `moved ${describe(await setAccountStation(db, username, arg))}`;
    case 'reset-password':
      if (!username) throw new Error(USAGE);
      return `new password set, sessions ended: ${describe(await resetPassword(db, username, requirePassword()))}`;
    case 'disable':
    case 'enable':
      if (!username) throw new Error(USAGE);
      return `${command}d ${describe(await setAccountDisabled(db, username, command === 'disable'))}`;
    case 'purge-tombstones': {
      const days = Number(values['older-than-days']);
      if (!Number.isFinite(days) || days < 1) throw new Error(USAGE);
      const r = await purgeTombstones(db, new Date(Date.now() - days * 24 * 60 * 60 * 1000));
      return `purged ${r.purgedRows} deleted rows; devices with a cursor below ${r.horizon} will refetch`;
    }
    default:
      throw new Error(USAGE);
  }
}

async function main(): Promise<void> {
  const db = await openServerDb(readServerConfig(process.env));
  try {
    console.log(await run(db, process.argv.slice(2)));
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
