// What surrounds every screen once signed in: the paper's name, the navigation (by role), who
// is signed in and the way out, and the <main> the screens render into.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { User } from '../api/types';
import { ROLE_LABELS } from '../api/labels';
import { mayModerate } from '../comments/may_moderate';
import { hasRole } from '../session/session';
import { signOut } from '../session/signOut';
import { PAPER_NAME } from '../ui/useTitle';
import { paths } from './paths';
import { Link, useLocation } from './router';
import { resolveRoute, screenKey, type Route } from './routes';
import { Screen } from './Screen';

interface NavItem {
  label: string;
  href: string;
  current: (r: Route) => boolean;
  shown: (u: User) => boolean;
}

const NAV: NavItem[] = [
  { label: 'Bàn làm việc', href: paths.desk, current: (r) => r.name === 'desk', shown: () => true },
  { label: 'Bài viết', href: paths.articles, current: (r) => r.name === 'articles', shown: () => true },
  {
    label: 'Viết bài mới',
    href: paths.newArticle,
    current: (r) => r.name === 'editor' && r.id === null,
    shown: () => true,
  },
  {
    label: 'Thư viện ảnh',
    href: paths.photos,
    current: (r) => r.name === 'photos' || r.name === 'photo',
    shown: () => true,
  },
  {
    label: 'Bình luận',
    href: paths.comments,
    current: (r) => r.name === 'comments' || r.name === 'comment_bans' || r.name === 'comment_reader',
    shown: mayModerate,
  },
  { label: 'Người dùng', href: paths.users, current: (r) => r.name === 'users', shown: (u) => hasRole(u, 'admin') },
  { label: 'Cài đặt', href: paths.settings, current: (r) => r.name === 'settings', shown: (u) => hasRole(u, 'admin') },
  {
    label: 'Nhật ký',
    href: paths.audit,
    current: (r) => r.name === 'audit',
    shown: (u) => hasRole(u, 'chief', 'admin'),
  },
];

export function Shell({ user }: { user: User }) {
  const location = useLocation();
  const pathname = location.split('?')[0];
  const route = resolveRoute(pathname);
  const key = screenKey(route, pathname);
  const main = useRef<HTMLElement>(null);
  const [logoutError, setLogoutError] = useState('');

  // A new screen: move focus to it, so a screen reader starts reading there and Tab goes on
  // from the top of the new content, not from a link that no longer means anything.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    main.current?.focus({ preventScroll: true });
  }, [key]);

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    main.current?.focus();
    main.current?.scrollIntoView?.();
  };

  const logout = () => {
    setLogoutError('');
    signOut().catch(() => setLogoutError('Không kết nối được máy chủ, chưa đăng xuất được.'));
  };

  return (
    <div className="app">
      <a className="skip-link" href="#noi-dung" onClick={skip}>
        Bỏ qua đến nội dung
      </a>
      <header className="app-header">
        <p className="masthead">{PAPER_NAME}</p>
        <nav aria-label="Tòa soạn" className="app-nav">
          <ul>
            {NAV.filter((item) => item.shown(user)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.current(route) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-user">
          <p className="app-user-name">
            {user.display_name}
            <span className="app-user-roles">{user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
          </p>
          <button type="button" className="button" onClick={logout}>
            Đăng xuất
          </button>
          <div aria-live="polite" className="app-user-message">
            {logoutError && <p className="banner banner-error">{logoutError}</p>}
          </div>
        </div>
      </header>
      <main id="noi-dung" tabIndex={-1} ref={main}>
        <Screen route={route} pathname={pathname} />
      </main>
    </div>
  );
}
