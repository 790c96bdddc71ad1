import { useState } from 'react';

const KEY = 'microshop.shopper';

/**
 * Who likes: the shop has no sign-in, so a shopper number (one of admin's users) is kept in
 * the browser; a first visit gets a random one of the seeded users 1 to 100.
 */
export function useShopper(): [number, (shopper: number) => void] {
  const [shopper, setShopper] = useState<number>(() => {
    const stored = Number(localStorage.getItem(KEY));
    if (Number.isInteger(stored) && stored > 0) {
      return stored;
    }
    const first = Math.floor(Math.random() * 100) + 1;
    localStorage.setItem(KEY, String(first));
    return first;
  });
  return [shopper, (next: number) => {
    if (Number.isInteger(next) && next > 0) {
      localStorage.setItem(KEY, String(next));
      setShopper(next);
    }
  }];
}
