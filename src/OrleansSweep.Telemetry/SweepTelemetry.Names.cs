namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    /// <summary>Span names (low cardinality: identifiers go in attributes, never in names).</summary>
    public static class Spans
    {
        /// <summary>The root span of a sweep, started by the client that runs or submits it.</summary>
        public const string Sweep = "sweep";

        /// <summary>An embedded run writing the phase map, heat maps and report (child of the sweep span).</summary>
        public const string Outputs = "outputs";

        /// <summary>One cell on a silo's cell executor: the root of a trace of its own, linked to the sweep span.</summary>
        public const string Cell = "cell";

        /// <summary>One seeded realisation of a cell's network (child of the cell span).</summary>
        public const string Realization = "realization";

        /// <summary>Lyapunov spectrum of one realisation.</summary>
        public const string Lyapunov = "lyapunov";

        /// <summary>Jacobian spectrum of one realisation.</summary>
        public const string Spectrum = "spectrum";

        /// <summary>Fixed-point search of one realisation.</summary>
        public const string FixedPoints = "fixed_points";

        /// <summary>Theory predictions of a cell (once per cell: child of the cell span).</summary>
        public const string Theory = "theory";
    }

    /// <summary>Attribute names on spans and metric points.</summary>
    public static class Attributes
    {
        public const string SweepId = "orleanssweep.sweep_id";
        public const string SweepName = "orleanssweep.sweep.name";

        /// <summary>Cells in the sweep (sweep and outputs spans).</summary>
        public const string Cells = "orleanssweep.cells";

        /// <summary>Failed cells of a finished sweep.</summary>
        public const string CellsFailed = "orleanssweep.cells.failed";

        public const string CellId = "orleanssweep.cell_id";
        public const string CellIndex = "orleanssweep.cell_index";

        /// <summary>Model family name (vanilla, rate, minimal, gru, lstm, gated).</summary>
        public const string Model = "orleanssweep.model";

        /// <summary>Units per network.</summary>
        public const string N = "orleanssweep.n";

        /// <summary>Realisations per cell (cell and sweep spans).</summary>
        public const string Realizations = "orleanssweep.realizations";

        /// <summary>The realisation's index (realization spans).</summary>
        public const string Realization = "orleanssweep.realization";

        /// <summary>Prefix of one attribute per model parameter: <c>orleanssweep.parameter.g</c>, …</summary>
        public const string ParameterPrefix = "orleanssweep.parameter.";

        /// <summary>Outcome, one of <see cref="Statuses"/>.</summary>
        public const string Status = "orleanssweep.status";

        /// <summary>Why an analysis did not converge or a cell was partial/failed (free text).</summary>
        public const string StatusReason = "orleanssweep.status.reason";

        /// <summary>The worker (silo) that computed a cell: its node name.</summary>
        public const string Worker = "orleanssweep.worker";

        /// <summary>Analysis name on metric points: one of the analysis span names.</summary>
        public const string Analysis = "orleanssweep.analysis";

        /// <summary>What an <see cref="System.Diagnostics.ActivityLink"/> points at: "sweep".</summary>
        public const string LinkKind = "orleanssweep.link.kind";

        public const string LyapunovMax = "orleanssweep.lyapunov.max";
        public const string LyapunovSum = "orleanssweep.lyapunov.sum";
        public const string LyapunovStandardError = "orleanssweep.lyapunov.standard_error";

        /// <summary>Spread of λ_max over the averaging windows: the convergence diagnostic of the Lyapunov run.</summary>
        public const string LyapunovWindowSpread = "orleanssweep.lyapunov.window_spread";

        public const string LyapunovExponents = "orleanssweep.lyapunov.exponents";
        public const string LyapunovSteps = "orleanssweep.lyapunov.steps";
        public const string KaplanYorkeDimension = "orleanssweep.lyapunov.kaplan_yorke_dimension";

        /// <summary>Distinct fixed points found.</summary>
        public const string FixedPointsCount = "orleanssweep.fixed_points.count";
        public const string FixedPointsStable = "orleanssweep.fixed_points.stable";
        public const string FixedPointsConvergedStarts = "orleanssweep.fixed_points.converged_starts";
        public const string FixedPointsFailedStarts = "orleanssweep.fixed_points.failed_starts";

        /// <summary>Points found by exactly one start: &gt; 0 means the search is likely incomplete.</summary>
        public const string FixedPointsSingletons = "orleanssweep.fixed_points.singletons";

        public const string SpectralRadius = "orleanssweep.spectrum.radius";
        public const string SpectralAbscissa = "orleanssweep.spectrum.abscissa";
        public const string SpectrumSamples = "orleanssweep.spectrum.samples";
        public const string SlowModeFraction = "orleanssweep.spectrum.slow_mode_fraction";

        /// <summary>Theory values computed for the cell.</summary>
        public const string TheoryValues = "orleanssweep.theory.values";

        /// <summary>Theory values that did not converge or diverged.</summary>
        public const string TheoryUnsolved = "orleanssweep.theory.unsolved";

        /// <summary>Prefix of one attribute per theory value: <c>orleanssweep.theory.lyapunov_max</c>, …</summary>
        public const string TheoryPrefix = "orleanssweep.theory.";

        /// <summary>Number of analyses of a cell or realisation that did not converge.</summary>
        public const string Problems = "orleanssweep.problems";
    }

    /// <summary>Values of <see cref="Attributes.Status"/>.</summary>
    public static class Statuses
    {
        public const string Ok = "ok";
        public const string Partial = "partial";
        public const string Failed = "failed";
        public const string Cancelled = "cancelled";
        public const string Completed = "completed";
        public const string Stopped = "stopped";
        public const string Converged = "converged";
        public const string NotConverged = "not_converged";
        public const string Diverged = "diverged";
        public const string NotApplicable = "not_applicable";
    }

    /// <summary>Instrument names of the <see cref="MeterName"/> meter.</summary>
    public static class Instruments
    {
        /// <summary>Counter {cell}: cells the sweep grain counted as done with status ok or partial (tags: model, status).</summary>
        public const string CellsCompleted = "orleanssweep.cells.completed";

        /// <summary>Counter {cell}: cells the sweep grain counted as done with status failed (tag: model).</summary>
        public const string CellsFailed = "orleanssweep.cells.failed";

        /// <summary>Counter {report}: reports of a cell the sweep grain had already counted (a re-ask after a silo
        /// failure or a slow cell, a resumed sweep).</summary>
        public const string CellsReportedAgain = "orleanssweep.cells.reported_again";

        /// <summary>Histogram s: wall time of a whole cell on its silo's executor (tags: model, status).</summary>
        public const string CellDuration = "orleanssweep.cell.duration";

        /// <summary>Histogram s: wall time of one analysis of one realisation, or of a cell's theory (tags: model, analysis, status).</summary>
        public const string AnalysisDuration = "orleanssweep.analysis.duration";

        /// <summary>UpDownCounter {cell}: cells being computed now (tag: worker, i.e. per silo).</summary>
        public const string CellsInFlight = "orleanssweep.cells.in_flight";

        /// <summary>Histogram s: from a cell grain handing its cell to the silo's executor to an executor thread
        /// picking it up (tag: worker). Grows when the silo has more cells than threads.</summary>
        public const string QueueWait = "orleanssweep.cell.queue_wait";
    }
}
