/**
 * Rules for the names of entries in a pack. Unzip tools disagree on names that are not plain
 * relative paths (one strips `./` or turns `\` into `/`, another writes outside the folder on
 * `..`), and file systems that ignore case or Unicode form make two names one file. A name that
 * two readers could take for different files, or two names one reader could take for the same
 * file, would let a pack show one content to `verify` and another to R or Java, so both are refused.
 */

/**
 * Why the name is not a plain relative path (`dir/file`, or `dir/` for a directory).
 * @returns undefined when it is one.
 */
export function entryNameProblem(name: string): string | undefined {
  if (name === '') return 'empty name';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return '".." in path';
  if (segments.includes('.')) return '"." in path';
  if (segments.includes('')) return 'empty path segment';
  return undefined;
}

/**
 * What a name comes to on the most forgiving reader: `\` read as `/`, `.` and empty segments
 * dropped, Unicode composed (NFC, as macOS stores names) and case ignored. Two entries with
 * the same key are the same file somewhere. A directory `data/` and a file `data` share one too.
 */
export function entryNameKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
    .toLowerCase();
}
