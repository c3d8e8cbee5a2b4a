// How the browser checks start Debian's chromium (check.mjs, search.mjs).

/** The chromium binary: `$CHROMIUM`, or Debian's. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Headless, without background networking. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces: no name but 127.0.0.1 ever resolves, so a request to
  // another host is recorded by the check and then fails fast instead of
  // leaving the machine or waiting for DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
