import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Product, ProductInput } from '../api/products';

/**
 * Create or edit a product. What the server says is wrong appears next to the field it names;
 * anything else above the form.
 */
export function ProductForm({ initial, submitLabel, onSubmit, onCancel }: {
  initial?: ProductInput;
  submitLabel: string;
  onSubmit: (input: ProductInput) => Promise<Product>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [image, setImage] = useState(initial?.image ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFieldErrors({});
    setFormError(undefined);
    try {
      await onSubmit({ title, image });
      if (!initial) {
        setTitle('');
        setImage('');
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length) {
        setFieldErrors(error.fieldErrors());
      } else if (error instanceof ApiError && error.unavailable) {
        setFormError('The catalogue is not available right now. Nothing was saved; please try again.');
      } else {
        setFormError(error instanceof Error ? error.message : 'Nothing was saved.');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      {formError && <p role="alert" className="message error">{formError}</p>}
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} name="title" value={title} onChange={(e) => setTitle(e.target.value)}
             aria-invalid={fieldErrors.title ? true : undefined}
             aria-describedby={fieldErrors.title ? `${id}-title-error` : undefined} />
      {fieldErrors.title && <small id={`${id}-title-error`} className="field-error">{fieldErrors.title}</small>}
      <label htmlFor={`${id}-image`}>Image URL</label>
      <input id={`${id}-image`} name="image" type="url" value={image} onChange={(e) => setImage(e.target.value)}
             placeholder="https://…"
             aria-invalid={fieldErrors.image ? true : undefined}
             aria-describedby={fieldErrors.image ? `${id}-image-error` : undefined} />
      {fieldErrors.image && <small id={`${id}-image-error`} className="field-error">{fieldErrors.image}</small>}
      {fieldErrors.body && <p role="alert" className="message error">{fieldErrors.body}</p>}
      <div className="actions">
        <button type="submit" aria-busy={busy} disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
