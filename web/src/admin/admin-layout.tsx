import type { ReactNode } from 'react';
import { AppBar, Layout, Menu, UserMenu, useGetIdentity } from 'react-admin';

/** The resources' menu, plus the relay's live view (a custom page, not a resource). */
function AdminMenu() {
  return (
    <Menu>
      <Menu.ResourceItems />
      <Menu.Item to="/relay" primaryText="Relay live" />
    </Menu>
  );
}

/**
 * The account menu, named by who is signed in: its button shows that name, and an accessible name that
 * differs from the visible text ("Profile") fails WCAG 2.5.3 (axe: label-content-name-mismatch).
 */
function AccountMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? 'Account'} />;
}

function AdminAppBar() {
  return <AppBar userMenu={<AccountMenu />} />;
}

export function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={AdminMenu} appBar={AdminAppBar}>
      {children}
    </Layout>
  );
}
