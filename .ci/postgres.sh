# A throwaway PostgreSQL on loopback for the tests against PostgreSQL (tests/databases.py).
# Sourced by .ci/run: `start_test_postgres` installs Debian's postgresql package when it is
# missing (as root), runs initdb in a temporary folder as a non-root user, starts the server
# on 127.0.0.1 on a free port with a random password, exports TEST_DATABASE_URL, and stops
# the server and removes the folder when the script exits. Without a server the PostgreSQL
# tests are skipped (pytest says why); nothing here makes CI fail.

_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

start_test_postgres() {
  local bin user as_user tmp port password
  bin=$(_pg_bin || true)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ]; then
    echo "Installing PostgreSQL (Debian's postgresql package) for the tests"
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/tmp/ci-apt.log 2>&1; then
      bin=$(_pg_bin || true)
    else
      tail -n 5 /tmp/ci-apt.log
    fi
  fi
  if [ -z "$bin" ]; then
    echo "No PostgreSQL server available: the PostgreSQL tests will be skipped"
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then  # initdb refuses to run as root
    user=postgres
    id -u "$user" >/dev/null 2>&1 || user=nobody
    as_user=(runuser -u "$user" --)
  else
    user=$(id -un)
    as_user=()
  fi
  tmp=$(mktemp -d /tmp/ci-postgres.XXXXXX)
  chown "$user" "$tmp"
  chmod 700 "$tmp"
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "$password" >"$tmp/pwfile"
  chown "$user" "$tmp/pwfile"
  if ! "${as_user[@]}" "$bin/initdb" -D "$tmp/data" -U postgres --pwfile="$tmp/pwfile" -A scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$tmp/initdb.log" 2>&1; then
    tail -n 5 "$tmp/initdb.log"
    echo "initdb failed: the PostgreSQL tests will be skipped"
    return 0
  fi
  # Durability is not under test here: no fsync, so the suite stays fast.
  if ! "${as_user[@]}" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
    tail -n 5 "$tmp/server.log"
    echo "PostgreSQL did not start: the PostgreSQL tests will be skipped"
    return 0
  fi
  _CI_PG_STOP=("${as_user[@]}" "$bin/pg_ctl" -D "$tmp/data" -m immediate stop)
  _CI_PG_TMP=$tmp
  trap stop_test_postgres EXIT
  export TEST_DATABASE_URL="postgresql://postgres:$password@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
}

stop_test_postgres() {
  if [ -n "${_CI_PG_TMP:-}" ]; then
    "${_CI_PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$_CI_PG_TMP"
    _CI_PG_TMP=
  fi
}
