// Preloaded into a child Node process (NODE_OPTIONS=--import <this file>) by the no-outbound
// end-to-end test. It wraps every way the process can reach the network (TCP/IPC sockets, TLS,
// UDP, DNS lookups and resolves) and appends each destination as one JSON line to the file
// named by SS_NET_RECORD. It also records listening sockets, so the test can check that the
// server only ever listens on loopback (or the remote's address while the remote is on).
// It never blocks anything: it only writes down where the process went.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const file = process.env.SS_NET_RECORD;

function record(entry) {
  if (!file) return;
  try {
    appendFileSync(file, `${JSON.stringify({ ...entry, pid: process.pid, at: Date.now() })}\n`);
  } catch {
    // Never break the program under test because the record could not be written.
  }
}

/** The options of a connect/listen call, whichever of Node's argument shapes it used. */
function optionsOf(args) {
  let first = args[0];
  // net.connect() normalises its arguments into an array before calling socket.connect().
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') return first;
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  if (typeof first === 'number' || typeof first === 'string') {
    return { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
  }
  return {};
}

function describe(options) {
  if (options.path) return { path: String(options.path) };
  return { host: options.host ?? 'localhost', port: options.port };
}

const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  record({ kind: 'connect', ...describe(optionsOf(args)) });
  return socketConnect.apply(this, args);
};

const serverListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listen(...args) {
  const options = optionsOf(args);
  // listen(port) with no host binds every address: record it as such.
  record({
    kind: 'listen',
    ...(options.path
      ? { path: String(options.path) }
      : { host: options.host ?? '::', port: options.port }),
  });
  return serverListen.apply(this, args);
};

const tlsConnect = tls.connect;
tls.connect = function connect(...args) {
  record({ kind: 'tls', ...describe(optionsOf(args)) });
  return tlsConnect.apply(this, args);
};

for (const name of ['send', 'connect']) {
  const original = dgram.Socket.prototype[name];
  dgram.Socket.prototype[name] = function wrapped(...args) {
    // send(msg, [offset, length,] port, address) / connect(port, address)
    const numbers = args.filter((a) => typeof a === 'number');
    const strings = args.filter((a) => typeof a === 'string');
    record({ kind: `udp-${name}`, host: strings.at(-1) ?? 'localhost', port: numbers.at(-1) });
    return original.apply(this, args);
  };
}

const lookupNames = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveMx',
  'resolveNs',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];
for (const name of lookupNames) {
  for (const [target, label] of [
    [dns, 'dns'],
    [dns.promises, 'dns.promises'],
  ]) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function wrapped(...args) {
      record({ kind: `${label}.${name}`, host: String(args[0]) });
      return original.apply(this, args);
    };
  }
}
// A Resolver instance has its own methods; wrap the class too.
for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  for (const name of lookupNames) {
    const original = Resolver?.prototype?.[name];
    if (typeof original !== 'function') continue;
    Resolver.prototype[name] = function wrapped(...args) {
      record({ kind: `resolver.${name}`, host: String(args[0]) });
      return original.apply(this, args);
    };
  }
}

// `import { connect } from 'node:net'` reads the ES module's own bindings: update them.
syncBuiltinESMExports();
record({ kind: 'ready' });
