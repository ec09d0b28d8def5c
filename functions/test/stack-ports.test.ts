/** The stack refuses a STACK_PORT_OFFSET that puts its emulators among the ports of outgoing connections. */
import path from 'node:path';
import { localRelayPorts } from '../../scripts/lib/relay';
import { emulatorPorts, ephemeralPortRange, offsetProblem, stackPorts } from '../../scripts/lib/stack-ports';

const LINUX_DEFAULT = { low: 32768, high: 60999 };
const PORTS = [4400, 9499]; // the lowest and highest in firebase.json

describe('STACK_PORT_OFFSET and the ports of outgoing connections', () => {
  it('when every shifted port is below the range, then the offset is accepted', () => {
    expect(offsetProblem(PORTS, 0, LINUX_DEFAULT)).toBeNull();
    expect(offsetProblem(PORTS, 23_268, LINUX_DEFAULT)).toBeNull(); // 9499 + 23268 = 32767
  });

  it('when a shifted port reaches the range, then the offset is refused, naming the ports and the largest safe offset', () => {
    expect(offsetProblem(PORTS, 23_269, LINUX_DEFAULT)).toBe(
      'STACK_PORT_OFFSET=23269 puts the emulators on ports 27669–32768, inside the range this system gives ' +
        'outgoing connections (32768–60999), where one can take a port first. Pick an offset of at most 23268.',
    );
    expect(offsetProblem(PORTS, 30_000, LINUX_DEFAULT)).toMatch(
      /^STACK_PORT_OFFSET=30000 puts the emulators on ports 34400–39499/,
    );
  });

  it('when the range is unknown, then nothing is refused', () => {
    expect(offsetProblem(PORTS, 30_000, null)).toBeNull();
  });

  it('when the stack picks its ports with an offset inside this machine’s range, then it throws before writing a config', () => {
    const range = ephemeralPortRange();
    if (!range) {
      process.stdout.write(
        'No /proc/sys/net/ipv4/ip_local_port_range here: the stackPorts check is not exercised.\n',
      );
      return;
    }
    const root = path.resolve(__dirname, '../..');
    expect(() => stackPorts(root, range.low - 4400)).toThrow(
      /inside the range this system gives outgoing connections/,
    );
  });
});

describe('The offsets the project uses side by side', () => {
  // npm start (0), npm test beside it (100), and the stack npm test's stop test starts (100 + 50).
  const base = Object.entries({ ...emulatorPorts(path.resolve(__dirname, '../..')), ...localRelayPorts(0) });
  const portsAt = (offset: number) =>
    new Map(base.map(([name, port]) => [port + offset, `${name}@${offset}`]));

  it('when npm start, npm test and its stop test run at once, then no two of their services share a port', () => {
    const taken = new Map<number, string>();
    const clashes: string[] = [];
    for (const offset of [0, 100, 150]) {
      for (const [port, who] of portsAt(offset)) {
        const holder = taken.get(port);
        if (holder) clashes.push(`${port}: ${holder} and ${who}`);
        else taken.set(port, who);
      }
    }
    expect(clashes).toEqual([]);
  });
});
