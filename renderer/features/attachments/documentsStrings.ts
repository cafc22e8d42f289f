import { defineStrings } from '../../app/i18n';

export const documentsStrings = defineStrings(
  {
    title: '资料（{n}）',
    kind: '资料类别',
    save: '保存到资料',
    saved: '已保存 {n} 份资料',
    empty: '还没有照片或资料',
    withdraw: '撤回',
    withdrawTitle: '撤回“{name}”',
    withdrawHint: '撤回的附件不会删除，会连同原因留在记录中，并同步到服务器。',
    reason: '撤回原因',
    withdrawn: '已撤回',
    cancel: '取消',
  },
  {
    title: 'Documents ({n})',
    kind: 'Kind of document',
    save: 'Save to documents',
    saved: '{n} document(s) saved',
    empty: 'No photos or documents yet',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw “{name}”',
    withdrawHint: 'A withdrawn attachment is not deleted: it stays on the record with the reason, and syncs.',
    reason: 'Reason',
    withdrawn: 'Withdrawn',
    cancel: 'Cancel',
  },
);
