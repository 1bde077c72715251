# One image for every service of the federation; compose.yaml picks the service by its command
# (`scripts/start-subgraph.ts <agency>`, `scripts/start-subgraph.ts indicators` or `gateway/index.ts`).
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0

# Dependencies first, so a source change does not reinstall them. The services run TypeScript through
# tsx (there is no build step), so the dev dependencies that include it are installed too.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .

USER node
# Overridden per service in compose.yaml.
CMD ["node", "--import", "tsx", "gateway/index.ts"]
