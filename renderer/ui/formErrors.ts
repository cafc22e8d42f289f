/** A zod-like error: every issue's message is a stable error code (see shared/i18n/messages). */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** First error code per field path (`phones.0`, `categories.1.disabilityGrade`), for Form.Item help. */
export function issuesByPath(issues: readonly IssueLike[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
