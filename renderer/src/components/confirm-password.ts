import { z } from 'zod';

/**
 * A form schema with a "confirm password" box that must match `field`. The confirmation
 * is checked here only; it is dropped before the form is sent.
 */
export function withConfirmation<Shape extends z.ZodRawShape>(shape: Shape, field: keyof Shape & string) {
  return z
    .object({ ...shape, confirmPassword: z.string() })
    .refine((form: Record<string, unknown>) => form[field] === form.confirmPassword, {
      path: ['confirmPassword'],
      message: 'The passwords do not match',
    });
}
