namespace Previz.Rendering.Tests.Video;

/// <summary>
/// Tests that change the environment (PATH, PREVIZ_MEDIA_PROCESSES) or measure the whole process's memory: they run
/// alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMediaTests
{
    public const string Name = "Process-wide media";
}
