namespace Cartesia.Tests.Support;

/// <summary>Tests that measure the process's managed memory run alone, so no other test's allocations blur it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurements";
}
