import { describe, expect, it } from 'vitest';
import { inSentence } from './format';

describe('labels read as words inside a sentence', () => {
  it.each([
    ['Await SMSO action', 'await SMSO action'],
    ['Liaise with the Active supplier', 'liaise with the Active supplier'],
    ['In progress', 'in progress'],
    ['SMSO action pending', 'SMSO action pending'],
    ['MA received', 'MA received'],
  ])('%j becomes %j', (label, expected) => {
    expect(inSentence(label)).toBe(expected);
  });
});
