import { useEffect, useState } from 'react';
import type { AttachmentPart } from '../../../shared/attachments/api';
import { THUMB_MIME } from '../../../shared/attachments/limits';
import { sha256Hex } from '../../../shared/cipher/aesGcm';
import type { Attachment } from '../../../shared/domain/schemas';
import { useDbSession } from '../../app/DbProvider';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import { storeFetchedBytes } from '../../db/attachmentRepository';
import type { YoufuDb } from '../../db/handle';
import { readAttachmentBytes } from '../../db/queries/attachments';
import { createSessionAttachmentTransport } from '../../platform/session';

export type AttachmentImage =
  | { state: 'loading'; url: null }
  | { state: 'ready'; url: string }
  /** Not on this device and not (yet) on the server: its bytes are still on their way. */
  | { state: 'on_its_way'; url: null }
  | { state: 'failed'; url: null };

/**
 * The bytes of a part: from this device, or fetched from the server, checked against the hash
 * the row names and kept (sealed) for next time. Null: not here and the server has not got them.
 */
async function loadPart(
  db: YoufuDb,
  fetchPart:
    | ((input: { id: string; part: AttachmentPart }) => Promise<{ ok: true; value: Uint8Array } | { ok: false; error: { code: string } }>)
    | null,
  a: Attachment,
  part: AttachmentPart,
): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const sha256 = part === 'thumb' ? a.thumbSha256 : a.sha256;
  if (sha256 === null) return null;
  const local = await readAttachmentBytes(db, sha256);
  if (local) return local;
  if (!fetchPart) return null;
  const got = await fetchPart({ id: a.id, part });
  if (!got.ok) {
    if (got.error.code === 'not_found') return null;
    throw new Error(got.error.code);
  }
  if ((await sha256Hex(got.value)) !== sha256) throw new Error('the bytes the server sent are not the attachment’s');
  const mime = part === 'thumb' ? THUMB_MIME : a.mime;
  await storeFetchedBytes(db, sha256, got.value, mime, part);
  return { bytes: got.value, mime };
}

/**
 * An object URL of an attachment's thumbnail or original for an <img>, revoked when the
 * component goes: read from this device, else downloaded on demand (a supervisor's computer).
 */
export function useAttachmentImage(a: Attachment | null, part: AttachmentPart): AttachmentImage {
  const { db, serverId, user } = useDbSession();
  const key = a ? `${a.id}/${part}` : null;
  // What was loaded, for which key: a new key reads as loading until its load answers.
  const [loaded, setLoaded] = useState<{ key: string; image: AttachmentImage } | null>(null);
  useEffect(() => {
    if (!a) return;
    let url: string | null = null;
    let live = true;
    const loadKey = `${a.id}/${part}`;
    const transport = serverId === LOCAL_DEMO_SERVER_ID ? null : createSessionAttachmentTransport({ serverId, userId: user.id });
    loadPart(db, transport ? (input) => transport.download(input) : null, a, part).then(
      (bytes) => {
        if (!live) return;
        if (!bytes) return setLoaded({ key: loadKey, image: { state: 'on_its_way', url: null } });
        url = URL.createObjectURL(new Blob([bytes.bytes as Uint8Array<ArrayBuffer>], { type: bytes.mime }));
        setLoaded({ key: loadKey, image: { state: 'ready', url } });
      },
      () => {
        if (live) setLoaded({ key: loadKey, image: { state: 'failed', url: null } });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // The attachment's bytes never change under its id: the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, serverId, user.id]);
  return loaded !== null && loaded.key === key ? loaded.image : { state: 'loading', url: null };
}
