/**
 * Runs a NatService inside the LAN namespace for the UPnP test (the test process itself stays in
 * the host namespace). Arguments: method, tcp port, udp port, lease seconds, renew-before seconds.
 * Prints one JSON line per event; reads "stop" on stdin to remove the mappings and exit.
 */
import { createInterface } from 'node:readline';
import { randomPrivateKey, privateKeyToPublicKey } from '@cairn/common';
import { formatEnode, NatService, type NatMethod } from '../../src/index';

const [method, tcp, udp, lease, renewBefore, timeout] = process.argv.slice(2);
const nat = new NatService({
  method: method as NatMethod,
  tcpPort: Number(tcp),
  udpPort: Number(udp),
  description: 'cairn test',
  leaseSeconds: Number(lease),
  renewBeforeSeconds: Number(renewBefore),
  discoveryTimeoutMs: Number(timeout),
});
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

try {
  const endpoint = await nat.start();
  const enode = endpoint ? formatEnode({ id: privateKeyToPublicKey(randomPrivateKey()), ...endpoint }) : undefined;
  say({ event: 'started', endpoint, enode });
} catch (error) {
  say({ event: 'failed', code: (error as { code?: string }).code, message: (error as Error).message });
  process.exit(0);
}
const timer = setInterval(() => say({ event: 'renewals', count: nat.renewalCount }), 250);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'stop') continue;
  clearInterval(timer);
  await nat.stop();
  say({ event: 'stopped' });
  process.exit(0);
}
