import { defineStrings } from '../../app/i18n';

export const galleryStrings = defineStrings(
  {
    onItsWay: '尚未上传',
    onItsWayHint: '这张照片的原件还在拍摄它的电脑上，同步后即可查看',
    failed: '无法读取',
    withdrawn: '已撤回',
    open: '打开',
    pdf: 'PDF 文件',
    uploading: '待上传',
    uploadingHint: '原件还只在这台电脑上，联网同步后上传到服务器',
  },
  {
    onItsWay: 'Not uploaded yet',
    onItsWayHint: 'The original is still on the computer that took it; it appears once that one syncs',
    failed: 'Cannot be read',
    withdrawn: 'Withdrawn',
    open: 'Open',
    pdf: 'PDF file',
    uploading: 'To upload',
    uploadingHint: 'The original is only on this computer so far; it goes up with the next sync online',
  },
);
