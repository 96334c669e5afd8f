// The audit log's lines: who did what, when (Vietnam time, to the second), to which piece,
// from which address.
import type { AuditEntry } from '../api/types';
import { paths } from '../app/paths';
import { Link } from '../app/router';
import { formatVnDateTime } from '../ui/time';
import { auditActionLabel, stateLabel } from './actionLabels';

function who(e: AuditEntry): string {
  if (e.username) return e.username;
  // A failed login for a name no account has: the line keeps what was tried.
  const tried = e.detail?.username;
  return typeof tried === 'string' && tried ? `(thử: ${tried})` : '—';
}

function states(e: AuditEntry): string {
  if (!e.state_before && !e.state_after) return '';
  if (e.state_before === e.state_after) return stateLabel(e.state_after);
  return `${stateLabel(e.state_before) || '—'} → ${stateLabel(e.state_after) || '—'}`;
}

export function AuditTable({ entries, busy }: { entries: AuditEntry[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table table-audit" aria-busy={busy || undefined}>
        <caption>Nhật ký thao tác</caption>
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Người dùng</th>
            <th scope="col">Hành động</th>
            <th scope="col">Bài</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Ghi chú</th>
            <th scope="col">Địa chỉ</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">
                <time dateTime={e.at}>{formatVnDateTime(e.at, true)}</time>
              </td>
              <td>{who(e)}</td>
              <td>
                {auditActionLabel(e.action)}
                <code className="code-note">{e.action}</code>
              </td>
              <td className="nowrap">{e.article_id !== null ? <Link href={paths.article(e.article_id)}>Bài {e.article_id}</Link> : ''}</td>
              <td>{states(e)}</td>
              <td className="note">{e.note}</td>
              <td className="address">{e.address}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
