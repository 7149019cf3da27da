import type { KeyboardEvent } from 'react';

/** Enter and Space activate a non-button element that acts as one (role="button"). */
export function activateOnKey(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}
