import type { ThemeConfig } from 'antd';

/**
 * The font the app ships (Noto Sans SC, renderer/main.tsx) first: the same letters on every
 * computer and on paper, also where no CJK font is installed; the system fonts after it.
 */
export const FONT_FAMILY = [
  '"Noto Sans SC"',
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

export const appTheme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#b71c1c',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#1f1f1f', headerPadding: '0 20px', headerHeight: 56 },
  },
};
