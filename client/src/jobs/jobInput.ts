// Checks a job input before it is sent: the CLI would turn non-JSON text into a JSON string
// silently, and the API refuses serialized inputs over 2048 bytes only after the round trip.

/** `SingleTaskSubmission.input` max_len in the Tilebox protos. */
export const MAX_INPUT_BYTES = 2048;

export type JobInputCheck =
  | { ok: true /** Compact JSON to pass as `--input`, or undefined to omit it. */; input?: string }
  | { ok: false; message: string };

export function checkJobInput(text: string): JobInputCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: `The input is not valid JSON (${why}). Write text in double quotes, e.g. "scene-42".`,
    };
  }
  const compact = JSON.stringify(value);
  const bytes = Buffer.byteLength(compact, 'utf8');
  if (bytes > MAX_INPUT_BYTES) {
    return {
      ok: false,
      message: `The input is ${bytes} bytes as compact JSON; Tilebox accepts at most ${MAX_INPUT_BYTES}. Pass a reference (a URL or an id) instead of the data.`,
    };
  }
  return { ok: true, input: compact };
}
