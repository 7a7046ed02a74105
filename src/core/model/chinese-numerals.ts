// Chinese numerals as documents print them: the part numbers of a plan (二、), the list numbers
// of Word's Chinese number formats.

export const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五: the counting style of Chinese list numbers. */
export function chineseCounting(value: number, digits = CHINESE_DIGITS, units = '十百千'): string {
  if (value <= 0 || value >= 10000) return String(value);
  const places = [Math.floor(value / 1000), Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  let text = '';
  let pendingZero = false;
  places.forEach((digit, index) => {
    const unit = index < 3 ? units[2 - index]! : '';
    if (digit === 0) {
      pendingZero = text !== '';
      return;
    }
    if (pendingZero) text += digits === CHINESE_DIGITS ? '零' : digits[0];
    pendingZero = false;
    // 十一, not 一十一, when ten is the highest place.
    text += text === '' && digit === 1 && index === 2 && digits === CHINESE_DIGITS ? unit : digits[digit]! + unit;
  });
  return text;
}
