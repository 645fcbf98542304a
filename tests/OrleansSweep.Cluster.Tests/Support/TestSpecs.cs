using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Small sweeps of the rate model (SCS) whose cells take long enough to kill silos mid-sweep on 2 cores.</summary>
internal static class TestSpecs
{
    /// <summary>24 cells of N = 60, about half a second each (Lyapunov spectrum plus theory; 80,000 steps since the
    /// Lyapunov loop got faster, so that a restarted coordinator still finds work left).</summary>
    public const string TwentyFourCells = """
        {
          "name": "cluster-test",
          "model": "rate",
          "n": 60,
          "realizations": 1,
          "seed": 7,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.5, "to": 3.0, "steps": 24 } },
          "analyses": { "lyapunov": { "exponents": 2, "transientTime": 100, "averagingTime": 8000, "windows": 5 }, "theory": true }
        }
        """;

    /// <summary>8 short cells (a tenth of a second or so each): enough for two workers to share, for the telemetry test.</summary>
    public const string EightShortCells = """
        {
          "name": "cluster-telemetry-test",
          "model": "rate",
          "n": 40,
          "realizations": 1,
          "seed": 9,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.5, "to": 3.0, "steps": 8 } },
          "analyses": { "lyapunov": { "exponents": 2, "transientTime": 100, "averagingTime": 1000, "windows": 5 }, "theory": true }
        }
        """;

    /// <summary>4 cells of about 9 s of CPU each: a running cell stopped within seconds was stopped by cancellation.</summary>
    public const string FourLongCells = """
        {
          "name": "cluster-cancel-test",
          "model": "rate",
          "n": 60,
          "realizations": 1,
          "seed": 8,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 1.0, "to": 2.5, "steps": 4 } },
          "analyses": { "lyapunov": { "exponents": 2, "transientTime": 100, "averagingTime": 120000, "windows": 5 } }
        }
        """;

    /// <summary>A fixed machine, so that the memory check does not depend on where the tests run.</summary>
    public static MachineProfile Machine { get; } = new(2, 16L << 30);

    public static ValidatedSweep Parse(string json) => SpecLoader.Parse(json, "test.json", Machine);
}
