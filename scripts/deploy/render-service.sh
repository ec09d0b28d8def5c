#!/usr/bin/env bash
# Prints realtime-server/service.yaml for one project and one image, pinned by digest, for
# `gcloud run services replace`:
#   scripts/deploy/render-service.sh <project-id> <region>-docker.pkg.dev/<project>/chat/relay@sha256:<digest>
set -euo pipefail
project="${1:?usage: render-service.sh <project-id> <image@sha256:digest>}"
image="${2:?usage: render-service.sh <project-id> <image@sha256:digest>}"
[[ "$project" =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] || { echo "not a project id: $project" >&2; exit 1; }
[[ "$image" == *@sha256:* ]] || { echo "deploy by digest: $image has no @sha256:" >&2; exit 1; }
service="$(dirname "$0")/../../realtime-server/service.yaml"
grep -q '^        - image: ' "$service" || { echo "no container image line in $service" >&2; exit 1; }
sed -e "s|^        - image: .*|        - image: $image|" -e "s|PROJECT_ID|$project|g" "$service"
