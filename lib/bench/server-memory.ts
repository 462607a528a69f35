import fs from "node:fs";

/**
 * The server's memory, read from Linux's /proc: the process listening on the measured port (or
 * the one BENCH_SERVER_PID names) and every process below it, in case Next forks workers.
 */

/** The socket inodes listening on `port` in the text of /proc/net/tcp or /proc/net/tcp6. */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes: string[] = [];
  for (const line of procNetTcp.split("\n").slice(1)) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const fields = line.trim().split(/\s+/);
    const [, local, , state] = fields;
    if (state === "0A" && local?.split(":")[1] === hexPort && fields[9]) inodes.push(fields[9]);
  }
  return inodes;
}

/** The parent pid in the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parentPidFromStat(stat: string): number | null {
  const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const parent = Number(afterName[1]);
  return Number.isInteger(parent) ? parent : null;
}

/** VmRSS of the text of /proc/<pid>/status, in kB. */
export function rssFromStatus(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : null;
}

function read(path: string): string | null {
  try {
    return fs.readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function pids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The process holding a socket listening on `port` (needs permission to read its /proc/<pid>/fd: same user or root). */
export function findListeningPid(port: number): number | null {
  const inodes = new Set([...listeningInodes(read("/proc/net/tcp") ?? "", port), ...listeningInodes(read("/proc/net/tcp6") ?? "", port)]);
  if (inodes.size === 0) return null;
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // The descriptor closed meanwhile.
      }
    }
  }
  return null;
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of pids()) {
    const stat = read(`/proc/${pid}/stat`);
    const parent = stat ? parentPidFromStat(stat) : null;
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The summed VmRSS (kB) of a process tree, or null when the process is gone. */
export function treeRss(root: number): { kilobytes: number; processes: number } | null {
  let kilobytes = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    const rss = rssFromStatus(read(`/proc/${pid}/status`) ?? "");
    if (rss === null) continue;
    kilobytes += rss;
    processes += 1;
  }
  return processes > 0 ? { kilobytes, processes } : null;
}
