# One image for every service; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY bench/package.json bench/
COPY tests/package.json tests/
COPY subgraphs/public-security/package.json subgraphs/public-security/
COPY subgraphs/education/package.json subgraphs/education/
COPY subgraphs/tax/package.json subgraphs/tax/
COPY subgraphs/courts/package.json subgraphs/courts/
COPY subgraphs/pboc/package.json subgraphs/pboc/
COPY subgraphs/platform/package.json subgraphs/platform/
RUN npm ci --no-audit --no-fund
COPY . .
# MONGODB_URI is set in compose, so the embedded FerretDB is not built here.
RUN npx tsc --build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "gateway/dist/index.js"]
