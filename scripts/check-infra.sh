#!/usr/bin/env bash
# Type-checks the SST app (sst.config.ts and infra/) against SST's platform types, offline except
# for the npm registry.
#
# The types come from `.sst/platform`, which `sst install` writes: SST's own component sources,
# plus @pulumi/aws and the rest fetched from npm with bun. Run plainly, `sst install` first
# downloads Pulumi and bun from GitHub; SST_SKIP_DEPENDENCY_CHECK skips that, and SST_BUN_PATH
# points it at the bun that npm installed (the `bun` dev dependency). The install is repeated only
# when the SST version or the pinned AWS provider version differ from what `.sst/platform` holds.
#
# SST's platform sources are .ts files, so tsc checks them too; their diagnostics are not ours to
# fix (sst 4.17.1's own function.ts has one under its own tsconfig) and are counted, not failed on.
set -euo pipefail
cd "$(dirname "$0")/.."

platform=.sst/platform
sst_version=$(node -p 'require("./node_modules/sst/package.json").version')
aws_version=$(sed -n "s/^[[:space:]]*providers:[[:space:]]*{[[:space:]]*aws:[[:space:]]*['\"]\([0-9][0-9.]*\)['\"].*/\1/p" sst.config.ts | head -n 1)
if [ -z "${aws_version}" ]; then
  echo "check-infra: sst.config.ts must pin the AWS provider as \`providers: { aws: '<version>' }\`" >&2
  exit 1
fi

installed_sst=$(cat "${platform}/version" 2>/dev/null || true)
installed_aws=$(node -p "require('./${platform}/node_modules/@pulumi/aws/package.json').version" 2>/dev/null || true)
if [ "${installed_sst}" != "${sst_version}" ] || [ "${installed_aws}" != "${aws_version}" ] || [ ! -f "${platform}/config.d.ts" ]; then
  echo "check-infra: installing SST ${sst_version} platform types with @pulumi/aws ${aws_version} into ${platform}" >&2
  started=$(date +%s)
  SST_SKIP_DEPENDENCY_CHECK=1 SST_TELEMETRY_DISABLED=1 SST_BUN_PATH="${PWD}/node_modules/.bin/bun" \
    PATH="${PWD}/node_modules/.bin:${PATH}" \
    node_modules/.bin/sst install --stage typecheck
  # The type-check cache refers to the old platform's files.
  rm -f .sst/tsconfig.infra.tsbuildinfo
  echo "check-infra: installed in $(($(date +%s) - started)) s" >&2
fi

set +e
output=$(node_modules/.bin/tsc -p tsconfig.infra.json --pretty false 2>&1)
status=$?
set -e

# A diagnostic starts at an unindented line; indented lines continue it.
ours=$(printf '%s\n' "${output}" | awk '/^[^ \t]/ { keep = ($0 !~ /^\.sst\//) } keep && NF')
theirs=$(printf '%s\n' "${output}" | grep -c '^\.sst/.*error TS' || true)

if [ -n "${ours}" ]; then
  printf '%s\n' "${ours}" >&2
  exit 1
fi
if [ "${status}" -ne 0 ] && [ "${theirs}" -eq 0 ]; then
  printf '%s\n' "${output}" >&2
  exit "${status}"
fi
if [ "${theirs}" -gt 0 ]; then
  echo "check-infra: ok (ignored ${theirs} diagnostic(s) inside SST's own platform sources)"
else
  echo "check-infra: ok"
fi
