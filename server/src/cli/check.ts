// Placeholder: the validator helper implements `check`.
export async function runCheck(_args: string[]): Promise<number> {
  process.stderr.write('check: not implemented yet\n');
  return 2;
}
