# syntax=docker/dockerfile:1
# The OrleansSweep silo (every silo hosts cell and sweep grains): docker build -f deploy/docker/silo.Dockerfile -t orleanssweep/silo:dev .
# Build context = the repository root. The publish step is the one deploy/local-cluster.sh runs (Release,
# framework-dependent), so the image carries the same published output the local-cluster test runs.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first (cached until a project file or the central package versions change).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY silo/ silo/
RUN dotnet restore silo/OrleansSweep.Silo.csproj
RUN dotnet publish silo/OrleansSweep.Silo.csproj -c Release -o /out/silo --no-restore -nologo

# The silo is an ASP.NET Core app (Orleans Dashboard, /health): the aspnet runtime image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# OpenBLAS (pthread build) + LAPACKE: the native dense kernels; without them the silo falls back to managed kernels.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libopenblas0-pthread liblapacke \
    && rm -rf /var/lib/apt/lists/*
# Non-root: uid 10001. The silo keeps no files: grain state, membership and reminders live in Redis.
RUN groupadd --system --gid 10001 orleanssweep \
    && useradd --system --uid 10001 --gid orleanssweep --home-dir /nonexistent --no-create-home orleanssweep
COPY --from=build /out/silo /opt/orleanssweep/silo
COPY deploy/docker/silo-entrypoint.sh /opt/orleanssweep/silo-entrypoint.sh
# Ports of silo/appsettings.json: silo-to-silo 11111, gateway 30000, dashboard + /health 8080. Inside a container the
# dashboard must listen on the container's interface to be reachable through a (loopback-only) published port.
ENV DOTNET_gcServer=0 \
    OrleansSweep__Cluster__SiloPort=11111 \
    OrleansSweep__Cluster__GatewayPort=30000 \
    OrleansSweep__Cluster__DashboardPort=8080 \
    OrleansSweep__Cluster__DashboardHost=0.0.0.0
EXPOSE 11111 30000 8080
USER 10001:10001
WORKDIR /opt/orleanssweep
# Healthy = this silo is an active member of the cluster (/health on the dashboard port; bash's /dev/tcp, no curl).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# SIGTERM: Orleans' graceful shutdown (the silo leaves the membership table and hands its activations over).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/orleanssweep/silo-entrypoint.sh"]
