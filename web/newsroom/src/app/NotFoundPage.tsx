// Any address under /toa-soan/ that names no screen.
import { paths } from './paths';
import { Link } from './router';

export default function NotFoundPage() {
  return (
    <>
      <h1>Không tìm thấy trang</h1>
      <p>Địa chỉ này không có trong tòa soạn. Có thể đường dẫn bị gõ sai hoặc đã cũ.</p>
      <p>
        <Link href={paths.desk}>Về bàn làm việc</Link>
      </p>
    </>
  );
}
