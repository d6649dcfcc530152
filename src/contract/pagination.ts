import { z } from 'zod/mini';

/** `?limit=&cursor=` of every list route. */
export const PageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** `{ data, nextCursor }`: `nextCursor` is null on the last page. */
/*#__NO_SIDE_EFFECTS__*/
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.nullable(z.string()),
  });

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
