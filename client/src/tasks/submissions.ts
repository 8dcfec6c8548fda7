// What this editor submitted, kept in workspace state: the last input per task identifier name (offered first next
// time), the last submission as a whole ("Submit Job Again") and the input of recent jobs (shown in their details,
// since `job get` does not return it).

/** The part of `vscode.Memento` used here (a plain map in tests). */
export interface StateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export interface Submission {
  name: string;
  task: string;
  version: string;
  /** Compact JSON, or undefined when the job was submitted without input. */
  input?: string;
  cluster: string;
  maxRetries: number;
}

const INPUTS = 'tilebox.taskInputs';
const LAST = 'tilebox.lastSubmission';
const JOB_INPUTS = 'tilebox.jobInputs';
/** Job inputs kept for the details of recent jobs; older ones are dropped (their jobs show no input line). */
export const KEPT_JOB_INPUTS = 100;

export class SubmissionMemory {
  constructor(private readonly state: StateLike) {}

  lastInput(taskName: string): string | undefined {
    return this.state.get<Record<string, string>>(INPUTS)?.[taskName];
  }

  lastSubmission(): Submission | undefined {
    return this.state.get<Submission>(LAST);
  }

  /** The input a job was submitted with from this editor: `null` for none, undefined when not known here. */
  inputOf(jobId: string): string | null | undefined {
    const entry = this.state.get<[string, string | null][]>(JOB_INPUTS)?.find(([id]) => id === jobId);
    return entry ? entry[1] : undefined;
  }

  async remember(s: Submission, jobId: string): Promise<void> {
    const inputs = { ...this.state.get<Record<string, string>>(INPUTS) };
    if (s.input !== undefined) inputs[s.task] = s.input;
    const jobs = [[jobId, s.input ?? null], ...(this.state.get<[string, string | null][]>(JOB_INPUTS) ?? [])].slice(0, KEPT_JOB_INPUTS);
    await Promise.all([this.state.update(INPUTS, inputs), this.state.update(LAST, s), this.state.update(JOB_INPUTS, jobs)]);
  }
}
