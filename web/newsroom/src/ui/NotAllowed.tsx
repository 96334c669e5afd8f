// A screen the signed-in person's roles do not open (its link is not in their navigation, but
// an address can still be typed or shared): says so, and who may.
import { Link } from '../app/router';
import { paths } from '../app/paths';

export function NotAllowed({ title, who }: { title: string; who: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{who} xem được trang này.</p>
      <p>
        <Link href={paths.desk}>Về bàn làm việc</Link>
      </p>
    </>
  );
}
