#!/bin/sh
# Entrypoint of the silo image: advertise this container's own IP unless an address is given (Kubernetes passes the
# pod IP in OrleansSweep__Cluster__AdvertisedAddress; compose leaves it to this script), then run the silo as PID 1's
# replacement so SIGTERM reaches it.
set -eu
if [ -z "${OrleansSweep__Cluster__AdvertisedAddress:-}" ]; then
  # The first IPv4 address of this container's host name: its address on the compose network.
  address=$(hostname -i 2>/dev/null | tr ' ' '\n' | grep -m 1 -E '^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$' || true)
  if [ -z "$address" ]; then
    echo "silo-entrypoint: cannot find this container's IPv4 address; set OrleansSweep__Cluster__AdvertisedAddress" >&2
    exit 2
  fi
  OrleansSweep__Cluster__AdvertisedAddress=$address
  export OrleansSweep__Cluster__AdvertisedAddress
fi
exec /opt/orleanssweep/silo/orleanssweep-silo "$@"
