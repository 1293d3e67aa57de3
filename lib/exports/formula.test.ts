import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './csv';

describe('CSV cells are safe to open in Excel', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+44', `'+44`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tX', `'\tX`],
    ['\rX', `'\rX`],
    ['Brightwater Energy', 'Brightwater Energy'],
    ['2026-11-30', '2026-11-30'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});
