/**
 * Right-to-left scripts by language. survey-core only knows the direction of languages whose
 * dictionary sets `rtl` (Arabic, Hebrew, Persian), and its Urdu dictionary does not, so an Urdu
 * survey would be laid out left-to-right. We decide from the language tag ourselves.
 */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku-arab', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** `rtl` for a right-to-left language tag (`ur`, `ar-SA`, `ur-PK`), else `ltr`. */
export function textDirection(lang: string | undefined | null): 'rtl' | 'ltr' {
  const tag = (lang ?? '').toLowerCase();
  if (!tag) return 'ltr';
  if (/-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)(-|$)/.test(tag)) return 'rtl';
  if (/-(latn|cyrl|deva)(-|$)/.test(tag)) return 'ltr';
  return RTL_LANGUAGES.has(tag.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
