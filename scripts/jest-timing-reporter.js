/**
 * A Jest reporter that prints where a run's time went: wall time per project (the sum of its files'
 * durations; files of different projects overlap when Jest runs several workers) and the slowest files.
 * It only reads Jest's own per-file timings; it asserts nothing. JEST_TIMING_TOP sets how many files are
 * listed (default 15; 0 turns the report off).
 */
class TimingReporter {
  constructor() {
    /** @type {Array<{ project: string, file: string, seconds: number, tests: number }>} */
    this.files = [];
    this.startedAt = Date.now();
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats;
    this.files.push({
      project: test.context.config.displayName?.name ?? '(none)',
      file: require('node:path').relative(process.cwd(), result.testFilePath),
      seconds: (end - start) / 1000,
      tests: result.numPassingTests + result.numFailingTests + result.numPendingTests,
    });
  }

  onRunComplete() {
    const top = Number(process.env.JEST_TIMING_TOP ?? 15);
    if (!(top > 0) || this.files.length === 0) return;
    const byProject = new Map();
    for (const file of this.files) {
      const entry = byProject.get(file.project) ?? { seconds: 0, files: 0 };
      entry.seconds += file.seconds;
      entry.files += 1;
      byProject.set(file.project, entry);
    }
    const lines = [
      '',
      `Time per project (sum of file durations; the run took ${secs((Date.now() - this.startedAt) / 1000)}):`,
    ];
    for (const [project, { seconds, files }] of [...byProject].sort((a, b) => b[1].seconds - a[1].seconds)) {
      lines.push(`  ${project.padEnd(12)} ${secs(seconds).padStart(8)}  ${files} files`);
    }
    lines.push(`Slowest ${Math.min(top, this.files.length)} files:`);
    for (const file of [...this.files].sort((a, b) => b.seconds - a.seconds).slice(0, top)) {
      lines.push(
        `  ${secs(file.seconds).padStart(8)}  ${file.project.padEnd(12)} ${file.file} (${file.tests} tests)`,
      );
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}

function secs(seconds) {
  return `${seconds.toFixed(1)} s`;
}

module.exports = TimingReporter;
