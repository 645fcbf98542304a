# syntax=docker/dockerfile:1
# The sweep command (submit, watch, status, cancel, results, run …): docker build -f deploy/docker/client.Dockerfile -t orleanssweep/sweep:dev .
# Build context = the repository root; the publish step is the one deploy/local-cluster.sh runs.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY client/ client/
RUN dotnet restore client/OrleansSweep.Client.csproj
RUN dotnet publish client/OrleansSweep.Client.csproj -c Release -o /out/sweep --no-restore -nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# OpenBLAS + LAPACKE: `sweep run` computes cells locally with the native kernels.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libopenblas0-pthread liblapacke \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 orleanssweep \
    && useradd --system --uid 10001 --gid orleanssweep --home-dir /work --no-create-home orleanssweep \
    && mkdir -p /work && chown orleanssweep:orleanssweep /work
COPY --from=build /out/sweep /opt/orleanssweep/sweep
USER 10001:10001
# Specs are read from and results written to /work (bind-mount the current folder there).
WORKDIR /work
# A one-shot command, not a service: healthy = the binary and its runtime load.
HEALTHCHECK --interval=60s --timeout=10s --retries=1 CMD ["/opt/orleanssweep/sweep/sweep", "--version"]
ENTRYPOINT ["/opt/orleanssweep/sweep/sweep"]
CMD ["--help"]
