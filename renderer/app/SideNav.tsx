import { Layout, Menu } from 'antd';
import { useState } from 'react';
import { useLiveQuery } from '../db/live';
import { dedicatedRecipientCount } from '../db/queries/staff';
import { appStrings } from './appStrings';
import { useDbSession } from './DbProvider';
import { useStrings } from './i18n';
import { NAV_ITEMS, navKeyOf } from './nav';
import { navigate, useRoute } from './router';

/** Dedicated staff by role, or anyone named as a hero's dedicated staff member. */
function useServesHeroes(): boolean {
  const { db, user } = useDbSession();
  const assigned = useLiveQuery(() => dedicatedRecipientCount(db, user.id), [db, user.id], 0);
  return user.role === 'dedicated_staff' || assigned > 0;
}

export function SideNav() {
  const t = useStrings(appStrings);
  const route = useRoute();
  const servesHeroes = useServesHeroes();
  const [collapsed, setCollapsed] = useState(false);
  const { user } = useDbSession();
  const supervises = user.role === 'district_supervisor' || user.role === 'city_admin';
  const items = NAV_ITEMS.filter((i) => (!i.heroesOnly || servesHeroes) && (!i.supervisorsOnly || supervises)).map((i) => ({
    key: i.key,
    icon: i.icon,
    label: <span data-testid={`nav-${i.key}`}>{t(i.label)}</span>,
    onClick: () => navigate(i.path),
  }));
  return (
    <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={184} breakpoint="lg">
      <nav aria-label={t('collapse')}>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[navKeyOf(route.segments[0])]}
          items={items}
          style={{ fontSize: 15, paddingTop: 8 }}
        />
      </nav>
    </Layout.Sider>
  );
}
