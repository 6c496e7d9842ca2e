import { z } from '@hono/zod-openapi';

/** The problem+json body every API documents for its errors (see `problem.ts`). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    requestId: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string().optional(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** A documented error response with a problem body. */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: problemSchema } } };
}

/** The bearer-token scheme of the signed-in APIs. */
export const bearerSecurityScheme = (description: string) =>
  ({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description }) as const;
