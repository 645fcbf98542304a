# syntax=docker/dockerfile:1
# The OrleansSweep silo (worker, coordinator or both): docker build -f deploy/docker/silo.Dockerfile -t orleanssweep/silo:dev .
# Build context = the repository root. The publish step is the one deploy/local-cluster.sh runs (Release, framework-dependent),
# so the image carries the same published output the local-cluster tests use.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first (cached until a project file or the central package versions change).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY silo/ silo/
RUN dotnet restore silo/OrleansSweep.Silo.csproj
RUN dotnet publish silo/OrleansSweep.Silo.csproj -c Release -o /out/silo --no-restore -nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# OpenBLAS (pthread build) + LAPACKE: the native dense kernels; without them the silo falls back to managed kernels.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libopenblas0-pthread liblapacke \
    && rm -rf /var/lib/apt/lists/*
# Non-root: uid 10001, owns only the data folder (the coordinator's durable store and outputs).
RUN groupadd --system --gid 10001 orleanssweep \
    && useradd --system --uid 10001 --gid orleanssweep --home-dir /var/lib/orleanssweep --no-create-home orleanssweep \
    && mkdir -p /var/lib/orleanssweep && chown orleanssweep:orleanssweep /var/lib/orleanssweep
COPY --from=build /out/silo /opt/orleanssweep/silo
ENV DOTNET_gcServer=0 \
    OrleansSweep__Cluster__DataFolder=/var/lib/orleanssweep \
    OrleansSweep__Cluster__StopTimeoutSeconds=30
USER 10001:10001
WORKDIR /var/lib/orleanssweep
VOLUME ["/var/lib/orleanssweep"]
# The silo has no HTTP endpoint: healthy = PID 1 is still the silo (it exits on a broker it cannot reach or bad settings).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/bin/sh", "-c", "grep -aq orleanssweep-silo /proc/1/cmdline"]
# SIGTERM lets running cells finish within StopTimeoutSeconds, then hands them back to the broker.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/orleanssweep/silo/orleanssweep-silo"]
CMD ["--role", "worker"]
