import { useEffect, useState } from 'react';
import { users } from '../api/products';

const KEY = 'microshop.shopper';

function stored(): number | undefined {
  const value = Number(localStorage.getItem(KEY));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Who likes: the shop has no sign-in yet, so a shopper number (one of admin's users) is kept in
 * the browser. A first visit asks admin for one of its users at random; until that answers,
 * likes name no user and admin picks one.
 */
export function useShopper(): [number | undefined, (shopper: number) => void] {
  const [shopper, setShopper] = useState<number | undefined>(stored);

  useEffect(() => {
    if (shopper !== undefined) return;
    let cancelled = false;
    users.anyone().then((user) => {
      if (!cancelled && stored() === undefined) {
        localStorage.setItem(KEY, String(user.id));
        setShopper(user.id);
      }
    }, () => undefined);
    return () => {
      cancelled = true;
    };
  }, [shopper]);

  return [shopper, (next: number) => {
    if (Number.isInteger(next) && next > 0) {
      localStorage.setItem(KEY, String(next));
      setShopper(next);
    }
  }];
}
