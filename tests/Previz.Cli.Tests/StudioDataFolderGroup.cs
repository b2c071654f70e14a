namespace Previz.Cli.Tests;

/// <summary>Tests that set PREVIZ_DATA, which is process-wide, run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StudioDataFolderGroup
{
    public const string Name = "studio data folder";
}
