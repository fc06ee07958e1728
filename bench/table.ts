/** Prints a titled table with columns padded to fit; numbers-looking cells align right. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return /^[\d.,\s%-]+(ms|KB|req\/s)?$/.test(cell) && column > 0
          ? cell.padStart(width)
          : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

export const formatInt = (value: number) => Math.round(value).toLocaleString('en-US');
export const formatKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
