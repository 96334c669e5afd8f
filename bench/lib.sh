# What every benchmark script needs to start a server of its own: a free loopback port, and a
# wait until an address answers. Sourced, after `root` is set, by bench/*.sh.

# A port on 127.0.0.1 that nothing listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits up to about 10 s for `$1` to answer 2xx; stops the script when it never does.
wait_for() {
  for _ in $(seq 1 2000); do curl -sf -o /dev/null "$1" && return 0; sleep 0.005; done
  echo "bench/${0##*/}: $1 did not answer within 10 s" >&2
  exit 1
}
