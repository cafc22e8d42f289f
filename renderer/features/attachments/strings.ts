import { defineStrings } from '../../app/i18n';

export const attachmentStrings = defineStrings(
  {
    add: '添加照片或文件',
    area: '附件',
    hint: '可拖入照片或 PDF，或在此处按 Ctrl+V 粘贴图片；最多 {max} 个',
    dropHere: '松开即可添加',
    count: '{count} / {max}',
    preparing: '正在处理 {name}…',
    remove: '移除 {name}',
    unnamed: '未命名文件',
    refused: '{name}：{reason}',
  },
  {
    add: 'Add photos or files',
    area: 'Attachments',
    hint: 'Drop photos or PDFs here, or press Ctrl+V here to paste an image; at most {max}',
    dropHere: 'Release to add',
    count: '{count} / {max}',
    preparing: 'Preparing {name}…',
    remove: 'Remove {name}',
    unnamed: 'Unnamed file',
    refused: '{name}: {reason}',
  },
);
