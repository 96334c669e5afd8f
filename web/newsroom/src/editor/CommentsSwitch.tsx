// Readers' comments on this piece, for those who moderate: open or closed, a button to switch,
// and a link to the queue narrowed to the piece. Apart from the rest of the editor: it neither
// reads nor touches the content being typed, and its request is not a save.
import { useState } from 'react';
import { setCommentsClosed } from '../comments/api';
import { queueHref } from '../comments/queue_filters';
import { Link } from '../app/router';
import { asApiError, errorMessage } from '../ui/errors';

export function CommentsSwitch({ id, closed: initial }: { id: number; closed: boolean }) {
  const [closed, setClosed] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  const flip = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const answer = await setCommentsClosed(id, !closed);
      setClosed(answer.closed);
      setSaid(answer.closed ? 'Đã đóng bình luận.' : 'Đã mở bình luận.');
    } catch (e) {
      setSaid(`Chưa đổi được: ${errorMessage(asApiError(e))}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <p className="piece-comments">
      Bình luận: <strong>{closed ? 'đã đóng' : 'đang mở'}</strong>{' '}
      <button type="button" className="button button-small" aria-disabled={busy || undefined} onClick={() => void flip()}>
        {closed ? 'Mở bình luận' : 'Đóng bình luận'}
      </button>{' '}
      <Link href={queueHref({ article: id })}>Xem bình luận</Link>
      <span role="status" className="piece-comments-said">
        {said ? ` ${said}` : ''}
      </span>
    </p>
  );
}
