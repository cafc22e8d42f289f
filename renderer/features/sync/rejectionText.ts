/**
 * How the Sync page words the server's `detail` of a refused edit:
 * `phones.0: phone_format; stationCode: parent_out_of_scope` → each part as a field label and a
 * translated message (the code itself when there is no message for it).
 */
export function detailText(
  detail: string,
  field: (name: string) => string,
  message: (code: string) => string | null,
  locale: 'zh' | 'en',
): string {
  const [colon, semicolon] = locale === 'zh' ? ['：', '；'] : [': ', '; '];
  return detail
    .split(';')
    .map((part) => {
      const [path = '', code = ''] = part.split(':').map((x) => x.trim());
      const name = field(path.split('.')[0] ?? path);
      return `${name}${colon}${message(code) ?? code}`;
    })
    .join(semicolon);
}
