import type { Handlers } from './types';

export const appHandlers = {
  'app.info': async (_input, ctx) => ({
    version: ctx.appVersion,
    dataDir: ctx.paths.dataDir,
    setUp: await ctx.keyslots.exists(),
    platform: `${process.platform} ${process.arch}`,
  }),
} satisfies Partial<Handlers>;
