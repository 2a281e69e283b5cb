export const LOCK_MINUTES_MIN = 1;
export const LOCK_MINUTES_MAX = 30;
export const LOCK_MINUTES_DEFAULT = 5;
