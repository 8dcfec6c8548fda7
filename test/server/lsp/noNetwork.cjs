// Preload (`node --require test/server/lsp/noNetwork.cjs ...`) that turns every way Node can reach the
// network into a recorded failure: TCP/IPC socket connects, TLS, UDP, DNS, fetch. The stdio
// pipes and the node-ipc channel are opened without `connect`, so they keep working.
// Each attempt is appended to $TILEBOX_NETWORK_LOG, which the test reads afterwards.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');

const logFile = process.env.TILEBOX_NETWORK_LOG;

function refuse(what, detail) {
  const line = `${process.pid} ${what} ${JSON.stringify(detail ?? null)}\n`;
  if (logFile) fs.appendFileSync(logFile, line);
  throw new Error(`network use is forbidden in this process: ${what}`);
}

const describe = (args) =>
  args
    .filter((a) => typeof a !== 'function')
    .map((a) => (typeof a === 'object' && a !== null ? { host: a.host, port: a.port, path: a.path } : a));

net.Socket.prototype.connect = function connect(...args) {
  return refuse('net.Socket.connect', describe(args));
};
dgram.Socket.prototype.send = function send() {
  return refuse('dgram.send');
};
dgram.Socket.prototype.connect = function connectUdp() {
  return refuse('dgram.connect');
};
for (const name of [
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
]) {
  if (typeof dns[name] === 'function') dns[name] = (...args) => refuse(`dns.${name}`, describe(args));
  if (dns.promises && typeof dns.promises[name] === 'function')
    dns.promises[name] = async (...args) => refuse(`dns.promises.${name}`, describe(args));
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = async (input) => refuse('fetch', String(input));
