import { request } from './client';

export interface Product {
  id: number;
  title: string;
  image: string;
  likes: number;
}

export interface ProductInput {
  title: string;
  image: string;
}

const ADMIN = '/admin/api/products';
const MAIN = '/main/api/products';

/** The catalogue, from admin (the source of truth). */
export const catalogue = {
  list: () => request<Product[]>(ADMIN),
  create: (input: ProductInput) => request<Product>(ADMIN, { method: 'POST', body: JSON.stringify(input) }),
  update: (id: number, input: ProductInput) =>
    request<Product>(`${ADMIN}/${id}`, { method: 'PUT', body: JSON.stringify(input) }),
  remove: (id: number) => request<void>(`${ADMIN}/${id}`, { method: 'DELETE' }),
};

/** The storefront, from main: the products with the likes main counted. */
export const storefront = {
  list: () => request<Product[]>(MAIN),
  like: (id: number, userId: number) =>
    request<Product>(`${MAIN}/${id}/like`, { method: 'POST', body: JSON.stringify({ userId }) }),
};
