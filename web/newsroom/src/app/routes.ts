// Which screen an address names, as data: the shell renders it, tests check it without React.
import { match } from './router';

export type Route =
  | { name: 'desk' }
  | { name: 'articles' }
  | { name: 'editor'; id: number | null }
  | { name: 'history'; id: number }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'audit' }
  | { name: 'comments' }
  | { name: 'comment_bans' }
  | { name: 'comment_reader' }
  | { name: 'photos' }
  | { name: 'photo'; id: number }
  | { name: 'not_found' };

// An id as the server hands them out: a positive integer it can store (its id_param refuses
// anything above 2·10⁹). "/bai/041" or "/bai/1e3" is no piece's address.
function pieceId(s: string | undefined): number | null {
  if (!s || !/^[1-9][0-9]{0,9}$/.test(s)) return null;
  const n = Number(s);
  return n <= 2_000_000_000 ? n : null;
}

/** The route of a path (the query, if any, is ignored). */
export function resolveRoute(path: string): Route {
  if (match('/toa-soan/', path)) return { name: 'desk' };
  if (match('/toa-soan/bai', path)) return { name: 'articles' };
  // Before /bai/:id, which would otherwise take "moi" for an id.
  if (match('/toa-soan/bai/moi', path)) return { name: 'editor', id: null };
  let m = match('/toa-soan/bai/:id', path);
  if (m) {
    const id = pieceId(m.id);
    return id === null ? { name: 'not_found' } : { name: 'editor', id };
  }
  m = match('/toa-soan/bai/:id/lich-su', path);
  if (m) {
    const id = pieceId(m.id);
    return id === null ? { name: 'not_found' } : { name: 'history', id };
  }
  if (match('/toa-soan/anh', path)) return { name: 'photos' };
  m = match('/toa-soan/anh/:id', path);
  if (m) {
    const id = pieceId(m.id);
    return id === null ? { name: 'not_found' } : { name: 'photo', id };
  }
  if (match('/toa-soan/nguoi-dung', path)) return { name: 'users' };
  if (match('/toa-soan/cai-dat', path)) return { name: 'settings' };
  if (match('/toa-soan/nhat-ky', path)) return { name: 'audit' };
  if (match('/toa-soan/binh-luan', path)) return { name: 'comments' };
  if (match('/toa-soan/binh-luan/chan', path)) return { name: 'comment_bans' };
  if (match('/toa-soan/binh-luan/ban-doc', path)) return { name: 'comment_reader' };
  return { name: 'not_found' };
}

/** The screen's name in the browser tab, before " — Tòa soạn". */
export function routeTitle(route: Route): string {
  switch (route.name) {
    case 'desk':
      return 'Bàn làm việc';
    case 'articles':
      return 'Bài viết';
    case 'editor':
      return route.id === null ? 'Viết bài mới' : `Bài ${route.id}`;
    case 'history':
      return `Lịch sử bài ${route.id}`;
    case 'users':
      return 'Người dùng';
    case 'settings':
      return 'Cài đặt';
    case 'audit':
      return 'Nhật ký';
    case 'comments':
      return 'Bình luận';
    case 'comment_bans':
      return 'Chặn bình luận';
    case 'comment_reader':
      return 'Dữ liệu bạn đọc';
    case 'photos':
      return 'Thư viện ảnh';
    case 'photo':
      return `Ảnh ${route.id}`;
    case 'not_found':
      return 'Không tìm thấy trang';
  }
}

/** What stays the same across addresses that are one screen: the editor of a new piece
 *  becomes the editor of piece 41 after its first save without being rebuilt (everything
 *  typed, the cursor, the undo history stay). Anything else is a new screen. */
export function screenKey(route: Route, pathname: string): string {
  return route.name === 'editor' ? 'editor' : pathname;
}
