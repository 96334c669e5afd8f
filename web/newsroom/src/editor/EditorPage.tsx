// The editor of one piece (/toa-soan/bai/{id}) or of a new one (/toa-soan/bai/moi, id null).
// Loaded only when a piece is opened.
export default function EditorPage({ id }: { id: number | null }) {
  return <h1>{id === null ? 'Bài mới' : `Bài ${id}`}</h1>;
}
