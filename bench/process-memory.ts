/**
 * Memory figures of a benchmark child process, sampled in the child itself and read by the parent over IPC,
 * so that each side's peak is measured in a process that holds nothing else.
 */
import { readFileSync } from 'node:fs';

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
}

export interface MemoryReport {
  /** After a full GC when the process runs with --expose-gc. */
  settled: MemoryFigures;
  /** The highest figures seen by the sampler since the process started. */
  peak: MemoryFigures;
  /** The kernel's peak resident set (VmHWM), in bytes; null off Linux. */
  vmHwm: number | null;
  /** CPU time (user + system) the process has used so far, read before the GC. */
  cpuMs: number;
}

export type MemoryRequest = { type: 'memory'; id: number };
export type MemoryAnswer = { type: 'memory'; id: number; report: MemoryReport };

const SAMPLE_MS = 10;

/** Samples process.memoryUsage() every few milliseconds and keeps the peaks. */
export class MemoryProbe {
  private readonly peak: MemoryFigures = { rss: 0, heapUsed: 0 };
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  report(): MemoryReport {
    this.sample();
    const cpu = process.cpuUsage();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return {
      settled: { rss, heapUsed },
      peak: { ...this.peak },
      vmHwm: readVmHwm(),
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  }

  close(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peak.rss = Math.max(this.peak.rss, rss);
    this.peak.heapUsed = Math.max(this.peak.heapUsed, heapUsed);
  }
}

function readVmHwm(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Answers the parent's memory requests; the child's other messages are left to its own handler. */
export function answerMemoryRequests(probe: MemoryProbe): void {
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message.type !== 'memory' || message.id === undefined) return;
    const answer: MemoryAnswer = { type: 'memory', id: message.id, report: probe.report() };
    process.send?.(answer);
  });
}
