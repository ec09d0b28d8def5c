import type { ReactNode } from 'react';
import { Layout, Menu } from 'react-admin';

/** The resources' menu, plus the relay's live view (a custom page, not a resource). */
function AdminMenu() {
  return (
    <Menu>
      <Menu.ResourceItems />
      <Menu.Item to="/relay" primaryText="Relay live" />
    </Menu>
  );
}

export function AdminLayout({ children }: { children: ReactNode }) {
  return <Layout menu={AdminMenu}>{children}</Layout>;
}
