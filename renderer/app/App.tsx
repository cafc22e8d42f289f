import { ConfigProvider, Layout, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { translate } from '../../shared/i18n/messages';

export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header>
          <Typography.Title level={3} style={{ color: '#fff', margin: '14px 0' }}>{translate('zh', 'app.title')}</Typography.Title>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{translate('zh', 'app.subtitle')}</Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
