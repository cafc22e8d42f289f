import { defineStrings } from '../../app/i18n';

export const signatureStrings = defineStrings(
  {
    title: '受助人签名签收',
    hint: '请受助人在下方框内签名，签名将作为签收凭证保存在该条帮扶记录上',
    clear: '重写',
    cancel: '取消',
    accept: '确认签收',
    fileName: '签名.png',
  },
  {
    title: 'Recipient’s signature',
    hint: 'Ask the recipient to sign in the box below; the signature is kept on this aid line as the receipt',
    clear: 'Clear',
    cancel: 'Cancel',
    accept: 'Confirm receipt',
    fileName: 'signature.png',
  },
);
