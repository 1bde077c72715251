# One image for every service of the federation; compose.yaml picks the service by its command
# (`scripts/launch.mjs subgraph <agency>`, `scripts/launch.mjs subgraph indicators` or `scripts/launch.mjs gateway`).

# Build: the server bundle (.build/, plain JavaScript) and the dashboard, with the dev dependencies that build them.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node scripts/build-dashboard.mjs && node scripts/build-server.mjs

# Run: production dependencies only; the services run the bundle with plain node (no tsx, no compiler).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
# The heap sizes `npm start` gives each service (SERVICE_MAX_HEAP_MB, SERVICE_SEMI_SPACE_MB; README, Configuration).
ENV NODE_OPTIONS="--max-old-space-size=2048 --max-semi-space-size=64"
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
# Sources too: the services read the SDL, catalog, migrations and demo snapshot at run time.
COPY . .
COPY --from=build /app/.build ./.build
COPY --from=build /app/dashboard/dist ./dashboard/dist

USER node
# Overridden per service in compose.yaml.
CMD ["node", "scripts/launch.mjs", "gateway"]
