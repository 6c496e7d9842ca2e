/**
 * Exact non-negative rational numbers on bigint, for the few places where money is multiplied by a
 * share (admin cap, the 70/30 split, allocation by key). Floats are never used for money: 0.05 ×
 * 702 897 is 35 144.850000000006 in IEEE 754, and a rounding rule applied to that is a coin toss.
 */
import { InvalidValueError } from './errors.js';

/** A fraction `numerator / denominator`, always reduced, denominator > 0. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** How an exact value becomes whole kroner. Symmetric around zero, like Java's `RoundingMode`. */
export type RoundingMode = 'half-up' | 'down' | 'up' | 'half-even';

/** Every {@link RoundingMode}, for schemas and property tests. */
export const roundingModes = ['half-up', 'down', 'up', 'half-even'] as const satisfies readonly RoundingMode[];

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds a reduced fraction; refuses a zero denominator. */
export function fraction(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new InvalidValueError('fraction.zero_denominator', {
    nb: 'Nevneren kan ikke være null.', nn: 'Nemnaren kan ikkje vere null.', en: 'The denominator cannot be zero.',
  });
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { numerator: n / g, denominator: d / g };
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal written as text (`"0.70"`, `"5"`, `"12.5"`) exactly. Numbers are accepted via
 * their shortest round-trip text, so `0.1` means one tenth, not the binary float nearest to it.
 */
export function decimalToFraction(value: string | number): Fraction {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new InvalidValueError('fraction.not_a_decimal', {
    nb: `«${text}» er ikke et gyldig desimaltall.`,
    nn: `«${text}» er ikkje eit gyldig desimaltal.`,
    en: `"${text}" is not a valid non-negative decimal number.`,
  });
  const [, whole = '0', decimals = ''] = match;
  return fraction(BigInt(whole + decimals), 10n ** BigInt(decimals.length));
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent notation (1e-7) is expanded so the decimal parser stays simple.
  const [mantissa = '', exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const [intPart = '', fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  const sign = mantissa.startsWith('-') ? '-' : '';
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** a × b. */
export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** a ÷ b; refuses b = 0. */
export function divide(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** Compares a and b: negative, zero or positive. */
export function compare(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Rounds a fraction to an integer with the given mode. */
export function roundFraction(value: Fraction, mode: RoundingMode): bigint {
  const { numerator: n, denominator: d } = value;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const truncated = abs / d;
  const remainder = abs % d;
  let magnitude = truncated;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    switch (mode) {
      case 'down':
        break;
      case 'up':
        magnitude += 1n;
        break;
      case 'half-up':
        if (twice >= d) magnitude += 1n;
        break;
      case 'half-even':
        if (twice > d || (twice === d && truncated % 2n === 1n)) magnitude += 1n;
        break;
    }
  }
  return negative ? -magnitude : magnitude;
}

/** `"numerator/denominator"`, or just the numerator for whole numbers, for explanations. */
export function fractionToString(value: Fraction): string {
  return value.denominator === 1n ? `${value.numerator}` : `${value.numerator}/${value.denominator}`;
}

/**
 * The value as a decimal string with a fixed number of decimals, truncated (not rounded) so the
 * text never claims more than the exact value; for display beside the exact fraction only.
 */
export function fractionToDecimalString(value: Fraction, decimals: number): string {
  const negative = value.numerator < 0n;
  const abs = negative ? -value.numerator : value.numerator;
  const scaled = (abs * 10n ** BigInt(decimals)) / value.denominator;
  const text = scaled.toString().padStart(decimals + 1, '0');
  const whole = text.slice(0, text.length - decimals);
  const frac = decimals > 0 ? `.${text.slice(text.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}
