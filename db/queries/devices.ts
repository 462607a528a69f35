import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { knownDevices, sessions, users } from "../schema";

/** Whether the device (by hash) has signed in to the account of this (normalized) email before. */
export async function isKnownDeviceOfEmail(executor: Executor, email: string, deviceHash: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(and(eq(users.email, email), eq(knownDevices.deviceHash, deviceHash)))
    .limit(1);
  return Boolean(row);
}

/** Whether the account has signed in from any remembered device yet. */
export async function hasKnownDevices(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor.select({ id: knownDevices.id }).from(knownDevices).where(eq(knownDevices.userId, userId)).limit(1);
  return Boolean(row);
}

/** Remembers a device for an account, or refreshes when it was last seen; true when it was new to the account. */
export async function rememberDevice(executor: Executor, device: { userId: string; deviceHash: string; userAgent: string | null; now: Date }): Promise<boolean> {
  const inserted = await executor
    .insert(knownDevices)
    .values({ userId: device.userId, deviceHash: device.deviceHash, userAgent: device.userAgent, firstSeenAt: device.now, lastSeenAt: device.now })
    .onConflictDoNothing()
    .returning({ id: knownDevices.id });
  if (inserted.length > 0) return true;
  await executor
    .update(knownDevices)
    .set({ lastSeenAt: device.now, userAgent: device.userAgent })
    .where(and(eq(knownDevices.userId, device.userId), eq(knownDevices.deviceHash, device.deviceHash)));
  return false;
}

/** Records which device a session was started from. */
export async function setSessionDevice(executor: Executor, sessionId: string, deviceHash: string): Promise<void> {
  await executor.update(sessions).set({ deviceHash }).where(eq(sessions.id, sessionId));
}
