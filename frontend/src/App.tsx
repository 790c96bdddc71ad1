import { NavLink, Route, Routes } from 'react-router-dom';
import { AdminProducts } from './admin/AdminProducts';
import { Storefront } from './storefront/Storefront';

export function App() {
  return (
    <>
      <header className="container">
        <nav aria-label="Main">
          <ul>
            <li><strong>microshop</strong></li>
          </ul>
          <ul>
            <li><NavLink to="/" end>Storefront</NavLink></li>
            <li><NavLink to="/admin/products">Admin</NavLink></li>
          </ul>
        </nav>
      </header>
      <main className="container">
        <Routes>
          <Route path="/" element={<Storefront />} />
          <Route path="/admin/products" element={<AdminProducts />} />
          <Route path="*" element={<p>This page does not exist. <NavLink to="/">Back to the shop</NavLink></p>} />
        </Routes>
      </main>
    </>
  );
}
