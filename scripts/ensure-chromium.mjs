// Playwright cannot download browsers here; e2e tests use Debian's chromium. Install it when missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log(`${CHROMIUM} is missing: installing Debian's chromium`);
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
}
