# syntax=docker/dockerfile:1.7
# ondc-shopping-mcp: REST under /api/v1, MCP at /mcp, probes at /health and /ready, on port 3000.
# Build: docker build -t ondc-shopping-mcp .   Run: see docker-compose.production.yml.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# onnxruntime-node's CPU binary ships in its npm package; its install script would only fetch GPU builds
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
# read at run time from the source tree's place (see src/geo/pincodes.ts)
COPY --chown=node:node src/geo/pincodes.json ./src/geo/pincodes.json
COPY --chown=node:node openapi ./openapi
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js", "serve"]
