/** Page-based pagination shared by every list route: `?page=1&pageSize=20` → `{ items, page, pageSize, total }`. */
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Pagina, da 1'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20).describe('Elementi per pagina (massimo 100)'),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
  });
}

export function offsetOf(q: { page: number; pageSize: number }): number {
  return (q.page - 1) * q.pageSize;
}
