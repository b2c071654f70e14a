using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Tests.Components;

/// <summary>
/// A bunit context with the studio's real services (no job workers) on a temporary data folder, migrated as
/// <c>previz serve</c> would on start.
/// </summary>
public abstract class StudioComponentContext : BunitContext
{
    /// <summary>Time allowed for a page to finish its database work; waiting ends as soon as the markup is right.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected StudioComponentContext(params (string Key, string Value)[] settings)
    {
        DataRoot = Path.Combine(Path.GetTempPath(), "previz-studio-components", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?> { ["PREVIZ_DATA"] = DataRoot };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        values["Studio:Jobs:RunWorkers"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = StudioServices.ReadOptions(configuration);
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddPrevizStudio(configuration, options);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.GetRequiredService<StudioDatabase>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    protected string DataRoot { get; }

    protected SceneStore Store => Services.GetRequiredService<SceneStore>();

    /// <summary>The repository's <c>samples</c> folder (or the copy the CLI build puts beside the tests).</summary>
    protected static string SamplesFolder =>
        SampleLibrary.FindFolder(null, AppContext.BaseDirectory, AppContext.BaseDirectory) ?? throw new InvalidOperationException("No samples folder found.");

    protected static byte[] StadiumBytes() => File.ReadAllBytes(Path.Combine(SamplesFolder, "stadium.previz.json"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataRoot();
        }
    }

    /// <summary>Removes the data folder once the context is disposed (pooled SQLite connections would hold the database).</summary>
    protected void DeleteDataRoot()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataRoot, true);
        }
        catch (IOException)
        {
        }
    }
}
