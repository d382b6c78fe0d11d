# One image for every service; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY portal/package.json portal/
COPY scripts/package.json scripts/
COPY bench/package.json bench/
COPY tests/package.json tests/
# Departments (subgraphs/<name>/) have no package.json of their own: their
# dependencies are the workspace's, so a new one adds nothing here.
COPY subgraphs/platform/package.json subgraphs/platform/
RUN npm ci --no-audit --no-fund
COPY . .
# MONGODB_URI is set in compose, so the embedded FerretDB is not built here.
RUN node scripts/build-ts.mjs && npm run build:portal && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# The platform renders credit reports in a font with the Chinese glyphs (CREDIT_REPORT_FONT_FILE).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
USER node
# The gateway, run as everywhere else (GATEWAY_NODE_FLAGS, shared/src/subgraph-registry.ts).
CMD ["node", "--max-old-space-size=256", "gateway/dist/index.js"]
