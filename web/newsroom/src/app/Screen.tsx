// The screen a route names, inside the shell's <main>. The editor and the history come from
// their own files, downloaded when first opened: they carry TipTap, which the desk, the lists
// and the login never need. So do the comment screens, which only moderators open.
import { lazy, Suspense, useLayoutEffect, type ReactNode } from 'react';
import ArticleListPage from '../desk/ArticleListPage';
import DeskPage from '../desk/DeskPage';
import AuditPage from '../audit/AuditPage';
import UsersPage from '../people/UsersPage';
import SettingsPage from '../settings/SettingsPage';
import { ScreenErrorBoundary } from '../ui/ScreenErrorBoundary';
import { pageTitle } from '../ui/useTitle';
import NotFoundPage from './NotFoundPage';
import { routeTitle, screenKey, type Route } from './routes';

const EditorPage = lazy(() => import('../editor/EditorPage'));
const HistoryPage = lazy(() => import('../editor/HistoryPage'));
// The comment screens are the moderators' alone: one chunk of their own, fetched when opened.
const ModerationPage = lazy(() => import('../comments/screens').then((m) => ({ default: m.ModerationPage })));
const BansPage = lazy(() => import('../comments/screens').then((m) => ({ default: m.BansPage })));
// The photo library: its own chunk, like the comment screens.
const LibraryPage = lazy(() => import('../photos/screens').then((m) => ({ default: m.LibraryPage })));
const PhotoPage = lazy(() => import('../photos/screens').then((m) => ({ default: m.PhotoPage })));
const ReaderPage = lazy(() => import('../comments/screens').then((m) => ({ default: m.ReaderPage })));

function content(route: Route): ReactNode {
  switch (route.name) {
    case 'desk':
      return <DeskPage />;
    case 'articles':
      return <ArticleListPage />;
    case 'editor':
      // One key for a new piece and a saved one: see screenKey.
      return <EditorPage key="editor" id={route.id} />;
    case 'history':
      return <HistoryPage id={route.id} />;
    case 'users':
      return <UsersPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'comments':
      return <ModerationPage />;
    case 'comment_bans':
      return <BansPage />;
    case 'comment_reader':
      return <ReaderPage />;
    case 'photos':
      return <LibraryPage />;
    case 'photo':
      return <PhotoPage id={route.id} />;
    case 'not_found':
      return <NotFoundPage />;
  }
}

export function Screen({ route, pathname }: { route: Route; pathname: string }) {
  const key = screenKey(route, pathname);
  // On entering a screen only (not when the editor's address gains its id), and in a layout
  // effect so that a screen's own useTitle, a passive effect, runs after and wins.
  useLayoutEffect(() => {
    document.title = pageTitle(routeTitle(route));
  }, [key]);
  return (
    <ScreenErrorBoundary key={key}>
      <Suspense
        fallback={
          <p className="loading" role="status">
            Đang tải…
          </p>
        }
      >
        {content(route)}
      </Suspense>
    </ScreenErrorBoundary>
  );
}
