import { NavLink, Route, Routes } from 'react-router-dom';
import { useAuth } from 'react-oidc-context';
import { AdminProducts } from './admin/AdminProducts';
import { setAccessToken } from './api/client';
import { SignIn } from './auth/SignIn';
import { RequireRole } from './auth/RequireRole';
import { CATALOG_ADMIN } from './auth/session';
import { Storefront } from './storefront/Storefront';

export function App() {
  // Every API call from here on carries the signed-in person's token (none when signed out).
  setAccessToken(useAuth().user?.access_token);
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
            <li><SignIn /></li>
          </ul>
        </nav>
      </header>
      <main className="container">
        <Routes>
          <Route path="/" element={<Storefront />} />
          <Route path="/admin/products" element={
            <RequireRole role={CATALOG_ADMIN} what="manage the catalogue"><AdminProducts /></RequireRole>} />
          <Route path="*" element={<p>This page does not exist. <NavLink to="/">Back to the shop</NavLink></p>} />
        </Routes>
      </main>
    </>
  );
}
