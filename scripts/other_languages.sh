#!/usr/bin/env bash
# Other languages call Lisan through stubs generated from proto/ by
# `buf generate` (buf.gen.yaml, local plugins only, no network beyond the
# package registries): the Go, Java and TypeScript example clients in
# clients/{go,java,ts} are built against freshly generated stubs and each
# calls a real server (GetServiceInfo, then Analyze in the offset unit its
# language indexes strings by, checking every span cuts out its text).
# Installs what it needs when missing: Debian's protoc plugins, Go, grpc-go,
# grpc-java (root and apt-get), and the npm packages of clients/ts (buf,
# protoc-gen-es, connect-node, TypeScript) under target/. Skips (exit 0, with
# a message) when they cannot be installed. Prints
# "other languages: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${CARGO_TARGET_DIR:-target}/other-languages")
debs=(protobuf-compiler protoc-gen-go protoc-gen-go-grpc golang-go golang-google-protobuf-dev
      golang-google-grpc-dev protobuf-compiler-grpc-java-plugin libgrpc-java libprotobuf-java
      libnetty-java libperfmark-java libgeronimo-annotation-1.3-spec-java)
missing=()
for deb in "${debs[@]}"; do dpkg -s "$deb" >/dev/null 2>&1 || missing+=("$deb"); done
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "other languages: installing ${missing[*]}"
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; }; } \
    >/dev/null 2>&1
fi
for tool in protoc protoc-gen-go protoc-gen-go-grpc grpc_java_plugin go javac java npm; do
  command -v "$tool" >/dev/null || { echo "other languages: SKIPPED, $tool is missing and could not be installed"; exit 0; }
done

mkdir -p "$work"
rm -rf "$work/gen" "$work/gopath/src" "$work/java-classes" "$work/ts/gen"
# The TypeScript project; its package lock pins buf and protoc-gen-es too.
mkdir -p "$work/ts"
cp clients/ts/package.json clients/ts/package-lock.json clients/ts/tsconfig.json clients/ts/example.ts "$work/ts/"
(cd "$work/ts" && npm ci --silent --no-audit --no-fund) || { echo "other languages: npm ci failed"; exit 1; }
export PATH="$work/ts/node_modules/.bin:$PATH"
buf generate --output "$work/gen" || { echo "other languages: buf generate failed"; exit 1; }

bin="${LISAN_BIN:-${CARGO_TARGET_DIR:-target}/debug/lisan}"
[ -x "$bin" ] || cargo build --locked --quiet
port=$((20000 + RANDOM % 20000))
"$bin" serve --listen "127.0.0.1:$port" --log warn &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 100); do "$bin" health --remote "http://127.0.0.1:$port" --timeout-ms 500 >/dev/null 2>&1 && break; sleep 0.1; done

# An emoji first, so a span in the wrong unit cannot cut out the right text.
text='😀 زار الوفد القاهرة في 23 يوليو 2024. وعاد بعد ثلاثة أيام، ودفع 50 دولارا للفندق.'
expected='version 0.1.0
sentence "😀 زار الوفد القاهرة في 23 يوليو 2024."
sentence "وعاد بعد ثلاثة أيام، ودفع 50 دولارا للفندق."
entity ENTITY_TYPE_LOCATION "القاهرة" 
entity ENTITY_TYPE_DATE_TIME "23 يوليو 2024" 2024-07-23
entity ENTITY_TYPE_DATE_TIME "بعد ثلاثة أيام" 2024-07-04
entity ENTITY_TYPE_MONEY "50 دولارا" USD 50'
expected=${expected/0.1.0/$("$bin" --version | awk '{print $2}')}

passed=0; failed=0
check() { # language, command...
  local language=$1; shift
  local out
  if out=$("$@" 2>&1) && [ "$out" = "$expected" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED $language:"; echo "$out" | head -30
    diff <(echo "$expected") <(echo "$out") | head -20; fi
}

go_build() {
  local pkg="$work/gopath/src/example.com/lisan"
  mkdir -p "$pkg/gen" "$pkg/example"
  cp -r "$work/gen/go" "$pkg/gen/go" && cp clients/go/main.go "$pkg/example/" || return 1
  # GOPATH mode over Debian's Go libraries in /usr/share/gocode: no module proxy.
  (cd "$pkg/example" && GO111MODULE=off GOPATH="$work/gopath:/usr/share/gocode" \
     GOCACHE="$work/gocache" go build -o "$work/lisan-example-go" .)
}
go_client() { go_build && "$work/lisan-example-go" "127.0.0.1:$port" "$text"; }
check go go_client

jars=(grpc-api grpc-core grpc-netty grpc-protobuf grpc-protobuf-lite grpc-stub grpc-context protobuf
      guava failureaccess perfmark-api opencensus-api geronimo-annotation-1.3-spec netty-transport
      netty-codec-http2 netty-codec-http netty-codec netty-handler netty-handler-proxy
      netty-codec-socks netty-buffer netty-common netty-resolver)
classpath=$(printf '/usr/share/java/%s.jar:' "${jars[@]}")
java_client() {
  mkdir -p "$work/java-classes"
  javac -nowarn -encoding UTF-8 -d "$work/java-classes" -cp "$classpath" \
    $(find "$work/gen/java" -name '*.java') clients/java/LisanExample.java 2>&1 | grep -v '^Note:' >&2
  java -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -cp "$work/java-classes:$classpath" \
    LisanExample "127.0.0.1:$port" "$text"
}
check java java_client

ts_client() {
  cp -r "$work/gen/ts" "$work/ts/gen" || return 1
  (cd "$work/ts" && tsc -p . && tsx example.ts "127.0.0.1:$port" "$text")
}
check typescript ts_client

echo "other languages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
