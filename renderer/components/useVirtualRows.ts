/**
 * Windowing for long tables with fixed-height rows: only the rows in view (plus a margin) are rendered,
 * with spacer rows above and below keeping the scrollbar true. 500 controls scroll like 20.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useVirtualRows(count: number, rowHeight: number, overscan = 12) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: React.UIEvent<HTMLElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  /** Scrolls so that row `index` is fully visible (below the sticky header of `headerHeight`). */
  const scrollToIndex = useCallback(
    (index: number, headerHeight = rowHeight) => {
      const el = containerRef.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight + headerHeight > el.scrollTop + el.clientHeight) {
        el.scrollTop = top + rowHeight + headerHeight - el.clientHeight;
      }
    },
    [rowHeight],
  );

  return {
    containerRef,
    onScroll,
    first,
    last,
    padTop: first * rowHeight,
    padBottom: Math.max(0, (count - last) * rowHeight),
    scrollToIndex,
  };
}
