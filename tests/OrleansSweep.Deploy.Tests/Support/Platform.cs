// The deploy checks run bash, systemd-analyze, redis-server and read /proc: Linux only, like the deployments they check.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
