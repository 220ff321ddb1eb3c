#!/usr/bin/env bash
# Prints the path of a real `pulumi` CLI of the version our @pulumi/pulumi pins. In this order it
# takes:
#   1. a `pulumi` of that version on PATH;
#   2. a build cached outside the repository ($RU_RESIDENCY_CACHE, default ~/.cache/ru-residency);
#   3. a fresh build of github.com/pulumi/pulumi/pkg/v3/cmd/pulumi from the Go module proxy, unless
#      RU_RESIDENCY_FIND_ONLY is set (npm run bench looks for a CLI but never builds one).
# pkg/go.mod replaces sdk/v3 with ../sdk, which is why `go install ...@version` refuses it: the two
# module zips are laid side by side as pkg/ and sdk/, as in the pulumi/pulumi repository, and the
# CLI is built inside pkg/ with the release's own flags (.goreleaser.yml). The language hosts
# (pulumi-language-nodejs, -python) are separate, untagged modules that the module proxy here
# refuses (403 "This module version is not available", for the tag's pseudo-version and for the
# bare commit), so the conformance suite runs programs as Automation API inline programs, which
# need no language host. Nothing is written inside the repository.
# Progress goes to stderr; stdout carries only the path.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
version="$(node -p 'require(process.argv[1]).version' "$root/node_modules/@pulumi/pulumi/package.json" 2>/dev/null || true)"
if [ -z "$version" ]; then
  version="$(node -p 'require(process.argv[1]).dependencies["@pulumi/pulumi"]' "$root/package.json")"
fi
cache="${RU_RESIDENCY_CACHE:-$HOME/.cache/ru-residency}"
out="$cache/pulumi-v$version"

log() { echo "pulumi-cli: $*" >&2; }

if p="$(command -v pulumi 2>/dev/null)" && [ "$("$p" version 2>/dev/null)" = "v$version" ]; then
  echo "$p"; exit 0
fi
if [ -x "$out/bin/pulumi" ] && [ "$("$out/bin/pulumi" version 2>/dev/null)" = "v$version" ]; then
  echo "$out/bin/pulumi"; exit 0
fi

[ -z "${RU_RESIDENCY_FIND_ONLY:-}" ] || { log "no pulumi v$version on PATH or in $out (npm run pulumi:cli builds it)"; exit 1; }
command -v go >/dev/null || { log "no Go toolchain on PATH, and no cached pulumi v$version in $out"; exit 1; }
start=$(date +%s)
log "building pulumi v$version from the Go module proxy into $out (first time only)"
export GOFLAGS="-mod=mod -buildvcs=false"
export GOTOOLCHAIN=local
src="$out/src"
rm -rf "$src"; mkdir -p "$src"
module_dir() { # module version -> the directory of its extracted zip in the module cache
  local json dir
  json="$(go mod download -json "$1@$2")" || { log "cannot download $1@$2: $json"; return 1; }
  dir="$(printf '%s' "$json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error||!j.Dir){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')" || return 1
  [ -n "$dir" ] && [ -f "$dir/go.mod" ] || { log "no module directory for $1@$2"; return 1; }
  printf '%s' "$dir"
}
lay() { # module version destination
  local dir
  dir="$(module_dir "$1" "$2")" || exit 1
  mkdir -p "$3"; cp -a "$dir/." "$3/"; chmod -R u+w "$3"
}
lay github.com/pulumi/pulumi/pkg/v3 "v$version" "$src/pkg"
lay github.com/pulumi/pulumi/sdk/v3 "v$version" "$src/sdk"

ldflags="-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"
mkdir -p "$out/bin"
(cd "$src/pkg" && go build -trimpath -tags osusergo,grpcnotrace -ldflags "$ldflags" -o "$out/bin/pulumi.new" ./cmd/pulumi)
mv "$out/bin/pulumi.new" "$out/bin/pulumi"
rm -rf "$src"
log "built in $(( $(date +%s) - start )) s"
echo "$out/bin/pulumi"
