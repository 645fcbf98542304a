// Spans and measurements come from one process-wide ActivitySource and Meter: tests that listen to them must not
// overlap, or one test would see another's spans.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
