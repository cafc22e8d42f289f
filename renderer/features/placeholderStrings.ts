import { defineStrings } from '../app/i18n';

export const placeholderStrings = defineStrings(
  { loading: '正在准备…' },
  { loading: 'Preparing…' },
);
