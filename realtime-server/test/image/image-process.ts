/**
 * The relay's container image, run by a real engine on the host's network (so it reaches the emulators on
 * loopback): `docker run --network host` where a Docker daemon answers, else `buildah run --isolation
 * chroot` (what works on machines where `podman run` cannot set up cgroups). `scripts/image-check.sh`
 * builds the image and sets RELAY_IMAGE and RELAY_IMAGE_ENGINE.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';

export type Engine = 'docker' | 'buildah';

export interface ImageProcess {
  url: string;
  /** Every JSON line the relay printed, in order. */
  logs: Array<Record<string, unknown>>;
  /** From spawning the engine to the first 200 from /healthz. */
  startMs: number;
  /** Sends SIGTERM to the relay and resolves with its exit code (and how long it took). */
  terminate(): Promise<{ code: number | null; ms: number }>;
  /** Kills whatever is left (cleanup). */
  kill(): Promise<void>;
}

/** The image's own CMD (`buildah run` needs the command spelled out), so the check runs what Cloud Run runs. */
function imageCmd(image: string): string[] {
  const inspected = JSON.parse(
    execFileSync('buildah', ['inspect', '--type', 'image', image], { encoding: 'utf8' }),
  ) as { OCIv1: { config: { Cmd?: string[] } } };
  return inspected.OCIv1.config.Cmd ?? [];
}

/** The descendants of a process, deepest last (buildah's chroot runner sits between us and node). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

export async function startImage(
  engine: Engine,
  image: string,
  port: number,
  env: Record<string, string>,
): Promise<ImageProcess> {
  const envArgs = Object.entries({ ...env, PORT: String(port) }).flatMap(([key, value]) => [
    '-e',
    `${key}=${value}`,
  ]);
  const name = `relay-check-${randomUUID().slice(0, 8)}`;
  let container: string | undefined;
  let child: ChildProcess;
  const started = Date.now();
  if (engine === 'docker') {
    child = spawn('docker', ['run', '--rm', '--name', name, '--network', 'host', ...envArgs, image], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } else {
    container = execFileSync('buildah', ['from', '--pull-never', '--name', name, image], {
      encoding: 'utf8',
    }).trim();
    child = spawn(
      'buildah',
      ['run', '--isolation', 'chroot', ...envArgs, container, '--', ...imageCmd(image)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ message: line });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const removeContainer = () => {
    if (container) execFileSync('buildah', ['rm', container], { stdio: 'ignore' });
    container = undefined;
  };
  const signalAll = (signal: NodeJS.Signals) => {
    for (const pid of [child.pid ?? 0, ...descendants(child.pid ?? 0)].reverse()) {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (engine === 'docker') execFileSync('docker', ['kill', name], { stdio: 'ignore' });
      else signalAll('SIGKILL');
      await exited;
    }
    removeContainer();
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The image exited (${child.exitCode}) before it served /healthz. ${stderr}`);
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`The image did not serve /healthz within 60 s. ${stderr}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startMs = Date.now() - started;

  return {
    url,
    logs,
    startMs,
    async terminate() {
      const sent = Date.now();
      if (engine === 'docker') {
        execFileSync('docker', ['kill', '--signal', 'TERM', name], { stdio: 'ignore' });
      } else {
        // The relay itself gets the signal, as PID 1 does from Cloud Run; buildah then exits with its code.
        const node = descendants(child.pid ?? 0).pop();
        if (!node) throw new Error('No relay process under buildah run.');
        process.kill(node, 'SIGTERM');
      }
      const code = await exited;
      removeContainer();
      return { code, ms: Date.now() - sent };
    },
    kill,
  };
}
