// One piece in a queue on the front page: its title (a link to the editor), its state and when
// it last changed — and, in the scheduled and published queues, when it goes or went out.
import { paths } from '../app/paths';
import { Link } from '../app/router';
import type { Summary } from '../api/types';
import { formatVnDateTime } from '../ui/time';
import { StateTag, titleOf } from './StateTag';

export function PieceLine({ piece, when }: { piece: Summary; when?: 'scheduled' | 'published' }) {
  const at = when === 'scheduled' ? piece.scheduled_at : when === 'published' ? piece.published_at : null;
  return (
    <li className="piece-line">
      <Link className="piece-title" href={paths.article(piece.id)}>
        {titleOf(piece)}
      </Link>
      <span className="piece-meta">
        <StateTag piece={piece} />
        {at && (
          <span>
            {when === 'scheduled' ? 'Lên trang ' : 'Xuất bản '}
            <time dateTime={at}>{formatVnDateTime(at)}</time>
          </span>
        )}
        <span>
          Cập nhật <time dateTime={piece.updated}>{formatVnDateTime(piece.updated)}</time>
        </span>
      </span>
    </li>
  );
}
