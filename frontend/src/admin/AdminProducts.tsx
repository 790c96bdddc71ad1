import { useState } from 'react';
import { ApiError } from '../api/client';
import { catalogue, type Product, type ProductInput } from '../api/products';
import { ProductList } from '../products/ProductList';
import { useProducts } from '../products/useProducts';
import { Likes } from './Likes';
import { ProductForm } from './ProductForm';
import { ServedBy } from './ServedBy';

const UNAVAILABLE = 'The catalogue is not available right now.';

/** The catalogue for the people who run the shop: list, create, edit, delete. */
export function AdminProducts({ confirm = (text: string) => window.confirm(text) }: {
  confirm?: (text: string) => boolean;
}) {
  const { load, refresh, loadMore } = useProducts(catalogue.page, UNAVAILABLE);
  const [editing, setEditing] = useState<number>();
  const [notice, setNotice] = useState<string>();

  async function create(input: ProductInput) {
    const created = await catalogue.create(input);
    setNotice(`Created “${created.title}”.`);
    await refresh();
    return created;
  }

  async function update(id: number, input: ProductInput) {
    const updated = await catalogue.update(id, input);
    setEditing(undefined);
    setNotice(`Saved “${updated.title}”.`);
    await refresh();
    return updated;
  }

  async function remove(product: Product) {
    if (!confirm(`Delete “${product.title}”? This cannot be undone.`)) {
      setNotice('Nothing was deleted.');
      return;
    }
    try {
      await catalogue.remove(product.id);
      setNotice(`Deleted “${product.title}”.`);
    } catch (error) {
      setNotice(error instanceof ApiError && error.status === 404
        ? `“${product.title}” was already gone.`
        : `“${product.title}” could not be deleted: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    await refresh();
  }

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Products</h1>
      <details open>
        <summary>New product</summary>
        <ProductForm submitLabel="Create product" onSubmit={create} />
      </details>
      {notice && <p role="status" className="message">{notice}</p>}
      {load.kind === 'loaded' && <ServedBy version={load.servedBy} />}
      <ProductList load={load} onRetry={() => void refresh()} onMore={() => void loadMore()}>
        {(products) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">Id</th><th scope="col">Image</th><th scope="col">Title</th>
                  <th scope="col">Likes</th><th scope="col">Actions</th></tr>
              </thead>
              <tbody>
                {products.map((product) => (
                  <tr key={product.id}>
                    <td>{product.id}</td>
                    <td><img className="thumb" src={product.image} alt={product.title} loading="lazy" /></td>
                    <td>
                      {editing === product.id
                        ? <ProductForm initial={product} submitLabel="Save" onSubmit={(input) => update(product.id, input)}
                                       onCancel={() => setEditing(undefined)} />
                        : product.title}
                    </td>
                    <td><Likes count={product.likes} version={load.kind === 'loaded' ? load.servedBy : undefined} /></td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(product.id)}
                              aria-label={`Edit ${product.title}`}>Edit</button>
                      <button type="button" className="contrast" onClick={() => void remove(product)}
                              aria-label={`Delete ${product.title}`}>Delete</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ProductList>
    </section>
  );
}
