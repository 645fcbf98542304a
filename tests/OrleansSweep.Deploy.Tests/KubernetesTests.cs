using System.Globalization;
using System.Text.Json;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class KubernetesTests
{
    private static readonly JsonElement[] Objects = [.. DeployFiles.Files(".yaml")
        .Where(f => f.StartsWith("deploy/k8s/", StringComparison.Ordinal) && !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
        .SelectMany(DeployFiles.Yaml)];

    private static JsonElement Object(string kind, string name) =>
        Objects.Single(o => o.GetProperty("kind").GetString() == kind && o.GetProperty("metadata").GetProperty("name").GetString() == name);

    private static JsonElement PodSpec(JsonElement workload) => workload.GetProperty("spec").GetProperty("template").GetProperty("spec");

    private static JsonElement Container(JsonElement workload) => PodSpec(workload).GetProperty("containers")[0];

    private static JsonElement Silo => Object("Deployment", "silo");

    private static JsonElement? EnvEntry(JsonElement container, string name) => container.GetProperty("env").EnumerateArray()
        .Where(e => e.GetProperty("name").GetString() == name).Select(e => (JsonElement?)e).SingleOrDefault();

    private static string? Env(JsonElement container, string name) =>
        EnvEntry(container, name) is { } entry && entry.TryGetProperty("value", out var value) ? value.GetString() : null;

    private static string? FieldRef(JsonElement container, string name) =>
        EnvEntry(container, name) is { } entry && entry.TryGetProperty("valueFrom", out var from) && from.TryGetProperty("fieldRef", out var field)
            ? field.GetProperty("fieldPath").GetString() : null;

    private static int ContainerPort(JsonElement container, string name) => container.GetProperty("ports").EnumerateArray()
        .Single(p => p.GetProperty("name").GetString() == name).GetProperty("containerPort").GetInt32();

    [Fact]
    public void Kustomization_lists_every_manifest_and_only_existing_ones()
    {
        var kustomization = DeployFiles.Yaml("deploy/k8s/kustomization.yaml")[0];
        var listed = kustomization.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal);
        var present = Directory.GetFiles(DeployFiles.PathOf("deploy/k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(present.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains(kustomization.GetProperty("images").EnumerateArray(), i => i.GetProperty("name").GetString() == Container(Silo).GetProperty("image").GetString());
    }

    [Fact]
    public void Silos_turn_on_Kubernetes_hosting_and_get_their_pod_identity()
    {
        var container = Container(Silo);
        Assert.Equal("1", Env(container, "ORLEANSSWEEP_KUBERNETES"));
        Assert.Equal("metadata.name", FieldRef(container, "POD_NAME"));
        Assert.Equal("metadata.namespace", FieldRef(container, "POD_NAMESPACE"));
        Assert.Equal("status.podIP", FieldRef(container, "POD_IP"));
        Assert.Equal("$(POD_IP)", Env(container, "OrleansSweep__Cluster__AdvertisedAddress"));
        Assert.Equal("$(POD_NAME)", Env(container, "OrleansSweep__Cluster__Name"));
    }

    [Fact]
    public void Cluster_and_service_id_come_from_the_pod_labels_Orleans_selects_on()
    {
        var container = Container(Silo);
        var labels = Silo.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels");
        foreach (var (label, orleans, ours) in new[] { ("orleans/clusterId", "ORLEANS_CLUSTER_ID", "ClusterId"), ("orleans/serviceId", "ORLEANS_SERVICE_ID", "ServiceId") })
        {
            Assert.False(string.IsNullOrWhiteSpace(labels.GetProperty(label).GetString()));
            Assert.Equal($"metadata.labels['{label}']", FieldRef(container, orleans));
            Assert.Equal($"$({orleans})", Env(container, CodeFacts.EnvironmentPrefix + ours));
        }
    }

    [Fact]
    public void Silo_service_account_may_get_list_watch_patch_and_delete_pods()
    {
        var account = PodSpec(Silo).GetProperty("serviceAccountName").GetString();
        Object("ServiceAccount", account!);
        var binding = Objects.Single(o => o.GetProperty("kind").GetString() == "RoleBinding"
            && o.GetProperty("subjects").EnumerateArray().Any(s => s.GetProperty("kind").GetString() == "ServiceAccount" && s.GetProperty("name").GetString() == account));
        Assert.Equal("Role", binding.GetProperty("roleRef").GetProperty("kind").GetString());
        var role = Object("Role", binding.GetProperty("roleRef").GetProperty("name").GetString()!);
        var pods = role.GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("apiGroups").EnumerateArray().Any(g => g.GetString() == "") && r.GetProperty("resources").EnumerateArray().Any(x => x.GetString() == "pods"))
            .SelectMany(r => r.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()!)).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["get", "list", "watch", "patch", "delete"]), pods);
    }

    [Fact]
    public void Probes_ask_the_health_endpoint_on_the_dashboard_port()
    {
        var container = Container(Silo);
        var http = ContainerPort(container, "http");
        Assert.Equal(CodeFacts.DefaultPort("DashboardPort"), http);
        Assert.Equal(http.ToString(CultureInfo.InvariantCulture), Env(container, "OrleansSweep__Cluster__DashboardPort"));
        Assert.Equal("0.0.0.0", Env(container, "OrleansSweep__Cluster__DashboardHost"));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var get = container.GetProperty(probe).GetProperty("httpGet");
            Assert.Equal(CodeFacts.HealthPath, get.GetProperty("path").GetString());
            Assert.Equal("http", get.GetProperty("port").GetString());
        }
    }

    [Fact]
    public void Silo_and_gateway_ports_are_the_appsettings_defaults()
    {
        var container = Container(Silo);
        foreach (var (name, setting) in new[] { ("silo", "SiloPort"), ("gateway", "GatewayPort") })
        {
            Assert.Equal(CodeFacts.DefaultPort(setting), ContainerPort(container, name));
            Assert.Equal(CodeFacts.DefaultPort(setting).ToString(CultureInfo.InvariantCulture), Env(container, CodeFacts.EnvironmentPrefix + setting));
        }
    }

    [Fact]
    public void Silos_reach_the_Redis_service_with_the_secret_password()
    {
        var container = Container(Silo);
        var redis = Env(container, "OrleansSweep__Cluster__Redis")!.Split(',');
        var port = Object("Service", "redis").GetProperty("spec").GetProperty("ports")[0].GetProperty("port").GetInt32();
        Assert.Equal($"redis:{port}", redis[0]);
        Assert.Contains("password=$(REDIS_PASSWORD)", redis);
        var secret = EnvEntry(container, "REDIS_PASSWORD")!.Value.GetProperty("valueFrom").GetProperty("secretKeyRef");
        Assert.True(Object("Secret", secret.GetProperty("name").GetString()!).GetProperty("stringData").TryGetProperty(secret.GetProperty("key").GetString()!, out _));
        var args = Container(Object("StatefulSet", "redis")).GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal("$(REDIS_PASSWORD)", args[args.IndexOf("--requirepass") + 1]);
    }

    [Fact]
    public void Redis_persists_to_a_claim_with_the_shipped_settings()
    {
        var redis = Object("StatefulSet", "redis");
        var args = Container(redis).GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        var data = args[args.IndexOf("--dir") + 1];
        var claim = redis.GetProperty("spec").GetProperty("volumeClaimTemplates")[0].GetProperty("metadata").GetProperty("name").GetString();
        Assert.Contains(Container(redis).GetProperty("volumeMounts").EnumerateArray(),
            m => m.GetProperty("name").GetString() == claim && m.GetProperty("mountPath").GetString() == data);
        var config = Object("ConfigMap", "redis-config").GetProperty("data").GetProperty("redis.conf").GetString()!;
        var shipped = DeployFiles.Text("deploy/redis/redis.conf").Split('\n');
        foreach (var line in config.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(line.Trim(), shipped);
        }

        Assert.Contains("appendonly yes", config, StringComparison.Ordinal);
        Assert.Contains("appendfsync everysec", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_run_as_non_root_and_silos_outlast_a_graceful_shutdown()
    {
        foreach (var workload in new[] { Silo, Object("StatefulSet", "redis") })
        {
            Assert.True(PodSpec(workload).GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean());
            Assert.False(Container(workload).GetProperty("securityContext").GetProperty("allowPrivilegeEscalation").GetBoolean());
        }

        Assert.True(PodSpec(Silo).GetProperty("terminationGracePeriodSeconds").GetInt32() >= 30);
        var resources = Container(Silo).GetProperty("resources");
        Assert.Equal(resources.GetProperty("limits").GetProperty("cpu").GetString(), Env(Container(Silo), "OrleansSweep__Cluster__Concurrency"));
    }

    [Fact]
    public void No_service_exposes_the_dashboard()
    {
        var http = CodeFacts.DefaultPort("DashboardPort");
        foreach (var service in Objects.Where(o => o.GetProperty("kind").GetString() == "Service"))
        {
            Assert.DoesNotContain(service.GetProperty("spec").GetProperty("ports").EnumerateArray(), p => p.GetProperty("port").GetInt32() == http);
            Assert.False(service.GetProperty("spec").TryGetProperty("type", out var type) && type.GetString() is "LoadBalancer" or "NodePort");
        }
    }
}
