// A newsroom client for the tests: accounts made with `toasoan user add`, sessions opened
// through POST /api/v1/session, and admin API calls that carry the cookie, the CSRF token and
// the Origin, as the newsroom's web app sends them.
import { runToasoan } from './helpers.mjs';

export const PASSWORD = 'mật khẩu đủ dài 2026';

// The newsroom the tests work with: one member of each role.
export const STAFF = {
  reporter: { username: 'phong.vien', roles: 'reporter', display: 'Phóng Viên Một' },
  reporter2: { username: 'phong.vien.hai', roles: 'reporter', display: 'Phóng Viên Hai' },
  editor: { username: 'bien.tap', roles: 'editor', display: 'Biên Tập' },
  secretary: { username: 'thu.ky', roles: 'secretary', display: 'Thư Ký' },
  chief: { username: 'tong.bien.tap', roles: 'chief', display: 'Tổng Biên Tập' },
  admin: { username: 'quan.tri', roles: 'admin', display: 'Quản Trị' },
  moderator: { username: 'kiem.duyet', roles: 'moderator', display: 'Kiểm Duyệt' },
};

/** `toasoan user add` for every member of STAFF (the password on standard input). */
export async function addStaff(db) {
  for (const m of Object.values(STAFF)) {
    const r = await runToasoan(
      ['user', 'add', m.username, '--role', m.roles, '--display-name', m.display, '--db', db, '--password-cost', 'min'],
      { input: PASSWORD + '\n' },
    );
    if (r.code !== 0) throw new Error(`user add ${m.username}: ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
}

/** A fetch answer read whole: { status, json (null when the body is not JSON), text, headers }. */
export async function answerOf(r) {
  const text = await r.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: r.status, json, text, headers: r.headers };
}

/** POST /api/v1/session: { status, headers, json }. */
export async function loginRaw(base, username, password, { origin = base, headers = {} } = {}) {
  const r = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: JSON.stringify({ username, password }),
  });
  return answerOf(r);
}

/** A signed-in member: `api(method, path, body)` → { status, json, headers }. */
export async function signIn(base, who, password = PASSWORD) {
  const username = typeof who === 'string' ? who : who.username;
  const r = await loginRaw(base, username, password);
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return session(base, cookie, r.json.csrf, r.json.user);
}

export function session(base, cookie, csrf, user) {
  return {
    base,
    cookie,
    csrf,
    user,
    async api(method, path, body, { headers = {}, raw } = {}) {
      const h = { Cookie: cookie, Origin: base, 'X-CSRF-Token': csrf, ...headers };
      if (body !== undefined && raw === undefined) h['Content-Type'] = 'application/json';
      const r = await fetch(`${base}${path}`, {
        method,
        headers: h,
        body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
      });
      return answerOf(r);
    },
  };
}

/** A piece ready to publish. */
export function fullPiece(title, extra = {}) {
  return {
    title,
    lead: `Sapo của bài ${title}.`,
    category: 'Thời sự',
    authors: ['Huy Thành'],
    blocks: [{ type: 'paragraph', text: `Đoạn thân bài của ${title} về nghị quyết của tỉnh.` }],
    ...extra,
  };
}

/** Takes a new piece through the whole chain to published, returning its last JSON. */
export async function publishThroughChain(members, body) {
  const { reporter, editor, secretary, chief } = members;
  const created = await reporter.api('POST', '/api/v1/admin/articles', body);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const id = created.json.id;
  for (const [who, action] of [
    [reporter, 'submit'],
    [editor, 'pass'],
    [secretary, 'approve'],
    [chief, 'publish'],
  ]) {
    const r = await who.api('POST', `/api/v1/admin/articles/${id}/actions`, { action });
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${r.text}`);
  }
  const r = await chief.api('GET', `/api/v1/admin/articles/${id}`);
  return r.json;
}
