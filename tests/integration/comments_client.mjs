// Readers' comments for the tests: posting as a reader's browser does (JSON or the plain form),
// and reading a server-sent-event stream as EventSource would, Last-Event-ID included.
import http from 'node:http';

/** POST /api/v1/articles/{id}/comments as the page's script: { status, json, headers }. */
export async function postComment(base, articleId, fields, { headers = {} } = {}) {
  const body = { name: 'Bạn Đọc', email: '', content: '', parent_id: null, website: '', ...fields };
  const r = await fetch(`${base}/api/v1/articles/${articleId}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: r.status, json, text, headers: r.headers };
}

/** The newest comments the moderators see, by content. */
export async function queued(moderator, content) {
  const r = await moderator.api('GET', '/api/v1/admin/comments?per_page=200');
  return r.json.comments.find((c) => c.content === content);
}

/**
 * Opens GET `path` as a stream of server-sent events. `events` fills as they arrive
 * ({id, event, data}); `next(pred, ms)` waits for one matching; `close()` ends it.
 */
export function openEvents(base, path, { lastEventId } = {}) {
  const url = new URL(path, base);
  const events = [];
  const waiters = [];
  let buffer = '';
  let status = 0;
  const headers = { Accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = String(lastEventId);
  let resolveOpen, rejectOpen;
  const opened = new Promise((res, rej) => {
    resolveOpen = res;
    rejectOpen = rej;
  });
  const req = http.get({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
    status = res.statusCode;
    resolveOpen(res);
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e = { id: null, event: 'message', data: '' };
        let any = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':') || !line) continue;
          const i = line.indexOf(':');
          const field = i < 0 ? line : line.slice(0, i);
          const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
          if (field === 'id') e.id = value;
          else if (field === 'event') e.event = value;
          else if (field === 'data') e.data += (e.data ? '\n' : '') + value;
          else continue;
          any = true;
        }
        if (!any || (e.event === 'message' && !e.data)) continue;
        events.push(e);
        for (const w of waiters.splice(0)) w();
      }
    });
  });
  req.on('error', (e) => rejectOpen(e));
  return {
    events,
    opened,
    get status() {
      return status;
    },
    async next(pred, ms = 2000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(pred);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await new Promise((r) => {
          const t = setTimeout(r, left);
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
    close() {
      req.destroy();
    },
  };
}
