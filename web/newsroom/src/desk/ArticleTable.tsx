// The article list's table: one line a piece, its title linking to the editor.
import type { Summary } from '../api/types';
import { paths } from '../app/paths';
import { Link } from '../app/router';
import { formatVnDateTime } from '../ui/time';
import { StateTag, titleOf } from './StateTag';

export function ArticleTable({ articles, busy }: { articles: Summary[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table table-articles" aria-busy={busy || undefined}>
        <caption>Danh sách bài viết</caption>
        <thead>
          <tr>
            <th scope="col">Tiêu đề</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Chuyên mục</th>
            <th scope="col">Tác giả</th>
            <th scope="col">Cập nhật</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={paths.article(a.id)}>{titleOf(a)}</Link>
              </td>
              <td>
                <StateTag piece={a} />
              </td>
              <td>{a.category || '—'}</td>
              <td>{a.authors.length ? a.authors.join(', ') : '—'}</td>
              <td>
                <time dateTime={a.updated}>{formatVnDateTime(a.updated)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
