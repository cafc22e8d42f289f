import { defineStrings } from '../../app/i18n';

export const addStrings = defineStrings(
  {
    kind: '类别',
    save: '保存',
    cancel: '取消',
    saved: '已保存 {n} 份',
    sign: '当场签名',
    resign: '重新签名',
    signedHint: '已签名，保存后这条帮扶记为“已签收”',
    nothing: '请先添加照片、文件或签名',
  },
  {
    kind: 'Kind',
    save: 'Save',
    cancel: 'Cancel',
    saved: '{n} saved',
    sign: 'Sign on screen',
    resign: 'Sign again',
    signedHint: 'Signed: once saved, this aid is marked as signed for',
    nothing: 'Add a photo, a file or a signature first',
  },
);
