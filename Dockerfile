# syntax=docker/dockerfile:1
# The cdguard scanner as a container image. Its entry point is the `cdguard` CLI, so a container's (or an
# ECS task's) command is the CLI's arguments, e.g.
#   ["scan","--org","--org-role-name","CdgScanner","--shard","3/16","--out","s3://b/runs/x/shard-3.jsonl","--quiet"]
#
#   docker build --build-arg VERSION="$(node -p 'require("./package.json").version')" -t cdguard .
#   docker run --rm --read-only --tmpfs /tmp -e AWS_REGION -e AWS_PROFILE -v ~/.aws:/tmp/.aws:ro cdguard scan --help
#
# Credentials come at run time only (task role, instance profile, environment): none is baked in.
# The root filesystem may be read-only: the CLI writes only to --out (a mounted path, /tmp or s3://...).
# Node 22 (LTS): Node 20 reached end of life in April 2026 and the AWS SDK's 2027 releases need 22.

FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied, and the dev dependencies'
# install scripts (a Pulumi plugin download) are not needed to compile.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY packs ./packs
COPY scripts ./scripts
RUN npm run build

FROM node:22-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (npm run build) needs the sources, and the built dist/ comes from the build
# stage; no production dependency needs its install script to run (protobufjs' only checks versions).
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM node:22-bookworm-slim AS runtime
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="cdguard" \
      org.opencontainers.image.description="customer-data-guard scanner: judges AWS accounts and organizations with the customer-data-guard rules" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/node:22-bookworm-slim"
# HOME=/tmp: the SDK and Node look for a home directory; /tmp is the one writable place (a tmpfs with --read-only).
ENV NODE_ENV=production \
    HOME=/tmp \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NO_UPDATE_NOTIFIER=1
# The CLI needs no package manager at run time: without npm, npx and corepack nothing can fetch code into the container.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Everything under /app belongs to root and is read-only for the user the CLI runs as.
WORKDIR /app
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
USER 10001:10001
ENTRYPOINT ["node", "/app/dist/src/cli/main.js"]
CMD ["--help"]
