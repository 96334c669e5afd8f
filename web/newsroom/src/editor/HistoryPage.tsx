// A piece's revisions (/toa-soan/bai/{id}/lich-su): the word difference between any two, and
// restore.
export default function HistoryPage({ id }: { id: number }) {
  return <h1>Lịch sử bài {id}</h1>;
}
