import { Layout } from 'antd';
import { HeaderBar } from './HeaderBar';
import { RouteView } from './RouteView';
import { SideNav } from './SideNav';
import { useShortcuts } from './useShortcuts';

/** Navigation on the left, who-and-where on top, the current page below. */
export function Shell() {
  useShortcuts();
  return (
    <Layout style={{ height: '100vh' }}>
      <SideNav />
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ padding: '20px 24px', overflow: 'auto' }} id="main-content">
          <RouteView />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
