// The front page (/toa-soan/): the writer's and the desk's queues at a glance — their own
// drafts, what waits on them, what came back, what is scheduled and what went out today.
import type { Queues } from '../api/types';
import { paths } from '../app/paths';
import { Link } from '../app/router';
import { useUser } from '../session/useUser';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useApi } from '../ui/useApi';
import { listHref } from './listFilters';
import { PieceLine } from './PieceLine';
import { queueViews } from './queues';

export default function DeskPage() {
  const user = useUser();
  const { data, error, loading, reload } = useApi<Queues>('/api/v1/admin/queues');

  return (
    <>
      <div className="page-head">
        <h1>Bàn làm việc</h1>
        <Link className="button button-primary button-large" href={paths.newArticle}>
          Viết bài mới
        </Link>
      </div>
      <ErrorBanner error={error}>
        <button type="button" className="button" onClick={reload}>
          Thử lại
        </button>
      </ErrorBanner>
      {loading && !data && (
        <p className="loading" role="status">
          Đang tải…
        </p>
      )}
      {data && (
        <div className="queues">
          {queueViews(user).map((view) => {
            const queue = data.queues[view.name] ?? { count: 0, first: [] };
            const headingId = `hang-doi-${view.name}`;
            return (
              <section key={view.name} className="queue" aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {view.heading} <span className="count">({queue.count})</span>
                </h2>
                {queue.first.length === 0 ? (
                  <p className="queue-empty">Không có bài nào.</p>
                ) : (
                  <ul className="piece-lines">
                    {queue.first.map((piece) => (
                      <PieceLine key={piece.id} piece={piece} when={view.when} />
                    ))}
                  </ul>
                )}
                {view.more.map((more) => (
                  <p key={more.text} className="queue-more">
                    <Link href={listHref(more.filters)}>{more.text}</Link>
                  </p>
                ))}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
