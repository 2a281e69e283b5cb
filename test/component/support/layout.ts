import { vi } from 'vitest';

/**
 * happy-dom lays nothing out: every element is 0 px tall, so TanStack Virtual sees a list
 * with no room and draws no rows. This gives the feed's scroll box (the element holding
 * role=feed) a height, and every row (<article>) a height, read the way the virtualizer
 * reads them (clientHeight for the box, offsetHeight for a row). Undone by vi.restoreAllMocks().
 */
export function layOutFeed({ viewportPx, rowPx }: { viewportPx: number; rowPx: number }): void {
  const isScrollBox = (element: HTMLElement) => element.firstElementChild?.getAttribute('role') === 'feed';
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScrollBox(this) ? viewportPx : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isScrollBox(this) ? 800 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.tagName === 'ARTICLE' ? rowPx : 0;
  });
}
