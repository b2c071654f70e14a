namespace Previz.Studio.Hosting;

/// <summary>
/// Settings of the studio host, from configuration (<c>Studio:*</c>) and the environment (<c>PREVIZ_DATA</c>,
/// <c>PREVIZ_DATABASE</c>, <c>PREVIZ_TOKEN</c>).
/// </summary>
public sealed class StudioOptions
{
    public const string SectionName = "Studio";

    /// <summary>Where everything is written: <c>PREVIZ_DATA</c>, else <c>~/.local/share/previz</c>.</summary>
    public string DataFolder { get; set; } = string.Empty;

    /// <summary>A PostgreSQL connection string (<c>PREVIZ_DATABASE</c>); empty for the embedded SQLite files.</summary>
    public string? Database { get; set; }

    /// <summary>The access token every request must carry (<c>PREVIZ_TOKEN</c>); required to bind beyond loopback.</summary>
    public string? Token { get; set; }

    /// <summary>Largest scene upload in bytes (default 200 MB).</summary>
    public long SceneUploadLimitBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest image upload in bytes (default 20 MB).</summary>
    public long ImageUploadLimitBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest sound cue upload in bytes (default 100 MB: about ten minutes of CD-quality WAV).</summary>
    public long AudioUploadLimitBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// The project's spending cap in USD (<c>Studio:BudgetUsd</c>); null for none. A hosted generation that would take
    /// the billed (else estimated) cost of all generations that did not fail over it is refused.
    /// </summary>
    public decimal? BudgetUsd { get; set; }

    /// <summary>
    /// Where the bundled sample scenes are (<c>Studio:SamplesFolder</c>); empty to look for a <c>samples</c> folder next to
    /// the program, then up from the current directory.
    /// </summary>
    public string? SamplesFolder { get; set; }

    /// <summary>Store every sample scene on start (<c>Studio:LoadSamples</c>), once per content.</summary>
    public bool LoadSamples { get; set; }

    public JobOptions Jobs { get; set; } = new();

    /// <summary>True when <see cref="Database"/> names a PostgreSQL server.</summary>
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Database);
}
