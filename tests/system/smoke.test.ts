import { afterAll, beforeAll, expect, test } from "vitest";
import { assertBuilt, demoEnv, freePort, type PortalProcess, removeDir, runSetup, startPortal, tempDir } from "./support/portal-process";

let dir: string;
let portal: PortalProcess;

beforeAll(async () => {
  assertBuilt();
  dir = tempDir();
  const port = await freePort();
  const env = demoEnv(port, { PGLITE_DATA_DIR: `${dir}/pglite` });
  runSetup(env);
  portal = startPortal({ port, env });
  await portal.waitUntilServing();
});

afterAll(async () => {
  await portal?.stop();
  if (dir) removeDir(dir);
});

test("the built portal starts on its own embedded database and serves the sign-in page", async () => {
  const response = await fetch(`${portal.url}/signin`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("Sign in");
});
