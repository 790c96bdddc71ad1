import { request, requestPage } from './client';

export interface Product {
  id: number;
  title: string;
  image: string;
  likes: number;
}

/** What a client sets on a product (admin's ProductInput); the rest belongs to the server. */
export interface ProductInput {
  title: string;
  image: string;
}

/** A page of products, ordered by id, the cursor of the next page (absent on the last), and the
 * version of the service that served it. */
export interface ProductPage {
  products: Product[];
  after?: number;
  servedBy?: string;
}

/** How many products a list shows at a time; the services allow up to 1,000. */
export const PAGE_SIZE = 100;

const ADMIN = '/admin/api/products';
const MAIN = '/main/api/products';

async function page(list: string, after?: number): Promise<ProductPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(after ? { after: String(after) } : {}) });
  const { items, next, servedBy } = await requestPage<Product>(`${list}?${query}`);
  const nextAfter = Number(next?.get('after'));
  return { products: items, after: next && Number.isInteger(nextAfter) ? nextAfter : undefined, servedBy };
}

/** The catalogue, from admin (the source of truth). */
export const catalogue = {
  page: (after?: number) => page(ADMIN, after),
  create: (input: ProductInput) => request<Product>(ADMIN, { method: 'POST', body: JSON.stringify(input) }),
  update: (id: number, input: ProductInput) =>
    request<Product>(`${ADMIN}/${id}`, { method: 'PUT', body: JSON.stringify(input) }),
  remove: (id: number) => request<void>(`${ADMIN}/${id}`, { method: 'DELETE' }),
};

/** The storefront, from main: the products with the likes main counted. */
export const storefront = {
  page: (after?: number) => page(MAIN, after),
  /** As the signed-in shopper: main takes who likes from the access token. */
  like: (id: number) => request<Product>(`${MAIN}/${id}/like`, { method: 'POST' }),
};

