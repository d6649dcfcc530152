import { getMe } from '../../contract/routes.js';
import type { Client, ReadOptions } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

export function meResource(ctx: ResourceContext): Client['me'] {
  return {
    async get(options: ReadOptions = {}) {
      const me = await ctx.call(getMe, {}, { ...options, tags: [tag('employees', 'me'), tag('me', 'me')] });
      ctx.learnSelf(me.id);
      return me;
    },
  };
}
