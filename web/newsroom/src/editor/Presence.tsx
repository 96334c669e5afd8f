// Who else has the piece open: a heartbeat every PRESENCE_EVERY while the page is visible, and
// the others' names, read as often.
import { useEffect, useState } from 'react';
import { heartbeat, presentOn } from './api';

export const PRESENCE_EVERY = 15_000;

export function PresenceLine({ id, me }: { id: number; me: number | null }) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    const beat = () => {
      // Present only while the page is seen; the others are read either way.
      if (document.visibilityState === 'visible') heartbeat(id).catch(() => {});
      presentOn(id)
        .then((p) => live && setNames(p.present.filter((x) => x.user_id !== me).map((x) => x.display_name || x.username)))
        .catch(() => {});
    };
    beat();
    const timer = setInterval(beat, PRESENCE_EVERY);
    const onVisible = () => document.visibilityState === 'visible' && beat();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [id, me]);
  if (!names.length) return null;
  return <p className="presence">{names.join(', ')} đang mở bài này</p>;
}
