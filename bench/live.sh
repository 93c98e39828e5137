#!/usr/bin/env bash
# npm run bench:live: raise the open-files limit (every socket is a file descriptor, in the server
# and in the load workers; the hard limit on this machine type is ~20,000), then run bench/live.ts.
hard=$(ulimit -Hn)
if [ "$hard" = "unlimited" ] || [ "$hard" -gt 65536 ]; then hard=65536; fi
ulimit -n "$hard" 2>/dev/null || echo "[bench:live] could not raise ulimit -n (now $(ulimit -n))" >&2
exec node node_modules/tsx/dist/cli.mjs bench/live.ts "$@"
