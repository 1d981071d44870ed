/** The sort state of a list with sortable headers: a header pressed again turns the order round. */
import { useState } from 'react';
import type { SortDir } from './SortHeader';

export function useSort<K extends string>(initial: K) {
  const [sortKey, setSortKey] = useState<K>(initial);
  const [sortDir, setSortDir] = useState<SortDir>('asc');
  const onSort = (key: K) => {
    if (key === sortKey) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDir('asc');
    }
  };
  return { sortKey, sortDir, onSort };
}
