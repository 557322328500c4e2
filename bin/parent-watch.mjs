// Preloaded (node --import) into the processes the launcher starts: when the launcher dies,
// even by kill -9, its children notice that their parent changed and shut down.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();
