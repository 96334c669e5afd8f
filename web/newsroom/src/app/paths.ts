// Every screen's address, in one place: links, redirects and the route table agree on them.
import { BASE } from './router';

export const paths = {
  desk: `${BASE}/`,
  articles: `${BASE}/bai`,
  newArticle: `${BASE}/bai/moi`,
  article: (id: number) => `${BASE}/bai/${id}`,
  history: (id: number) => `${BASE}/bai/${id}/lich-su`,
  users: `${BASE}/nguoi-dung`,
  settings: `${BASE}/cai-dat`,
  audit: `${BASE}/nhat-ky`,
  comments: `${BASE}/binh-luan`,
  commentBans: `${BASE}/binh-luan/chan`,
  commentReader: `${BASE}/binh-luan/ban-doc`,
  photos: `${BASE}/anh`,
  photo: (id: number) => `${BASE}/anh/${id}`,
} as const;
