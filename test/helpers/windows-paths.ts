/**
 * How Windows reads a line of a .cmd file, for the launcher tests on Linux:
 * cmd's expansion of %~dp0, %* and %~1, its command separators outside
 * quotes, and the C runtime's split of the resulting command line into argv
 * (the rules node.exe's argv follows: backslashes count only before a quote).
 */

/** Expand the batch parameters of `line` as cmd does for a script in `dir` (ending in `\`) given `args` (raw, as typed). */
export function expandCmdLine(line: string, dir: string, args: string[]): string {
  const unquote = (arg: string) =>
    arg.startsWith('"') && arg.endsWith('"') && arg.length >= 2 ? arg.slice(1, -1) : arg;
  return line
    .replace(/%~dp0/g, dir)
    .replace(/%\*/g, args.join(' '))
    .replace(/%~1/g, unquote(args[0] ?? ''));
}

/** Characters of `line` outside double quotes that cmd treats as operators (`&`, `|`, `<`, `>`, `^`). */
export function unquotedOperators(line: string): string[] {
  let quoted = false;
  const found: string[] = [];
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && '&|<>^'.includes(char)) found.push(char);
  }
  return found;
}

/** Split a Windows command line into argv (CommandLineToArgvW / MSVC CRT rules). */
export function windowsArgv(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < line.length;) {
    const char = line[i]!;
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') {
        count += 1;
        i += 1;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          current += '"';
          i += 1;
        }
      } else current += '\\'.repeat(count);
      started = true;
      continue;
    }
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i += 2;
      } else {
        quoted = !quoted;
        i += 1;
      }
      started = true;
      continue;
    }
    if ((char === ' ' || char === '\t') && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
      i += 1;
      continue;
    }
    current += char;
    started = true;
    i += 1;
  }
  if (started) args.push(current);
  return args;
}
