import { createContext, useContext } from 'react';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';

/**
 * The signatures and receipt photos of the form's aid lines, by each line's `uid`, held by the
 * form until it saves them with the visit (each on its aid line).
 */
export interface AidEvidence {
  of(uid: string): PreparedAttachment[];
  set(uid: string, files: PreparedAttachment[]): void;
}

export const AidEvidenceContext = createContext<AidEvidence>({ of: () => [], set: () => undefined });

export function useAidEvidence(): AidEvidence {
  return useContext(AidEvidenceContext);
}

/** The form's aid lines' files as the repository takes them: each with the index of its line. */
export function aidAttachments(
  lines: readonly { uid: string }[],
  evidence: Readonly<Record<string, PreparedAttachment[]>>,
): { file: PreparedAttachment; aidIndex: number }[] {
  return lines.flatMap((line, aidIndex) => (evidence[line.uid] ?? []).map((file) => ({ file, aidIndex })));
}
