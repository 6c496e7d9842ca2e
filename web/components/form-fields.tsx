import type { Child } from 'hono/jsx';

/** A field's error, already in the user's language. */
export interface FieldErrors {
  [field: string]: string | undefined;
}

/** Ids derived from a field name (`costs.0.amount` → `field-costs-0-amount`). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

function describedBy(id: string, help?: string, error?: string): string | undefined {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * The list of errors at the top of a form (Designsystemet's error summary): each links to its
 * field, and it gets focus-worthy placement right under the heading so screen readers meet it.
 */
export function ErrorSummary(props: { title: string; errors: FieldErrors }) {
  const entries = Object.entries(props.errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div class="ds-error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading" class="ds-heading" data-size="xs">
        {props.title}
      </h2>
      <ul class="ds-list">
        {entries.map(([field, message]) => (
          <li>
            <a class="ds-link" href={`#${fieldId(field)}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  help?: string;
  value?: string;
  error?: string;
  required?: boolean;
}

function FieldFrame(props: FieldProps & { id: string; children: Child }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      {props.help ? (
        <div class="ds-paragraph field-help" data-size="sm" id={`${props.id}-help`}>
          {props.help}
        </div>
      ) : null}
      {props.children}
      {props.error ? (
        <div class="ds-validation-message" data-color="danger" id={`${props.id}-error`}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/** A one-line text input with label, help and error; keeps what the user typed. */
export function TextField(
  props: FieldProps & {
    type?: string;
    autocomplete?: string;
    inputmode?: 'numeric' | 'email' | 'tel' | 'text';
    maxLength?: number;
    size?: 'sm' | 'md' | 'lg';
  },
) {
  const id = fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <input
        class={`ds-input input-${props.size ?? 'lg'}`}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxLength}
        required={props.required}
        aria-describedby={describedBy(id, props.help, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

/** A multi-line text input with label, help and error. */
export function TextArea(props: FieldProps & { maxLength: number; rows?: number }) {
  const id = fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        class="ds-input"
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxLength}
        required={props.required}
        aria-describedby={describedBy(id, props.help, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

/** A group of checkboxes in a fieldset, with one error for the group. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  help?: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
  /** `radio` when exactly one option may be chosen (e.g. one earmarked pot). */
  type?: 'checkbox' | 'radio';
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class="ds-fieldset" id={id} aria-describedby={describedBy(id, props.help, props.error)} aria-invalid={props.error ? 'true' : undefined}>
      <legend class="ds-label">{props.legend}</legend>
      {props.help ? (
        <div class="ds-paragraph field-help" data-size="sm" id={`${id}-help`}>
          {props.help}
        </div>
      ) : null}
      {props.options.map((option) => (
        <div class="ds-field checkbox-field">
          <input
            class="ds-input"
            type={props.type ?? 'checkbox'}
            id={`${id}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={props.checked.includes(option.value)}
          />
          <label class="ds-label" data-weight="regular" for={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
      {props.error ? (
        <div class="ds-validation-message" data-color="danger" id={`${id}-error`}>
          {props.error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** One checkbox with its label, and an error under it when there is one. */
export function Checkbox(props: { name: string; value: string; label: string; checked?: boolean; error?: string }) {
  const id = fieldId(props.name);
  return (
    <div class="ds-field checkbox-field">
      <input
        class="ds-input"
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-describedby={props.error ? `${id}-error` : undefined}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <label class="ds-label" data-weight="regular" for={id}>
        {props.label}
      </label>
      {props.error ? (
        <div class="ds-validation-message" data-color="danger" id={`${id}-error`}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/** The hidden fields every applicant form carries: CSRF token and the version it was loaded at. */
export function FormGuards(props: { csrf: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="csrf" value={props.csrf} />
      {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
    </>
  );
}

/** A message box (Designsystemet alert). */
export function Alert(props: { color: 'info' | 'success' | 'warning' | 'danger'; children: Child; heading?: string }) {
  return (
    <div class="ds-alert" data-color={props.color} role={props.color === 'danger' ? 'alert' : 'status'}>
      {props.heading ? (
        <h2 class="ds-heading" data-size="xs">
          {props.heading}
        </h2>
      ) : null}
      {props.children}
    </div>
  );
}
