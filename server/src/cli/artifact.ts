// Placeholder: the artifact helper implements `preview` and `build`.
export async function runPreview(_args: string[]): Promise<number> {
  process.stderr.write('preview: not implemented yet\n');
  return 2;
}
export async function runBuild(_args: string[]): Promise<number> {
  process.stderr.write('build: not implemented yet\n');
  return 2;
}
