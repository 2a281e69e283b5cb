import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const CHECK_EVERY_MS = 10_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without keyboard or pointer input, and tells the core the person
 * is still there while they type (a long form makes no IPC calls), so the core's own idle
 * lock does not fire under them.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const lastInput = useRef(0);
  const lastTouch = useRef(0);

  useEffect(() => {
    lastInput.current = Date.now();
    lastTouch.current = lastInput.current;
    const mark = () => {
      lastInput.current = Date.now();
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, mark, { passive: true, capture: true }));
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastInput.current >= minutes * 60_000) {
        onIdle();
      } else if (lastInput.current > lastTouch.current) {
        lastTouch.current = now;
        void call('session.touch', {});
      }
    }, CHECK_EVERY_MS);
    return () => {
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, mark, { capture: true }));
      clearInterval(timer);
    };
  }, [minutes, onIdle]);
}
