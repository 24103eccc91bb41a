/**
 * X-Ray accepts segment names of at most 200 characters made of Unicode letters, numbers,
 * whitespace and `_ . : / % & # = + \ - @`; a state name may hold anything else Step Functions
 * allows, which becomes `_` here.
 */
const NOT_ALLOWED = /[^\p{L}\p{N}\s_.:/%&#=+\\\-@]/gu;
const MAX_LENGTH = 200;

export function xrayName(name: string, fallback: string): string {
  const cleaned = name.replace(NOT_ALLOWED, '_').slice(0, MAX_LENGTH).trim();
  return cleaned === '' ? fallback : cleaned;
}
