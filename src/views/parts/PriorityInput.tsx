// A focus area's priority as typed: a whole number 1–99. The model judges it; this only offers the right keyboard.
import type { JSX } from 'solid-js';
import { LIMITS } from '../../model/schema.ts';

export function PriorityInput(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  invalid: boolean;
  describedBy: string;
}): JSX.Element {
  return (
    <input
      id={props.id}
      type="number"
      inputMode="numeric"
      min={1}
      max={LIMITS.priority}
      step={1}
      value={props.value}
      onInput={(event) => props.onInput(event.currentTarget.value)}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
    />
  );
}
