/**
 * Receives one line per thing the generator could not take as written (and what it did instead),
 * placed by a JSON pointer into the spec: every emitter reports through one.
 */
export type Warn = (pointer: string, message: string) => void;
