/**
 * What a username and a password must be for the account to be usable: one definition for the
 * sign-in route and for every way an account is made or changed (the admin CLI, the demo).
 */

/**
 * The longest username and password the sign-in route (loginRequestSchema) accepts: longer ones
 * could never sign in (credentialPolicy.test.ts holds the two together).
 */
export const MAX_USERNAME_LENGTH = 64;
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_USERNAME_LENGTH = 2;
export const MIN_PASSWORD_LENGTH = 8;

/** Sign-in compares usernames in this form: Unicode NFC, no surrounding space, lower case. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/** Letters (any script), digits, and `.`, `_`, `-` inside: no space, control or invisible characters. */
const USERNAME_PATTERN = /^[\p{L}\p{N}](?:[\p{L}\p{N}._-]*[\p{L}\p{N}])?$/u;

/** The normalised username, or throws saying why it cannot be used. */
export function checkUsername(raw: string): string {
  const username = normalizeUsername(raw);
  if (username.length < MIN_USERNAME_LENGTH || username.length > MAX_USERNAME_LENGTH) {
    throw new Error(`a username has ${MIN_USERNAME_LENGTH} to ${MAX_USERNAME_LENGTH} characters`);
  }
  if (!USERNAME_PATTERN.test(username)) {
    throw new Error('a username is letters and digits, with . _ - only between them (no spaces or other characters)');
  }
  return username;
}

/**
 * Passwords seen again and again in leaked lists (and the app's own name): refused whatever
 * their case. Short on purpose: the length rule already rules out the shortest ones.
 */
const COMMON_PASSWORDS = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '12341234',
  '11223344',
  '12344321',
  '123123123',
  '147258369',
  '123456abc',
  '1234qwer',
  'qwer1234',
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'pa$$w0rd',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  'asdfghjk',
  'zxcvbnm1',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qazwsxedc',
  'abcd1234',
  'abc12345',
  'abc123456',
  'a1234567',
  'a12345678',
  'aa123456',
  'iloveyou',
  'woaini1314',
  'woaini520',
  '5201314520',
  'admin123',
  'admin1234',
  'administrator',
  'letmein1',
  'welcome1',
  'welcome123',
  'changeme',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'trustno1',
  'youfu123',
  'youfu1234',
  'youfudesk',
  'youfu-desk',
  'youfu2026',
  'demo-pass1',
  'shenzhen',
  'shenzhen123',
  'shenzhen1',
  'tuiyijunren',
  'youfuduixiang',
]);

/** Throws saying what is wrong with `password` as the password of `username`. */
export function checkPassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new Error(`the password may have at most ${MAX_PASSWORD_LENGTH} characters (the sign-in limit)`);
  const folded = password.normalize('NFC').toLowerCase();
  const name = normalizeUsername(username);
  if (folded === name || (name.length >= 4 && folded.includes(name))) throw new Error('the password must not be or contain the username');
  if (COMMON_PASSWORDS.has(folded) || new Set(folded).size === 1) throw new Error('this password is too common: choose another');
}
