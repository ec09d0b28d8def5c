#!/usr/bin/env bash
# `npm run image:check`: builds the relay's image from realtime-server/Dockerfile, unchanged, with a real
# engine, then runs it against the emulators (realtime-server/test/image): /healthz, a relayed message, and
# a clean exit on SIGTERM. Prints the image's size and how long each step took.
#
# - Where a Docker daemon answers: `docker build` on the official node:22-slim base.
# - Elsewhere (no daemon, Docker Hub out of reach): buildah with chroot isolation, against a local stand-in
#   for node:22-slim under that same name (scripts/image/local-node-base.sh: Debian bookworm minbase from
#   mmdebstrap + Node 22 from the npm registry), built once and kept in buildah's storage. buildah and
#   mmdebstrap are installed with apt when missing (as root).
#
# RELAY_IMAGE_ENGINE=docker|buildah forces an engine. STACK_PORT_OFFSET shifts the emulators' ports
# (default 300, clear of `npm start` and `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE="${RELAY_IMAGE:-localhost/chat-relay:check}"
say() { printf '[image] %s\n' "$*"; }
seconds() { echo $(( $(date +%s) - $1 )); }

engine="${RELAY_IMAGE_ENGINE:-}"
if [ -z "$engine" ]; then
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then engine=docker; else engine=buildah; fi
fi
say "engine: $engine"

if [ "$engine" = buildah ]; then
  missing=""
  command -v buildah >/dev/null || missing="$missing buildah"
  command -v mmdebstrap >/dev/null || missing="$missing mmdebstrap"
  if [ -n "$missing" ]; then
    SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
    say "installing$missing (apt)"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
  t=$(date +%s)
  scripts/image/local-node-base.sh docker.io/library/node:22-slim
  say "base image ready in $(seconds "$t") s"
  t=$(date +%s)
  # --ignorefile: the allow list BuildKit reads by itself next to the Dockerfile.
  buildah bud --isolation chroot --pull-never --layers=false --quiet \
    --ignorefile realtime-server/Dockerfile.dockerignore \
    -f realtime-server/Dockerfile -t "$IMAGE" . >/dev/null
  say "built $IMAGE in $(seconds "$t") s; size $(buildah images --format '{{.Size}}' "$IMAGE")"
else
  t=$(date +%s)
  DOCKER_BUILDKIT=1 docker build --quiet -f realtime-server/Dockerfile -t "$IMAGE" . >/dev/null
  say "built $IMAGE in $(seconds "$t") s; size $(docker image inspect --format '{{.Size}}' "$IMAGE") bytes"
fi

t=$(date +%s)
RELAY_IMAGE="$IMAGE" RELAY_IMAGE_ENGINE="$engine" STACK_PORT_OFFSET="${STACK_PORT_OFFSET:-300}" \
  npm test -- --selectProjects image
say "image run checked in $(seconds "$t") s"
